/**
 * framework-agreement-sim: Monte Carlo simulation of public procurement through framework
 * agreements, calibrated to Norwegian labour-market services.
 *
 * The core entry runs anywhere (Node, Deno, browsers): no Node built-ins, no fast-check.
 * @module framework-agreement-sim
 */
export { simulate, simulateFrom, burnIn, simulateDecoded, burnInDecoded, type MarketSnapshot } from './engine/simulate.js';
export { BASELINE_CONFIG, TODAY_POLICY, CALIBRATED_VALUES } from './model/baseline.js';
export {
  ConfigCodec,
  PolicyCodec,
  OWNERSHIP_TYPES,
  SIZE_CLASSES,
  ALLOCATION_RULES,
  SCORING_RULES,
  type Config,
  type ConfigInput,
  type DeepPartial,
  type Policy,
  type RunConfig,
  type MarketConfig,
  type MeasureType,
  type Region,
  type DemandShock,
  type SupplierConfig,
  type OwnershipProfile,
  type OwnershipType,
  type SizeClass,
  type BehaviourConfig,
  type OutcomeConfig,
  type EffectsConfig,
} from './model/config.js';
export { decodeConfig, parseConfig, mergeOver, ConfigError, MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS, MAX_SUPPLIERS_EVER } from './model/decode.js';
export type { ConfigIssue } from './model/codecs.js';
export { SERIES_METRICS, OUTCOME_METRICS, type SeriesMetric, type OutcomeMetric, type MetricInfo } from './model/metrics.js';
export type { SimulationResult, RunLedger } from './model/result.js';
export { EXIT_CAUSES, type ExitCauseName } from './engine/codes.js';
export { canonicalSeed, type Seed } from './random/streams.js';
export { herfindahl, topShares, quantileSorted, safeDivide, shareOf } from './metrics/index.js';
export {
  monteCarlo,
  compare,
  sweep,
  setAt,
  gridDesign,
  latinHypercube,
  runDesign,
  runExperiment,
  runShard,
  mergeShards,
  finaliseExperiment,
  serialExecutor,
  summarise,
  hasInterval,
  replicationSeed,
  RESULT_FORMAT_VERSION,
  ReplicationError,
  MAX_RUNS,
  STOP_RULE_MIN_RUNS,
  STOP_RULE_MIN_BATCHES,
  QUANTILE_ACCURACY,
  type ExperimentOptions,
  type ExperimentOutput,
  type ExperimentResult,
  type ExperimentSpec,
  type PolicyVariant,
  type PolicyList,
  type PolicySummary,
  type DifferenceSummary,
  type Summary,
  type RunRow,
  type Progress,
  type StopRule,
  type ConvergenceReport,
  type SweepOutput,
  type DesignParameter,
  type ShardState,
  type Executor,
  type ExecutorHooks,
} from './experiment/index.js';
export type { Direction, OutcomeInfo } from './model/metrics.js';
export { NAMED_POLICIES, listPolicies, namedPolicy, type NamedPolicy } from './policies/index.js';
// Reports: tidy rows (CSV, JSON lines) of any result.
export {
  toRows,
  runRows,
  experimentRows,
  sweepRows,
  parameterValueOf,
  isExperiment,
  isSweep,
  tidyRow,
  toCsv,
  parseCsv,
  toJsonLines,
  parseJsonLines,
  TIDY_COLUMNS,
  TIDY_STATISTICS,
  ROW_PARTS,
  type TidyRow,
  type TidyColumn,
  type TidyStatistic,
  type RowOptions,
  type RowPart,
  type AnyResult,
} from './report/rows.js';
// Reports: charts as Vega-Lite specs (plain JSON; they display themselves in Deno notebooks).
export {
  survivalChart,
  concentrationChart,
  forestPlot,
  sweepChart,
  runChart,
  chartsFor,
  vegaLiteSpec,
  outcomeTitle,
  seriesTitle,
  HEADLINE_OUTCOMES,
  RUN_CHART_SERIES,
  OUTCOME_LABELS,
  SERIES_LABELS,
  VEGA_LITE_SCHEMA,
  VEGA_LITE_MIME,
  JUPYTER_DISPLAY,
  type VegaLiteSpec,
  type NamedChart,
} from './report/charts.js';
export {
  calibrate,
  checkFit,
  objectiveOf,
  targetDistance,
  applyParameters,
  unitLatinHypercube,
  nelderMead,
  fitTable,
  BASELINE_TARGETS,
  BASELINE_PARAMETERS,
  NET_ENTRY_PER_YEAR,
  type CalibrationParameter,
  type CalibrationTarget,
  type CalibrationOptions,
  type CalibrationResult,
  type CalibrationEvaluation,
  type DerivedMoment,
  type FitRow,
  type NelderMeadOptions,
  type NelderMeadResult,
  type SearchPoint,
} from './calibration/index.js';
export { demandShift, scenario } from './scenarios/index.js';
export {
  comparisonTable,
  PROBABLE_SHARE,
  type ComparisonTable,
  type TableRow,
  type TableCell,
  type TablePolicy,
  type Certainty,
} from './report/table.js';
export { tableMetrics, survivalCheckpoints, type TableMetricSpec, type TableFormat } from './report/tableMetrics.js';
export { formatTable } from './report/tableText.js';
export { tableCsv, TABLE_CSV_COLUMNS } from './report/tableCsv.js';
export { narrative } from './report/narrative.js';
