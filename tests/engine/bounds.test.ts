/**
 * Every numeric parameter of the config at the ends of its range, one at a time and in pairs: a
 * config the decoder accepts must run, never throw (above all not "internal error: outcome ... is
 * not finite"), and give a result that satisfies the invariants of docs/testing.md, section 3.
 * A combination the decoder rejects (say `run.horizonYears` 1 with a shock in year 2) is fine: that
 * is a ConfigError with its path, the documented answer to an impossible config.
 *
 * The parameters and their ranges are read off the decoder's own codecs (`schemaOf(ConfigCodec)`),
 * so a parameter added to the config is tested here without editing this file.
 *
 * Issue 13, item 6: `capacityCostShare` 0, `variableCostReduction` 1 and `dataSharing` 1 together
 * (a supplier with no delivery cost) made every replication throw; relative price points and the
 * capacity share of cost were 0 / 0.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG, OWNERSHIP_TYPES, decodeConfig, simulateDecoded, type Config, type ConfigInput } from '../../src/index.js';
import { schemaOf, type SchemaNode } from '../../src/model/codecs.js';
import { ConfigCodec } from '../../src/model/config.js';
import { checkInvariants } from '../helpers/invariants.js';

/**
 * A numeric parameter. `path` has `*` for "each ownership type" (suppliers.ownership and
 * entry.ownershipShares) and `[]` for "each entry of a list" (regions, measure types, shocks).
 */
interface Parameter {
  readonly name: string;
  readonly path: readonly string[];
  readonly bounds: ReadonlyArray<number | null>;
}

function parameters(node: SchemaNode, path: string[] = []): Parameter[] {
  switch (node.kind) {
    case 'number':
      return [{ name: path.join('.').replace(/\.\[\]/g, '[]'), path, bounds: [node.min, node.max, ...(node.nullable ? [null] : [])] }];
    case 'object': {
      const keys = Object.keys(node.fields);
      // A record keyed by ownership type has one parameter per field, set for the five types at once
      // (or for one of them, in the pair property below).
      if (keys.length === OWNERSHIP_TYPES.length && OWNERSHIP_TYPES.every((o) => keys.includes(o))) {
        return parameters(node.fields[OWNERSHIP_TYPES[0]]!, [...path, '*']);
      }
      return keys.flatMap((k) => parameters(node.fields[k]!, [...path, k]));
    }
    case 'list':
      return parameters(node.item, [...path, '[]']);
    default:
      return []; // names and enumerations have no numeric bounds
  }
}

const PARAMETERS = parameters(schemaOf(ConfigCodec));

/**
 * A small, short market, so that the ~220 single runs and the pairs take seconds: two regions, two
 * measure types of two lots each, one shock (so that the shock's own parameters are tested too, from
 * year 0.25 so that it falls inside any horizon), 30 suppliers, one year of burn-in and two of horizon.
 */
const SMALL: Config = (() => {
  const input: ConfigInput = {
    run: { periodsPerYear: 4, burnInYears: 1, horizonYears: 2 },
    market: {
      regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 2 }],
      measureTypes: BASELINE_CONFIG.market.measureTypes.slice(0, 2).map((m) => ({ ...m, demandPerPeriod: m.demandPerPeriod / 50, lotsPerCell: 2 })),
      shocks: [{ fromYear: 0.25, change: -0.2, measureType: null }],
    },
    suppliers: { initialCount: 30 },
  };
  const r = decodeConfig(input);
  if (r._tag === 'Left') throw new Error(`the small market does not decode: ${JSON.stringify(r.left)}`);
  return r.right;
})();

/**
 * Parameters that only make a run longer or larger (periods, years, suppliers). Two of them at their
 * maxima together (20 000 suppliers for 100 years) would take minutes and exercise no arithmetic
 * that one alone does not, so the pair property draws at most one of them.
 */
const SIZE = new Set(['run.periodsPerYear', 'run.burnInYears', 'run.horizonYears', 'suppliers.initialCount']);

/** Where one setting applies: every entry (`all`), or only the k-th ownership type or list entry. */
type Scope = { readonly kind: 'all' } | { readonly kind: 'one'; readonly index: number };
type Setting = readonly [Parameter, number | null, Scope];

