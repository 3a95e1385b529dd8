/**
 * The chapter-5 table as data: for every policy of a paired comparison and every metric of
 * {@link tableMetrics}, the policy's mean, its paired change from the baseline with a 95 %
 * interval, and how sure the runs are about the change. Pure and plain JSON, so the CLI, notebooks
 * and tests share it; {@link formatTable} and {@link tableCsv} lay it out.
 * @packageDocumentation
 */
import type { DifferenceSummary, ExperimentResult } from '../experiment/result.js';
import { hasInterval } from '../experiment/summary.js';
import { TODAY_POLICY } from '../model/baseline.js';
import { OUTCOME_METRICS, type Direction } from '../model/metrics.js';
import { NAMED_POLICIES } from '../policies/chapter5.js';
import { tableMetrics, type TableMetricSpec } from './tableMetrics.js';

/** The horizon of the result's baseline, in years: the table's survival checkpoints need one. */
function horizonYearsOf(result: ExperimentResult): number {
  const years = result.config.run.horizonYears;
  if (typeof years !== 'number') throw new Error('the table needs one horizon: give run.horizonYears as a number, not a distribution');
  return years;
}

/**
 * Share of replications that must move one way for a change whose interval includes zero to be
 * called "probable" (it moved that way in at least 3 runs of 4).
 */
export const PROBABLE_SHARE = 0.75;

/**
 * How sure the runs are about a change: `clear` when the 95 % interval of the paired change
 * excludes zero (needs at least 2 runs whose changes vary); `probable` when it does not, or there
 * is no interval, but the policy moved the same way as the mean change in at least
 * {@link PROBABLE_SHARE} of the runs; `none` otherwise. A change that was the same in every run
 * ({@link TableCell.noVariation}) is never `clear`: it is `probable` when nonzero, `none` when zero.
 */
export type Certainty = 'clear' | 'probable' | 'none';

/** One policy's numbers on one metric. Values are in the outcome's own unit (shares 0-1, NOK). */
export interface TableCell {
  readonly policy: string;
  /** The policy's mean over the runs. */
  readonly value: number;
  /** Mean paired change from the baseline (policy - baseline, run by run). */
  readonly change: number;
  /** 95 % interval of that mean change; null with fewer than 2 runs, and when the change did not vary ({@link TableCell.noVariation}). */
  readonly lower: number | null;
  readonly upper: number | null;
  /**
   * Every run gave exactly the same change (often none: a rare event that happened in no run, or
   * happened alike under both policies). There is then no interval: the runs cannot say how
   * uncertain the change is, and tables print "no variation in N runs".
   */
  readonly noVariation: boolean;
  /** Share of runs in which the policy was above / below the baseline. */
  readonly probabilityHigher: number;
  readonly probabilityLower: number;
  /** Share of runs in which it did better, by the metric's direction; null if no direction is better. */
  readonly probabilityBetter: number | null;
  /** Which way the mean moved ('none' for exactly no change). */
  readonly direction: 'higher' | 'lower' | 'none';
  readonly certainty: Certainty;
  /** Whether the change is an improvement, by the metric's direction; null when unsure or no direction is better. */
  readonly judgement: 'better' | 'worse' | null;
  /** The 95 % interval lies entirely on the better side of zero. */
  readonly clearlyBetter: boolean;
}

/** One metric's row block: the baseline's value and one cell per policy. */
export interface TableRow extends TableMetricSpec {
  readonly unit: string;
  readonly better: Direction;
  /** The baseline's mean. */
  readonly baseline: number;
  readonly cells: readonly TableCell[];
  /** Names of the policies that clearly beat the baseline on this metric, in table order. */
  readonly clearlyBetter: readonly string[];
}

/** A policy of the table, with a one-line title (the named policy's, or its name). */
export interface TablePolicy {
  readonly name: string;
  readonly title: string;
}

/** The chapter-5 table: plain JSON. */
export interface ComparisonTable {
  readonly kind: 'framework-agreement-sim/table';
  readonly runs: number;
  readonly seed: string | number;
  readonly horizonYears: number;
  readonly baseline: TablePolicy;
  /** The compared policies, in the experiment's order. */
  readonly policies: readonly TablePolicy[];
  readonly rows: readonly TableRow[];
}

/** A policy's one-line title: today's policy, a named proposal's own title, or else its name. */
function titleOf(name: string): string {
  if (name === TODAY_POLICY.name) return 'Today’s policy';
  return NAMED_POLICIES.find((p) => p.name === name)?.title ?? name;
}

function cellOf(policy: string, value: number, d: DifferenceSummary, better: Direction): TableCell {
  const interval = hasInterval(d);
  const direction = d.mean > 0 ? 'higher' : d.mean < 0 ? 'lower' : 'none';
  const excludesZero = interval && (d.lower > 0 || d.upper < 0);
  const share = direction === 'higher' ? d.probabilityHigher : direction === 'lower' ? d.probabilityLower : 0;
  const certainty: Certainty = excludesZero ? 'clear' : share >= PROBABLE_SHARE ? 'probable' : 'none';
  const judgement = better === 'neither' || certainty === 'none' || direction === 'none' ? null : direction === better ? 'better' : 'worse';
  return {
    policy,
    value,
    change: d.mean,
    lower: interval ? d.lower : null,
    upper: interval ? d.upper : null,
    noVariation: d.noVariation,
    probabilityHigher: d.probabilityHigher,
    probabilityLower: d.probabilityLower,
    probabilityBetter: d.probabilityBetter,
    direction,
    certainty,
    judgement,
    clearlyBetter: certainty === 'clear' && judgement === 'better',
  };
}

/**
 * The chapter-5 table of a paired comparison (from `compare`, or the CLI's `chapter5`): the
 * baseline is the result's first policy, every other policy is compared with it. The metrics are
 * {@link tableMetrics} of the result's horizon; `metrics` replaces them.
 * @throws {Error} if the result has no compared policy.
 * @example
 * const r = await compare({}, { riskSharing: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 100 });
 * const t = comparisonTable(r);
 * t.rows.find((row) => row.metric === 'smallCohortSurvival')?.clearlyBetter; // ['riskSharing'] if it clearly helps
 */
export function comparisonTable(result: ExperimentResult, metrics: readonly TableMetricSpec[] = tableMetrics(horizonYearsOf(result))): ComparisonTable {
  const [base, ...compared] = result.policies;
  if (base === undefined || compared.length === 0) {
    throw new Error('the result compares no policy with its baseline; run compare() with at least one policy');
  }
  const rows = metrics.map((spec): TableRow => {
    const info = OUTCOME_METRICS[spec.metric];
    const cells = compared.map((p) => {
      const difference = Object.hasOwn(result.differences, p.name) ? result.differences[p.name]![spec.metric] : undefined;
      if (difference === undefined) throw new Error(`the result has no paired difference for policy "${p.name}" on ${spec.metric}`);
      return cellOf(p.name, p.outcomes[spec.metric].mean, difference, info.better);
    });
    return {
      ...spec,
      unit: info.unit,
      better: info.better,
      baseline: base.outcomes[spec.metric].mean,
      cells,
      clearlyBetter: cells.filter((c) => c.clearlyBetter).map((c) => c.policy),
    };
  });
  return {
    kind: 'framework-agreement-sim/table',
    runs: result.runs,
    seed: result.seed,
    horizonYears: horizonYearsOf(result),
    baseline: { name: base.name, title: titleOf(base.name) },
    policies: compared.map((p) => ({ name: p.name, title: titleOf(p.name) })),
    rows,
  };
}

