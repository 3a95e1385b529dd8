import type { PolicyInputs } from '../../src/experiment/policyInputs.js';
import { RESULT_FORMAT_VERSION, type DifferenceSummary, type ExperimentResult, type PolicySummary } from '../../src/experiment/result.js';
import type { Summary } from '../../src/experiment/summary.js';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import { LIBRARY } from '../../src/version.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../../src/model/metrics.js';

/** A policy's hand-set numbers on one outcome: its mean, and its paired change with an interval. */
export interface FixtureChange {
  readonly change: number;
  readonly lower: number;
  readonly upper: number;
  /** Share of runs above / below the baseline (default: 0.5 / 0.5 split of a change-less metric). */
  readonly higher?: number;
  readonly lowerShare?: number;
}

function summary(mean: number, n: number, lower = mean, upper = mean): Summary {
  // No variation where the hand-set interval has no width (a summary of identical values).
  return { n, mean, sd: 0, se: 0, lower, upper, noVariation: n >= 2 && lower === upper, min: mean, max: mean, q05: mean, q25: mean, q50: mean, q75: mean, q95: mean };
}

/**
 * A hand-made paired comparison: every outcome of the baseline is `baseline[m]` (default 1), and
 * every policy's change is 0 with the interval [-1, 1] (no clear change, runs split evenly)
 * unless `policies[name][m]` sets it.
 */
export function comparisonFixture(options: {
  runs?: number;
  horizonYears?: number;
  baseline?: Partial<Record<OutcomeMetric, number>>;
  policies: Record<string, Partial<Record<OutcomeMetric, FixtureChange>>>;
  /** How each policy differs from the baseline (assumed and modelled inputs); absent: unknown, as in an old result. */
  inputs?: Record<string, PolicyInputs>;
}): ExperimentResult {
  const runs = options.runs ?? 100;
  const metrics = Object.keys(OUTCOME_METRICS) as OutcomeMetric[];
  const base = (m: OutcomeMetric) => options.baseline?.[m] ?? 1;
  const baseline: PolicySummary = { name: 'today', outcomes: Object.fromEntries(metrics.map((m) => [m, summary(base(m), runs)])) as Record<OutcomeMetric, Summary> };
  const policies: PolicySummary[] = [baseline];
  const differences: Record<string, Record<OutcomeMetric, DifferenceSummary>> = {};
  for (const [name, changes] of Object.entries(options.policies)) {
    const outcomes = {} as Record<OutcomeMetric, Summary>;
    const diffs = {} as Record<OutcomeMetric, DifferenceSummary>;
    for (const m of metrics) {
      const c = changes[m] ?? { change: 0, lower: -1, upper: 1, higher: 0.4, lowerShare: 0.4 };
      outcomes[m] = summary(base(m) + c.change, runs);
      const higher = c.higher ?? (c.change > 0 ? 0.9 : 0.05);
      const lowerShare = c.lowerShare ?? (c.change < 0 ? 0.9 : 0.05);
      const better = OUTCOME_METRICS[m].better;
      diffs[m] = {
        ...summary(c.change, runs, c.lower, c.upper),
        probabilityHigher: higher,
        probabilityLower: lowerShare,
        probabilityBetter: better === 'higher' ? higher : better === 'lower' ? lowerShare : null,
        independentSe: 0,
        varianceReduction: 1,
      };
    }
    policies.push({ name, outcomes });
    differences[name] = diffs;
  }
  return {
    kind: 'framework-agreement-sim/experiment',
    version: RESULT_FORMAT_VERSION,
    library: LIBRARY,
    seed: '7',
    runs,
    spec: { config: {}, variants: Object.keys(options.policies).map((name) => ({ name, input: {} })), seed: '7', rows: false, series: false },
    config: { ...BASELINE_CONFIG, run: { ...BASELINE_CONFIG.run, horizonYears: options.horizonYears ?? 12 } },
    policies,
    differences,
    ...(options.inputs === undefined ? {} : { changes: options.inputs }),
  };
}
