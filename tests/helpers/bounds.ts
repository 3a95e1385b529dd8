/**
 * Every numeric parameter of the config, read off the decoder's codecs, and a small market to set
 * them on at their bounds: shared by tests/engine/bounds.test.ts (each alone, in npm test) and
 * tests/engine/boundsPairs.test.ts (pairs, in the slow suite).
 */
import { BASELINE_CONFIG, OWNERSHIP_TYPES, decodeConfig, type ConfigInput, type UncertainConfig } from '../../src/index.js';
import { simulateDecoded } from '../../src/simulate.js';
import { schemaOf, type SchemaNode } from '../../src/model/codecs.js';
import { ConfigCodec } from '../../src/model/config.js';
import { checkInvariants } from './invariants.js';

/**
 * A numeric parameter. `path` has `*` for "each ownership type" (suppliers.ownership and
 * entry.ownershipShares) and `[]` for "each entry of a list" (regions, measure types, shocks).
 */
export interface Parameter {
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

/** Every numeric parameter of the config, read off the decoder's codecs. */
export const PARAMETERS = parameters(schemaOf(ConfigCodec));

/**
 * A small, short market, so that the ~220 single runs and the pairs take seconds: two regions, two
 * measure types of two lots each, one shock (so that the shock's own parameters are tested too, from
 * year 0.25 so that it falls inside any horizon), 30 suppliers, one year of burn-in and two of horizon.
 */
export const SMALL: UncertainConfig = (() => {
  const input: ConfigInput = {
    run: { periodsPerYear: 4, burnInYears: 1, horizonYears: 2 },
    market: {
      regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 2 }],
      measureTypes: BASELINE_CONFIG.market.measureTypes.slice(0, 2).map((m) => ({ ...m, demandPerPeriod: (m.demandPerPeriod as number) / 50, lotsPerCell: 2 })),
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
export const SIZE = new Set(['run.periodsPerYear', 'run.burnInYears', 'run.horizonYears', 'suppliers.initialCount']);

/** Where one setting applies: every entry (`all`), or only the k-th ownership type or list entry. */
export type Scope = { readonly kind: 'all' } | { readonly kind: 'one'; readonly index: number };
/** One parameter set to one bound, for all entries or one. */
export type Setting = readonly [Parameter, number | null, Scope];

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
export function runWith(settings: readonly Setting[], seed = 1): 'rejected' | 'ran' {
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

/** Every ownership type or list entry. */
export const ALL: Scope = { kind: 'all' };
