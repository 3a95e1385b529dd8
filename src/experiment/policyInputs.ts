import type { Config } from '../model/config.js';
import type { OutcomeMetric } from '../model/metrics.js';
import { EFFECT_SIZES, reachedOutcomes, type Provenance } from '../model/provenance.js';

/** An effect size that acts differently under a policy than under the baseline. */
export interface AssumedInput {
  /** Config path of the effect size, e.g. `effects.crossSectorCollaboration.workRateGain`. */
  readonly path: string;
  readonly provenance: Provenance;
  readonly source: string;
  /** The effect as it acts under the baseline and under the policy: lever intensity x size, or the size itself. */
  readonly baseline: number;
  readonly policy: number;
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

/** Every leaf of a config by dotted path; lists are compared whole, as JSON. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(value)) {
    out.set(path, JSON.stringify(value));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  } else {
    out.set(path, value);
  }
  return out;
}

function numberAt(flat: ReadonlyMap<string, unknown>, path: string): number {
  const v = flat.get(path);
  return typeof v === 'number' ? v : 0;
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
export function policyInputs(baseline: Config, policy: Config): PolicyInputs {
  const a = leaves(baseline, '', new Map());
  const b = leaves(policy, '', new Map());
  const sized = new Set<string>(EFFECT_SIZES.map((e) => e.path));
  for (const e of EFFECT_SIZES) if (e.lever !== null) sized.add(`policy.${e.lever}`);
  const modelled = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== 'policy.name' && !sized.has(p) && a.get(p) !== b.get(p)).sort();
  const acting = (flat: ReadonlyMap<string, unknown>, path: string, lever: string | null) =>
    lever === null ? numberAt(flat, path) : numberAt(flat, `policy.${lever}`) * numberAt(flat, path);
  const assumed = EFFECT_SIZES.flatMap((e): AssumedInput[] => {
    const before = acting(a, e.path, e.lever);
    const after = acting(b, e.path, e.lever);
    return before === after ? [] : [{ path: e.path, provenance: e.provenance, source: e.source, baseline: before, policy: after }];
  });
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
