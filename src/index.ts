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
  type Uncertain,
  type UncertainConfig,
  type PlainConfigInput,
} from './model/config.js';
export {
  DISTRIBUTION_KINDS,
  distributionQuantile,
  distributionMean,
  supportOf,
  type Distribution,
  type DistributionKind,
  type UniformDistribution,
  type TriangularDistribution,
  type TruncatedNormalDistribution,
  type BetaDistribution,
  type DiscreteDistribution,
} from './model/distributions.js';
export { UncertainConfigCodec, uncertainInputs, type DrawnConfig } from './model/uncertain.js';
export { resolveUncertain } from './model/resolve.js';
export { decodeConfig, parseConfig, mergeOver, ConfigError, MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS, MAX_SUPPLIERS_EVER } from './model/decode.js';
export type { ConfigIssue } from './model/codecs.js';
export { SERIES_METRICS, OUTCOME_METRICS, type SeriesMetric, type OutcomeMetric, type MetricInfo } from './model/metrics.js';
export type { SimulationResult, RunLedger } from './model/result.js';
export { EXIT_CAUSES, type ExitCauseName } from './engine/codes.js';
export type { Seed } from './random/streams.js';
export { herfindahl, topShares, quantileSorted, safeDivide, shareOf, binomialUpperTail } from './metrics/index.js';
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
  type InputRow,
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
  UNSERVED_THRESHOLD,
  type ComparisonTable,
  type TableRow,
  type TableCell,
  type TablePolicy,
  type ComparedPolicy,
  type PolicyCosts,
  type Certainty,
  type Basis,
} from './report/table.js';
export { explain, EXPLAINED_OUTCOMES, type Explanation, type ExplainOptions, type MechanismExplanation, type MechanismPart } from './experiment/explain.js';
export { MECHANISMS, type Mechanism } from './model/mechanisms.js';
export { formatExplanation } from './report/explanationText.js';
export { policyInputs, basisOf, type PolicyInputs, type AssumedInput } from './experiment/policyInputs.js';
export { EFFECT_SIZES, LEVERS, reachedOutcomes, type EffectSize, type Provenance, type Reach, type Lever } from './model/provenance.js';
export { tableMetrics, survivalCheckpoints, type TableMetricSpec, type TableFormat } from './report/tableMetrics.js';
export { formatTable, costFlags, MARKS } from './report/tableText.js';
export { tableCsv, TABLE_CSV_COLUMNS } from './report/tableCsv.js';
export { narrative } from './report/narrative.js';
// Analysis: global sensitivity (Sobol indices, Morris effects) and scenario discovery (PRIM).
export {
  sensitivity,
  sobolSequence,
  saltelliDesign,
  sobolIndices,
  morrisDesign,
  morrisEffects,
  configPoints,
  toRange,
  toRanges,
  designRows,
  designSpec,
  designOutputs,
  MAX_SOBOL_DIMENSIONS,
  type RangeParameter,
  type SaltelliDesign,
  type SaltelliOptions,
  type BaseSampler,
  type SobolIndices,
  type SobolIndex,
  type MorrisDesign,
  type MorrisEffects,
  type MorrisEffect,
  type Estimate,
  type BootstrapOptions,
  type SensitivityOptions,
  type SensitivityResult,
  type SobolSensitivity,
  type MorrisSensitivity,
  type SensitivityBase,
  type MorrisDesignShape,
  type SobolSequenceOptions,
  prim,
  chooseBox,
  inBox,
  type PrimOptions,
  type PrimResult,
  type PrimBox,
  type PrimRestriction,
  type BoxChoice,
} from './analysis/index.js';
