export { monteCarlo } from './monteCarlo.js';
export { compare, toVariants, type PolicyList } from './compare.js';
export { sweep, setAt, gridDesign, latinHypercube, runDesign, type SweepOutput, type DesignParameter } from './sweep.js';
export { runExperiment, MAX_RUNS, MAX_ROWS, STOP_RULE_MIN_RUNS, STOP_RULE_MIN_BATCHES, type ExperimentOptions, type ExperimentOutput, type Progress, type StopRule, type ConvergenceReport } from './run.js';
export { runShard, mergeShards, addReplication, decodeExperiment, emptyShard, type ShardState, type PolicyTotals, type DecodedExperiment } from './shard.js';
export { finaliseExperiment, RESULT_FORMAT_VERSION, type ExperimentResult, type PolicySummary, type DifferenceSummary } from './result.js';
export { serialExecutor, type Executor, type ExecutorHooks } from './executor.js';
export { summarise, hasInterval, QUANTILE_ACCURACY, type Summary, type MetricTotals } from './summary.js';
export { replicationSeed } from './seeds.js';
export { rerun, type RerunOptions, type RerunnableResult } from './rerun.js';
export { ReplicationError } from './errors.js';
export type { ExperimentSpec, PolicyVariant, RunRow, InputRow } from './spec.js';
export { shardStateProblem } from './validate.js';
export {
  robustness,
  robustnessOf,
  checkRobustness,
  classifyAcrossWorlds,
  worldStatus,
  ROBUSTNESS_METRICS,
  type RobustnessOptions,
  type RobustnessResult,
  type RobustnessWorld,
  type RobustnessCell,
  type RobustnessVerdict,
  type VerdictOf,
  type WorldChange,
  type WorldEffect,
  type WorldStatus,
} from './robustness.js';
export { supplierHistories, type SupplierHistoryRow, type SupplierHistoryOptions } from './supplierHistories.js';
