/**
 * The chapter-5 table as data: for every policy of a paired comparison and every metric of
 * {@link tableMetrics}, the policy's mean, its paired change from the baseline with a 95 %
 * interval, and how sure the runs are about the change. Pure and plain JSON, so the CLI, notebooks
 * and tests share it; {@link formatTable} and {@link tableCsv} lay it out.
 * @packageDocumentation
 */
import type { DifferenceSummary, ExperimentResult } from '../experiment/result.js';
import { basisOf, type AssumedInput, type PolicyInputs } from '../experiment/policyInputs.js';
import { hasInterval } from '../experiment/summary.js';
import { TODAY_POLICY } from '../model/baseline.js';
import { OUTCOME_METRICS, type Direction, type OutcomeMetric } from '../model/metrics.js';
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

/**
 * Where a change comes from ({@link basisOf}): `modelled` (only settings whose effects the model
 * works out reach the metric), `assumed` (only effect sizes put into the model reach it: the change
 * is there because it was assumed, and is never marked better or worse), `partlyAssumed` (both),
 * `unchanged` (nothing the policy changes reaches it), `unknown` (a result written before results
 * recorded their inputs).
 */
export type Basis = 'modelled' | 'assumed' | 'partlyAssumed' | 'unchanged' | 'unknown';

/**
 * Unserved demand may rise by at most this much (a share of all demand: half a percentage point)
 * before a policy is flagged as leaving demand unserved; today about 0.8 % of demand goes unserved.
 */
export const UNSERVED_THRESHOLD = 0.005;

/** What a policy costs next to what it gains: the buyer's side of the comparison, always computed. */
export interface PolicyCosts {
  /** The policy's mean share of demand left unserved, and its mean paired change from the baseline. */
  readonly unservedShare: number;
  readonly unservedShareChange: number;
  /** Buyer cost per year (call-offs and guarantees, NOK): mean paired change, and its 95 % interval (null without one). */
  readonly buyerCostPerYearChange: number;
  readonly buyerCostPerYearLower: number | null;
  readonly buyerCostPerYearUpper: number | null;
  /** Buyer cost per participant-week served (NOK): mean paired change and its 95 % interval. */
  readonly costPerParticipantWeekChange: number;
  readonly costPerParticipantWeekLower: number | null;
  readonly costPerParticipantWeekUpper: number | null;
  /** The policy's mean guarantee payments per year (NOK), for capacity the buyer did not use. */
  readonly guaranteePaymentsPerYear: number;
  /** Unserved demand rose by more than {@link UNSERVED_THRESHOLD}. */
  readonly leavesDemandUnserved: boolean;
  /** The buyer pays clearly more, per year or per participant-week (the 95 % interval above zero). */
  readonly costsTheBuyerMore: boolean;
}

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
  /** Whether the change is modelled or assumed ({@link Basis}). */
  readonly basis: Basis;
  /** The 95 % interval lies entirely on the better side of zero, and the change is not {@link Basis} `assumed`. */
  readonly clearlyBetter: boolean;
}

/** One metric's row block: the baseline's value and one cell per policy. */
export interface TableRow extends TableMetricSpec {
  readonly unit: string;
  readonly better: Direction;
  /** The baseline's mean. */
  readonly baseline: number;
  readonly cells: readonly TableCell[];
  /** Names of the policies that clearly beat the baseline on this metric (by the model, not by assumption), in table order. */
  readonly clearlyBetter: readonly string[];
}

/** A policy of the table, with a one-line title (the named policy's, or its name). */
export interface TablePolicy {
  readonly name: string;
  readonly title: string;
}

/** A compared policy: its title, what it costs, and which of its inputs are assumed. */
export interface ComparedPolicy extends TablePolicy {
  readonly costs: PolicyCosts;
  /** Effect sizes it sets (null for a result written before results recorded their inputs). */
  readonly assumed: readonly AssumedInput[] | null;
  /** Settings it changes whose effects the model works out (null as above). */
  readonly modelled: readonly string[] | null;
}

