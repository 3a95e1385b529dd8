import type { DifferenceSummary, ExperimentResult, Summary } from '../../src/experiment/index.js';
import type { SweepOutput } from '../../src/experiment/sweep.js';

/** A Summary whose report-relevant fields are given (no variation when sd is 0); the rest are filler the rows must not use. */
export function summary(mean: number, lower: number, upper: number, n: number, sd: number): Summary {
  return { n, mean, sd, se: -1, lower, upper, noVariation: n >= 2 && sd === 0, min: -1, max: -1, q05: -1, q25: -1, q50: -1, q75: -1, q95: -1 };
}

function difference(mean: number, lower: number, upper: number, n: number, sd: number, probabilityBetter: number | null): DifferenceSummary {
  return { ...summary(mean, lower, upper, n, sd), probabilityHigher: -1, probabilityLower: -1, probabilityBetter, independentSe: -1, varianceReduction: -1 };
}

/** An awkward variant name: comma, quotes, a line break and a leading space. */
export const AWKWARD = ' guarantee, "30 %"\nfor 2 years';

/**
 * A hand-made two-policy experiment with two replications, two outcomes (one with a better
 * direction, one without), four series over three periods (4 periods a year) and per-run rows.
 */
export function handExperiment(): ExperimentResult {
  const series = (base: number) => ({
    smallCohortSurvival: [summary(base, base - 0.1, base + 0.1, 2, 0.01), summary(base - 0.1, base - 0.2, base, 2, 0.02), summary(base - 0.2, base - 0.3, base - 0.1, 2, 0.03)],
    nonProfitCohortSurvival: [summary(1, 1, 1, 2, 0), summary(0.5, 0, 1, 2, 0.5), summary(0.5, 0, 1, 2, 0.5)],
    top15Share: [summary(0.6, 0.5, 0.7, 2, 0.1), summary(0.65, 0.55, 0.75, 2, 0.1), summary(0.7, 0.6, 0.8, 2, 0.1)],
    activeSuppliers: [summary(20, 18, 22, 2, 2), summary(19, 17, 21, 2, 2), summary(18, 16, 20, 2, 2)],
  });
  return {
    kind: 'framework-agreement-sim/experiment',
    seed: 7,
    runs: 2,
    config: { run: { periodsPerYear: 4 } },
    policies: [
      { name: 'today', outcomes: { smallCohortSurvival: summary(0.5, 0.4, 0.6, 2, 0.05), lots: summary(3, 3, 3, 2, 0) }, series: series(0.9) },
      { name: AWKWARD, outcomes: { smallCohortSurvival: summary(0.75, 0.7, 0.8, 2, 0.02), lots: summary(4, 2, 6, 2, 1) }, series: series(0.95) },
    ],
    differences: { [AWKWARD]: { smallCohortSurvival: difference(0.25, 0.125, 0.375, 2, 0.01, 1), lots: difference(1, -5.5, 7.5, 2, 1e-300, null) } },
    rows: [
      { policy: 'today', replication: 0, seed: '7#0', metric: 'smallCohortSurvival', value: 0.45 },
      { policy: 'today', replication: 0, seed: '7#0', metric: 'lots', value: 3 },
      { policy: AWKWARD, replication: 0, seed: '7#0', metric: 'smallCohortSurvival', value: 0.74 },
      { policy: AWKWARD, replication: 0, seed: '7#0', metric: 'lots', value: 3 },
      { policy: 'today', replication: 1, seed: '7#1', metric: 'smallCohortSurvival', value: 0.55 },
      { policy: 'today', replication: 1, seed: '7#1', metric: 'lots', value: 3 },
      { policy: AWKWARD, replication: 1, seed: '7#1', metric: 'smallCohortSurvival', value: 0.76 },
      { policy: AWKWARD, replication: 1, seed: '7#1', metric: 'lots', value: 5 },
    ],
  } as unknown as ExperimentResult;
}

/** The same experiment as a sweep of policy.lotSplit over the values 1 and 2.5 (policy names as sweep gives them). */
export function handSweep(): SweepOutput {
  const e = handExperiment();
  const rename = (name: string) => (name === 'today' ? 'policy.lotSplit=1' : 'policy.lotSplit=2.5');
  return {
    ...e,
    policies: e.policies.map((p) => ({ ...p, name: rename(p.name) })),
    differences: { 'policy.lotSplit=2.5': e.differences[AWKWARD]! },
    rows: e.rows!.map((r) => ({ ...r, policy: rename(r.policy) })),
    parameter: 'policy.lotSplit',
    values: [1, 2.5],
  };
}
