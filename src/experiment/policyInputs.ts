import type { UncertainConfig } from '../model/config.js';
import { distributionMean, isDistributionLike, type Distribution } from '../model/distributions.js';
import type { OutcomeMetric } from '../model/metrics.js';
import { EFFECT_SIZES, LEVERS, reachedOutcomes, type Provenance } from '../model/provenance.js';

/** An effect size that acts differently under a policy than under the baseline. */
export interface AssumedInput {
  /** Config path of the effect size, e.g. `effects.crossSectorCollaboration.workRateGain`. */
  readonly path: string;
  readonly provenance: Provenance;
  readonly source: string;
  /**
   * The effect as it acts under the baseline and under the policy: lever intensity x size, or the
   * size itself; for a size given as a distribution, its mean.
   */
  readonly baseline: number;
  readonly policy: number;
  /** The size as the policy's config gives it: a number, or the distribution its runs draw from. */
  readonly size: number | Distribution;
}

/**
 * How a policy differs from the baseline: the effect sizes it sets (assumed, not modelled) and the
 * other settings it changes, whose effects the model works out through its mechanisms.
 */
export interface PolicyInputs {
  /** Effect sizes that act differently (a soft lever switched on, or a size changed). */
  readonly assumed: readonly AssumedInput[];
  /** Every other config path that differs (contract levers such as `policy.lotSplit`, world settings). */
  readonly modelled: readonly string[];
  /** The outcomes the assumed inputs can move ({@link reachedOutcomes}); empty without assumed inputs. */
  readonly assumedReach: readonly OutcomeMetric[] | 'all';
}

/** Every leaf of a config by dotted path; a list or a distribution is one leaf. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !isDistributionLike(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  } else {
    out.set(path, value);
  }
  return out;
}

/** A leaf as text, so that lists and distributions compare by content. */
function text(value: unknown): string {
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The number at a path: the value, or a distribution's mean. */
function numberAt(flat: ReadonlyMap<string, unknown>, path: string): number {
  const v = flat.get(path);
  if (typeof v === 'number') return v;
  return isDistributionLike(v) ? distributionMean(v as unknown as Distribution) : 0;
}

/** The size at a path as the config gives it: a number or a distribution. */
function sizeAt(flat: ReadonlyMap<string, unknown>, path: string): number | Distribution {
  const v = flat.get(path);
  return typeof v === 'number' || isDistributionLike(v) ? (v as number | Distribution) : 0;
}

/**
 * How the config `policy` differs from `baseline`, split into assumed effect sizes
 * (`EFFECT_SIZES` that act differently: for a soft lever, its intensity times its size) and
 * modelled settings (every other differing path but the policy's name). A soft lever whose
 * intensity changes counts through its effect sizes only, so switching on a lever whose sizes are
 * all zero changes nothing. A policy with no modelled input moves outcomes only by assumption;
 * one with no assumed input only through the model's mechanisms.
 * @example
 * policyInputs(BASELINE_CONFIG, decodeConfigOrThrow({ policy: { employerInsight: 1 } }));
 * // { assumed: [{ path: 'effects.employerInsight.workRateGain', baseline: 0, policy: 0.01, ... }], modelled: [], assumedReach: [...transition metrics] }
 */
export function policyInputs(baseline: UncertainConfig, policy: UncertainConfig): PolicyInputs {
  const a = leaves(baseline, '', new Map());
  const b = leaves(policy, '', new Map());
  const sized = new Set<string>(EFFECT_SIZES.map((e) => e.path));
  // A soft lever's intensity acts only through its effect sizes; outcome payment's share is a
  // contract setting of its own (it changes what suppliers are paid), so it stays modelled.
  for (const e of EFFECT_SIZES) if (e.lever !== null && (LEVERS as readonly string[]).includes(e.lever)) sized.add(`policy.${e.lever}`);
  const modelled = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== 'policy.name' && !sized.has(p) && text(a.get(p)) !== text(b.get(p))).sort();
  const acting = (flat: ReadonlyMap<string, unknown>, path: string, lever: string | null) =>
    lever === null ? numberAt(flat, path) : numberAt(flat, `policy.${lever}`) * numberAt(flat, path);
  // How a size acts, as text: not at all (its gate closed, or the size exactly 0), or the gate's
  // value times the size as given (a distribution whose mean is 0 still acts: outcome payment's
  // steering is centred on no effect but may go either way).
  const how = (flat: ReadonlyMap<string, unknown>, path: string, lever: string | null) => {
    const gate = lever === null ? 1 : numberAt(flat, `policy.${lever}`);
    const size = flat.get(path);
    return gate === 0 || size === 0 ? 'none' : `${gate} x ${text(size)}`;
  };
  const assumed = EFFECT_SIZES.flatMap((e): AssumedInput[] =>
    how(a, e.path, e.lever) === how(b, e.path, e.lever)
      ? []
      : [{ path: e.path, provenance: e.provenance, source: e.source, baseline: acting(a, e.path, e.lever), policy: acting(b, e.path, e.lever), size: sizeAt(b, e.path) }],
  );
  const paysForResults = numberAt(a, 'policy.outcomePaymentShare') > 0 || numberAt(b, 'policy.outcomePaymentShare') > 0;
  const reach = new Set<OutcomeMetric>();
  for (const input of assumed) {
    const reached = reachedOutcomes(EFFECT_SIZES.find((e) => e.path === input.path)!.reach, paysForResults);
    if (reached === 'all') return { assumed, modelled, assumedReach: 'all' };
    for (const m of reached) reach.add(m);
  }
  return { assumed, modelled, assumedReach: [...reach] };
}

/**
 * Whether a change of `metric` under a policy with these inputs is modelled, assumed, or both:
 * - `assumed`: only assumed effect sizes reach it (the policy changes nothing else), so any change
 *   is there because it was put in;
 * - `partlyAssumed`: both reach it;
 * - `modelled`: only settings the model works out reach it;
 * - `unchanged`: nothing that differs reaches it, so it cannot move.
 * @example basisOf(policyInputs(base, withEmployerInsight), 'transitionsPerYear') // 'assumed'
 */
export function basisOf(inputs: PolicyInputs, metric: OutcomeMetric): 'assumed' | 'partlyAssumed' | 'modelled' | 'unchanged' {
  const assumedReaches = inputs.assumedReach === 'all' || inputs.assumedReach.includes(metric);
  const modelled = inputs.modelled.length > 0;
  if (assumedReaches) return modelled ? 'partlyAssumed' : 'assumed';
  return modelled ? 'modelled' : 'unchanged';
}
