/**
 * Which mechanisms carry a policy's effect: the policy's paired effect in the world as it is, and
 * again with each mechanism switched off. The part of the effect that goes when a mechanism is off
 * is the part it carried.
 * @packageDocumentation
 */
import type { ConfigInput } from '../model/config.js';
import { ConfigError, inputError, mergeOver } from '../model/decode.js';
import { MECHANISMS, type Mechanism } from '../model/mechanisms.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { compare } from './compare.js';
import type { ExperimentOptions } from './run.js';
import { addValue, emptyTotals, summarise, type Summary } from './summary.js';

/** The outcomes {@link explain} decomposes by default: concentration and survival. */
export const EXPLAINED_OUTCOMES: readonly OutcomeMetric[] = ['smallCohortSurvival', 'nonProfitCohortSurvival', 'top15Share', 'tenderedSuppliers'];

/** Options of {@link explain}: those of every experiment (rows are always kept), and what to decompose. */
export interface ExplainOptions extends Omit<ExperimentOptions, 'rows' | 'stopWhen'> {
  /** Outcomes to decompose (default {@link EXPLAINED_OUTCOMES}). */
  readonly metrics?: readonly OutcomeMetric[];
  /** Mechanisms to switch off, one at a time (default every one of {@link MECHANISMS}). */
  readonly mechanisms?: readonly Mechanism[];
}

/** One mechanism's part in a policy's effect on one outcome. */
export interface MechanismPart {
  /** The policy's paired effect (policy - today) in the world with the mechanism off. */
  readonly withoutMechanism: Summary;
  /**
   * The effect the mechanism carried: per replication, the effect with it minus the effect
   * without it (both paired on the same seeds), summarised with its 95 % interval.
   */
  readonly carried: Summary;
  /** carried.mean / effect.mean: the share of the effect that goes with the mechanism; null when the effect is 0. */
  readonly shareCarried: number | null;
}

/** A mechanism and its part in each explained outcome. */
export interface MechanismExplanation {
  readonly name: string;
  readonly title: string;
  readonly offMeans: string;
  readonly parts: Record<string, MechanismPart>;
}

/** What {@link explain} returns: plain JSON. */
export interface Explanation {
  readonly kind: 'framework-agreement-sim/explanation';
  readonly policy: string;
  readonly runs: number;
  readonly seed: string | number;
  readonly metrics: readonly OutcomeMetric[];
  /** The policy's paired effect (policy - today) in the world as it is, per outcome. */
  readonly effect: Record<string, Summary>;
  readonly mechanisms: readonly MechanismExplanation[];
}

function summaryOf(values: readonly number[]): Summary {
  const t = emptyTotals();
  for (const x of values) addValue(t, x);
  return summarise(t);
}

/**
 * Explains a policy's effect by its mechanisms. One paired experiment runs, on the same
 * replications: today's policy and the policy in the world `baseline`, and both again in each world
 * with one mechanism of {@link MECHANISMS} switched off. Per outcome it reports the policy's effect,
 * its effect with each mechanism off, and the part that mechanism carried (effect with it minus
 * effect without it, replication by replication, with a 95 % interval). Parts need not add up to
 * the effect: mechanisms interact, and switching one off also changes the burned-in market.
 * @throws {ConfigError} for a bad config, policy, option, metric or mechanism, before any run.
 * @example
 * const e = await explain({}, 'smallerContracts', { policy: { lotSplit: 2 } }, { runs: 50 });
 * e.mechanisms.find((m) => m.name === 'lotSize')?.parts.smallCohortSurvival.shareCarried; // e.g. 0.8
 */
export async function explain(baseline: ConfigInput, name: string, policy: ConfigInput, options: ExplainOptions): Promise<Explanation> {
  const metrics = options.metrics ?? EXPLAINED_OUTCOMES;
  const mechanisms = options.mechanisms ?? MECHANISMS;
  const unknown = metrics.findIndex((m) => typeof m !== 'string' || !Object.hasOwn(OUTCOME_METRICS, m));
  if (unknown >= 0) throw inputError([{ path: `options.metrics[${unknown}]`, message: `no outcome is named ${JSON.stringify(metrics[unknown])}` }]);
  if (metrics.length === 0) throw inputError([{ path: 'options.metrics', message: 'name at least one outcome to explain' }]);
  if (new Set(mechanisms.map((m) => m.name)).size !== mechanisms.length) {
    throw inputError([{ path: 'options.mechanisms', message: 'every mechanism needs its own name' }]);
  }
  const variants: Record<string, ConfigInput> = { [name]: policy };
  const offToday = (m: Mechanism) => `${m.name} off: today`;
  const offPolicy = (m: Mechanism) => `${m.name} off: ${name}`;
  for (const m of mechanisms) {
    variants[offToday(m)] = m.off;
    variants[offPolicy(m)] = mergeOver(m.off, policy) as ConfigInput;
  }
  const { metrics: _m, mechanisms: _k, ...experiment } = options;
  const result = await compare(baseline, variants, { ...experiment, rows: true });
  // value[variant][metric][replication]
  const value = new Map<string, Map<string, number[]>>();
  for (const row of result.rows!) {
    let byMetric = value.get(row.policy);
    if (byMetric === undefined) value.set(row.policy, (byMetric = new Map()));
    let list = byMetric.get(row.metric);
    if (list === undefined) byMetric.set(row.metric, (list = []));
    list[row.replication] = row.value;
  }
  const today = result.policies[0]!.name;
  const series = (variant: string, metric: string) => value.get(variant)!.get(metric)!;
  const effectOf = (metric: string, withPolicy: string, without: string) => {
    const a = series(withPolicy, metric);
    const b = series(without, metric);
    return a.map((x, i) => x - b[i]!);
  };
  const effect: Record<string, Summary> = {};
  const onEffects = new Map<string, number[]>();
  for (const metric of metrics) {
    const d = effectOf(metric, name, today);
    onEffects.set(metric, d);
    effect[metric] = summaryOf(d);
  }
  return {
    kind: 'framework-agreement-sim/explanation',
    policy: name,
    runs: result.runs,
    seed: result.seed,
    metrics: [...metrics],
    effect,
    mechanisms: mechanisms.map((m) => {
      const parts: Record<string, MechanismPart> = {};
      for (const metric of metrics) {
        const on = onEffects.get(metric)!;
        const off = effectOf(metric, offPolicy(m), offToday(m));
        const carried = summaryOf(on.map((x, i) => x - off[i]!));
        const mean = effect[metric]!.mean;
        parts[metric] = { withoutMechanism: summaryOf(off), carried, shareCarried: mean === 0 ? null : carried.mean / mean };
      }
      return { name: m.name, title: m.title, offMeans: m.offMeans, parts };
    }),
  };
}