function setAt(target: unknown, path: readonly string[], value: unknown, scope: Scope): void {
  const [head, ...rest] = path;
  const obj = target as Record<string, unknown>;
  let keys: string[];
  if (head === '*' || head === '[]') {
    const all = head === '*' ? [...OWNERSHIP_TYPES] : (obj as unknown as unknown[]).map((_, i) => String(i));
    keys = scope.kind === 'all' ? all : [all[scope.index % all.length]!];
  } else {
    keys = [head!];
  }
  for (const k of keys) {
    if (rest.length === 0) obj[k] = value;
    else setAt(obj[k], rest, value, scope);
  }
}

function describeSettings(settings: readonly Setting[]): string {
  return settings.map(([p, v, s]) => `${p.name}${s.kind === 'one' && /[*[]/.test(p.name) ? ` (entry ${s.index})` : ''} = ${v}`).join(', ');
}

/** Runs SMALL with the settings; 'rejected' when the decoder refuses the combination. */
function runWith(settings: readonly Setting[], seed = 1): 'rejected' | 'ran' {
  const input = structuredClone(SMALL) as unknown;
  for (const [p, v, scope] of settings) setAt(input, p.path, v, scope);
  const decoded = decodeConfig(input);
  if (decoded._tag === 'Left') return 'rejected';
  let result;
  try {
    result = simulateDecoded(decoded.right, seed);
  } catch (e) {
    throw new Error(`${describeSettings(settings)}: ${(e as Error).message}`);
  }
  checkInvariants(result);
  return 'ran';
}

const ALL: Scope = { kind: 'all' };

describe('every numeric parameter at its bounds', () => {
  it('the parameter list comes from the codecs and covers every section of the config', () => {
    expect(PARAMETERS.length).toBeGreaterThan(100);
    const sections = new Set(PARAMETERS.map((p) => p.path[0]));
    expect([...sections].sort()).toEqual(Object.keys(BASELINE_CONFIG).sort());
    for (const name of ['suppliers.ownership.*.capacityCostShare', 'effects.dataSharing.variableCostReduction', 'policy.dataSharing', 'policy.maxLotsPerSupplier']) {
      expect(PARAMETERS.map((p) => p.name)).toContain(name);
    }
  });

  it('one at a time: each bound (and null where allowed) runs or is refused with a ConfigError', () => {
    let ran = 0;
    for (const p of PARAMETERS) for (const v of p.bounds) if (runWith([[p, v, ALL]]) === 'ran') ran++;
    // Almost every single bound is a valid config; only combinations like "every type's share 0" are refused.
    expect(ran).toBeGreaterThan(0.9 * PARAMETERS.reduce((a, p) => a + p.bounds.length, 0));
  });

  it('issue 13, item 6: no delivery cost at all (capacityCostShare 0, variableCostReduction 1, dataSharing 1)', () => {
    const p = (name: string) => PARAMETERS.find((q) => q.name === name)!;
    const noCost: Setting[] = [
      [p('suppliers.ownership.*.capacityCostShare'), 0, ALL],
      [p('effects.dataSharing.variableCostReduction'), 1, ALL],
      [p('policy.dataSharing'), 1, ALL],
    ];
    for (const seed of [1, 2]) expect(runWith(noCost, seed)).toBe('ran');
    // In the burn-in too, and under every allocation rule (mini-competitions score prices again each period).
    for (const rule of ['rank', 'shares', 'qualityChoice', 'miniCompetition'] as const) {
      const input = structuredClone(SMALL);
      input.market.allocationRule = rule;
      for (const o of OWNERSHIP_TYPES) input.suppliers.ownership[o].capacityCostShare = 0;
      input.effects.dataSharing.variableCostReduction = 1;
      input.policy.dataSharing = 1;
      input.burnInPolicy.dataSharing = 1;
      checkInvariants(simulateDecoded(input, 3));
    }
  });

  it('in pairs: two parameters at bounds at once, for all or one ownership type or list entry (fast-check, fixed seed)', () => {
    const setting = fc
      .tuple(fc.integer({ min: 0, max: PARAMETERS.length - 1 }), fc.nat(), fc.oneof(fc.constant(ALL), fc.nat({ max: 4 }).map((index): Scope => ({ kind: 'one', index }))))
      .map(([i, b, scope]): Setting => [PARAMETERS[i]!, PARAMETERS[i]!.bounds[b % PARAMETERS[i]!.bounds.length]!, scope]);
    fc.assert(
      fc.property(
        fc.tuple(setting, setting).filter(([a, b]) => a[0] !== b[0] && !(SIZE.has(a[0].name) && SIZE.has(b[0].name))),
        (pair) => {
          runWith(pair);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
