import type { RobustnessCell, RobustnessResult, WorldStatus } from '../experiment/robustness.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';

/**
 * One row of a robustness check: a policy's paired change on one outcome in one world, with the
 * verdict across all worlds repeated on each of its rows (long format, for plotting a change by
 * world or filtering by verdict). `lower` and `upper` are null when the world has no interval
 * (one run, or the same change in every run: `noVariation`). A type rather than an interface, so
 * that rows pass as plain records (`toWideCsv`).
 */
export type RobustnessRow = {
  readonly policy: string;
  /** The policy the change is measured from (today's). */
  readonly baseline: string;
  readonly metric: OutcomeMetric;
  readonly unit: string;
  readonly world: string;
  /** The setting the world varies (`none` for the reference world). */
  readonly setting: string;
  /** Mean paired change from the baseline in this world. */
  readonly change: number;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Paired runs in the world. */
  readonly n: number;
  readonly noVariation: boolean;
  /** `higher`, `lower` or `unclear`: where the world's 95 % interval lies. */
  readonly status: WorldStatus;
  /** The verdict across the worlds: holds, depends, reverses or none. */
  readonly verdict: RobustnessCell['verdict'];
  /** Better or worse where the verdict has a direction and the outcome a better one; else null. */
  readonly judgement: RobustnessCell['judgement'];
  /** Where the change comes from (modelled, assumed, partly assumed, ...), as the table marks it. */
  readonly basis: RobustnessCell['basis'];
};

/**
 * A robustness check as tidy rows: one per policy, outcome and world, in that order. Plain
 * objects: `toWideCsv` writes them as CSV, and a notebook plots them as they are.
 * @example
 * const rows = robustnessRows(await robustness({}, { riskSharing: { policy: namedPolicy('riskSharing') } }, { runs: 20 }));
 * rows.filter((r) => r.metric === 'smallCohortSurvival').map((r) => [r.world, r.change]);
 */
export function robustnessRows(result: RobustnessResult): RobustnessRow[] {
  return result.policies.flatMap((policy) =>
    result.metrics.flatMap((metric) => {
      const cell = result.verdicts[policy]![metric]!;
      return cell.worlds.map((w) => ({
        policy,
        baseline: result.baseline,
        metric,
        unit: OUTCOME_METRICS[metric].unit,
        world: w.world,
        setting: w.setting,
        change: w.mean,
        lower: w.lower,
        upper: w.upper,
        n: result.runs,
        noVariation: w.noVariation,
        status: w.status,
        verdict: cell.verdict,
        judgement: cell.judgement,
        basis: cell.basis,
      }));
    }),
  );
}