/** The chapter-5 table: plain JSON. */
export interface ComparisonTable {
  readonly kind: 'framework-agreement-sim/table';
  readonly runs: number;
  readonly seed: string | number;
  readonly horizonYears: number;
  readonly baseline: TablePolicy;
  /** The compared policies, in the experiment's order. */
  readonly policies: readonly ComparedPolicy[];
  /** The unserved-demand threshold the costs were judged by ({@link UNSERVED_THRESHOLD}). */
  readonly unservedThreshold: number;
  readonly rows: readonly TableRow[];
}

/** A policy's one-line title: today's policy, a named proposal's own title, or else its name. */
function titleOf(name: string): string {
  if (name === TODAY_POLICY.name) return 'Today’s policy';
  return NAMED_POLICIES.find((p) => p.name === name)?.title ?? name;
}

function cellOf(policy: string, value: number, d: DifferenceSummary, better: Direction, basis: Basis): TableCell {
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
    basis,
    clearlyBetter: certainty === 'clear' && judgement === 'better' && basis !== 'assumed',
  };
}

function differenceOf(result: ExperimentResult, policy: string, metric: OutcomeMetric): DifferenceSummary {
  const difference = Object.hasOwn(result.differences, policy) ? result.differences[policy]![metric] : undefined;
  if (difference === undefined) throw new Error(`the result has no paired difference for policy "${policy}" on ${metric}`);
  return difference;
}

function inputsOf(result: ExperimentResult, policy: string): PolicyInputs | null {
  return result.changes !== undefined && Object.hasOwn(result.changes, policy) ? result.changes[policy]! : null;
}

/** What a policy costs the buyer, from the result itself (whatever metrics the table shows). */
function costsOf(result: ExperimentResult, policy: number): PolicyCosts {
  const p = result.policies[policy]!;
  const d = (m: OutcomeMetric) => differenceOf(result, p.name, m);
  const unserved = d('unservedShare');
  const perYear = d('buyerCostPerYear');
  const perWeek = d('costPerParticipantWeek');
  const clearlyHigher = (x: DifferenceSummary) => hasInterval(x) && x.lower > 0;
  return {
    unservedShare: p.outcomes.unservedShare.mean,
    unservedShareChange: unserved.mean,
    buyerCostPerYearChange: perYear.mean,
    buyerCostPerYearLower: hasInterval(perYear) ? perYear.lower : null,
    buyerCostPerYearUpper: hasInterval(perYear) ? perYear.upper : null,
    costPerParticipantWeekChange: perWeek.mean,
    costPerParticipantWeekLower: hasInterval(perWeek) ? perWeek.lower : null,
    costPerParticipantWeekUpper: hasInterval(perWeek) ? perWeek.upper : null,
    guaranteePaymentsPerYear: p.outcomes.guaranteePaymentsPerYear.mean,
    leavesDemandUnserved: unserved.mean > UNSERVED_THRESHOLD,
    costsTheBuyerMore: clearlyHigher(perYear) || clearlyHigher(perWeek),
  };
}

/**
 * The chapter-5 table of a paired comparison (from `compare`, or the CLI's `chapter5`): the
 * baseline is the result's first policy, every other policy is compared with it. The metrics are
 * {@link tableMetrics} of the result's horizon; `metrics` replaces them. Whatever the metrics, each
 * policy carries its {@link PolicyCosts} (unserved demand, buyer cost, guarantee payments, with
 * flags), and each cell its {@link Basis}: a change only assumed effect sizes reach is marked
 * `assumed` and is never clearly better.
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
      const inputs = inputsOf(result, p.name);
      const basis = inputs === null ? 'unknown' : basisOf(inputs, spec.metric);
      return cellOf(p.name, p.outcomes[spec.metric].mean, differenceOf(result, p.name, spec.metric), info.better, basis);
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
    policies: compared.map((p, k) => {
      const inputs = inputsOf(result, p.name);
      return { name: p.name, title: titleOf(p.name), costs: costsOf(result, k + 1), assumed: inputs?.assumed ?? null, modelled: inputs?.modelled ?? null };
    }),
    unservedThreshold: UNSERVED_THRESHOLD,
    rows,
  };
}

