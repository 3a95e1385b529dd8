import { formatPath } from '../../model/codecs.js';
import * as fc from 'fast-check';
import { OWNERSHIP_TYPES, type Config, type ConfigInput, type Policy } from '../../model/config.js';
import { decodeConfig, MAX_AGREEMENT_SLOTS, MAX_SUPPLIER_PERIODS } from '../../model/decode.js';
import { lotsPerCellUnder } from '../../model/lots.js';
import { uncertainInputs } from '../../model/uncertain.js';
import { config } from './config.js';
import { CONFIG_SCHEMA, type Leaf, type ListNode, type NumberLeaf, type ObjectNode } from './schema.js';

/**
 * The kinds of mistakes {@link invalidConfig} makes, one per generated config:
 *
 * - `outOfRange`: a number just or far outside its range (e.g. `policy.priceWeight` 1.0000000000000002 or 1e300);
 * - `notInteger`: a fraction where an integer is expected (`run.periodsPerYear` 4.5);
 * - `nonFinite`: NaN, Infinity or -Infinity (not in JSON);
 * - `negativeSize`: a negative count or size (`suppliers.initialCount` -1, `market.measureTypes[0].lotsPerCell` -1e9);
 * - `wrongType`: a value of the wrong type (`"0.3"`, `true`, `[]`, `{}` for a number; a number for a name);
 * - `null`: null where null is not allowed (a number, a section, a list, a list entry);
 * - `unknownKey`: a key the config does not have, usually a typo (`policy.minimumVolumShare`), or junk
 *   such as `__proto__`, `constructor`, `""` or a 100 000-character key;
 * - `missingField`: a list entry without one of its fields (lists are not merged with the baseline);
 * - `emptyList`: no regions or no measure types;
 * - `tooLongList`: 33+ regions or measure types, 101+ shocks;
 * - `hugeString`: a string of up to 100 000 characters for a name, an enumeration or a number;
 * - `nestedJunk`: an object or array nested up to 1 000 deep in place of a value, a list or a section;
 * - `notAnObject`: a number, string, boolean or array in place of the whole config, a section or a list entry;
 * - `nonJson`: a BigInt, symbol, function, Date, Map, boxed number or class instance (not in JSON);
 * - `duplicateName`: two regions or two measure types with one name;
 * - `unknownMeasureType`: a shock naming a measure type that does not exist;
 * - `shockAfterHorizon`: a shock that starts after the last period of the horizon;
 * - `zeroDemandWeights`: every region with demand weight 0;
 * - `emptyPopulation`: no initial supplier, or every ownership share 0;
 * - `noEntrantTypes`: entry switched on but every entrant ownership share 0;
 * - `sizeThresholdsReversed`: `smallBelow` above `largeFrom`;
 * - `termShorterThanPeriod`: a base term that rounds to zero periods;
 * - `tooManySuppliers`: more than 20 000 initial suppliers (up to 1e308);
 * - `tooManySupplierPeriods`: initial suppliers x periods above MAX_SUPPLIER_PERIODS;
 * - `tooManyAgreementSlots`: a policy whose lots x suppliers per agreement exceed MAX_AGREEMENT_SLOTS.
 * @example
 * invalidConfig({ kinds: INVALID_KINDS.filter((k) => k !== 'hugeString') });
 */
export const INVALID_KINDS = [
  'outOfRange',
  'notInteger',
  'nonFinite',
  'negativeSize',
  'wrongType',
  'null',
  'unknownKey',
  'missingField',
  'emptyList',
  'tooLongList',
  'hugeString',
  'nestedJunk',
  'notAnObject',
  'nonJson',
  'duplicateName',
  'unknownMeasureType',
  'shockAfterHorizon',
  'zeroDemandWeights',
  'emptyPopulation',
  'noEntrantTypes',
  'sizeThresholdsReversed',
  'termShorterThanPeriod',
  'tooManySuppliers',
  'tooManySupplierPeriods',
  'tooManyAgreementSlots',
  'badDistribution',
] as const;

/**
 * One of {@link INVALID_KINDS}.
 * @example
 * const kind: InvalidKind = 'duplicateName';
 */
export type InvalidKind = (typeof INVALID_KINDS)[number];

/**
 * Kinds whose inputs cannot be written as JSON (left out with `json: true`).
 * @example
 * NON_JSON_KINDS.includes('nonFinite'); // true
 */
export const NON_JSON_KINDS: readonly InvalidKind[] = ['nonFinite', 'nonJson'];

/**
 * A malformed config and where the decoder must say it is wrong.
 * @example
 * const x: InvalidConfig = { input: { policy: { priceWeight: 2 } }, path: 'policy.priceWeight', kind: 'outOfRange' };
 */
export interface InvalidConfig {
  /** What to hand to `decodeConfig`, `simulate` or an experiment (usually an object; for `notAnObject` possibly not). */
  readonly input: unknown;
  /**
   * The path of the one problem, exactly as the decoder writes it in a `ConfigIssue`:
   * `policy.priceWeight`, `market.regions[2].name`, `suppliers.ownership`, `["a b"]`, or `(config)`
   * when the input as a whole is not an object.
   */
  readonly path: string;
  /** Which mistake was made. */
  readonly kind: InvalidKind;
}

/**
 * Options of {@link invalidConfig}.
 * @example
 * const o: InvalidConfigOptions = { json: true, base: config({ size: 'baseline' }) };
 */
export interface InvalidConfigOptions {
  /** Valid configs to break (default `config({ size: 'small' })`); each must decode. */
  readonly base?: fc.Arbitrary<ConfigInput>;
  /** Only inputs that survive `JSON.stringify` unchanged (no NaN, Infinity, BigInt, functions, ...), for files and the CLI. */
  readonly json?: boolean;
  /** Only these kinds of mistakes (default all, less {@link NON_JSON_KINDS} with `json`). */
  readonly kinds?: readonly InvalidKind[];
}

// ---------------------------------------------------------------------------------------------
// Paths and sites

type Segment = string | number;

/** A path as the decoder writes it: the decoder's own formatter, so the two cannot drift apart. */
export { formatPath };

interface Site<N> {
  readonly at: readonly Segment[];
  readonly node: N;
}

interface Sites {
  readonly leaves: Array<Site<Leaf>>;
  /** Every object, the root (at []) included, list entries included. */
  readonly objects: Array<Site<ObjectNode>>;
  readonly lists: Array<Site<ListNode>>;
  readonly entries: Array<Site<ObjectNode>>;
}

function sitesOf(decoded: Config): Sites {
  const sites: Sites = { leaves: [], objects: [], lists: [], entries: [] };
  const walk = (node: ObjectNode, value: Record<string, unknown>, at: Segment[]) => {
    sites.objects.push({ at, node });
    for (const [key, field] of Object.entries(node.fields)) {
      const here = [...at, key];
      if (field.kind === 'object') walk(field, value[key] as Record<string, unknown>, here);
      else if (field.kind === 'list') {
        sites.lists.push({ at: here, node: field });
        (value[key] as Array<Record<string, unknown>>).forEach((entry, i) => {
          sites.entries.push({ at: [...here, i], node: field.item });
          walk(field.item, entry, [...here, i]);
        });
      } else sites.leaves.push({ at: here, node: field });
    }
  };
  walk(CONFIG_SCHEMA, decoded as unknown as Record<string, unknown>, []);
  return sites;
}

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

const define = (target: object, key: Segment, value: unknown) => {
  if (Array.isArray(target) && typeof key === 'number') target[key] = value;
  // A data property even for keys such as __proto__, as JSON.parse makes them.
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
};

/**
 * The object holding the last segment of `at` in `input`, created on the way: a missing object
 * becomes `{}` (merged with the baseline, so it changes nothing), a missing list becomes a copy of
 * the decoded one (lists replace the baseline's whole).
 */
function holder(input: Record<string, unknown>, decoded: Config, at: readonly Segment[]): Record<string | number, unknown> {
  let cur: Record<string | number, unknown> = input;
  let eff: unknown = decoded;
  for (const seg of at.slice(0, -1)) {
    eff = (eff as Record<string | number, unknown>)[seg];
    let next = cur[seg];
    if (Array.isArray(eff)) {
      if (!Array.isArray(next)) {
        next = structuredClone(eff);
        define(cur, seg, next);
      }
    } else if (next === undefined) {
      next = {};
      define(cur, seg, next);
    }
    cur = next as Record<string | number, unknown>;
  }
  return cur;
}

function setAt(input: Record<string, unknown>, decoded: Config, at: readonly Segment[], value: unknown): void {
  define(holder(input, decoded, at), at[at.length - 1]!, value);
}

// ---------------------------------------------------------------------------------------------
// Values

const nextAfter = (x: number, up: boolean): number => {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
};

/** A finite number outside [min, max]: `distance` below min or above max, at least the next double. */
function outside(leaf: NumberLeaf, above: boolean, distance: number): number {
  if (above) {
    const v = leaf.max + distance;
    return v > leaf.max && Number.isFinite(v) ? v : nextAfter(leaf.max, true);
  }
  const v = leaf.min - distance;
  return v < leaf.min && Number.isFinite(v) ? v : nextAfter(leaf.min, false);
}

const WRONG_FOR_NUMBER: readonly unknown[] = ['0.5', '', 'NaN', '1e3', 'Infinity', ' 1', true, false, [], [0.5], {}, { value: 0.5 }];
const WRONG_FOR_NAME: readonly unknown[] = [0, 1, -1, true, false, [], ['name'], {}, { name: 'x' }];
const WRONG_FOR_ENUM: readonly unknown[] = [0, 1, true, [], ['rank'], {}, '', 'RANK', 'Rank', ' rank', 'rank ', 'relative ', 'none'];
const JSON_VALUES: readonly unknown[] = [0, 1, -1, 0.5, 'x', '', true, false, null, [], {}, { a: 1 }, [1, 'a']];
const NOT_OBJECTS: readonly unknown[] = [0, 42, -1, 'config', '', true, false, [], [{}], [1, 2]];
const JUNK_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', '0', '-1', 'a.b', 'a b', 'Østfold', '🙂', '"', '\\', '\n', 'null', 'undefined'];
const HUGE_CHARS: readonly string[] = ['x', 'ø', '🙂', '"', '\\', '\n', ' ', '0'];

class Point {
  constructor(readonly x = 1) {}
}
/** Values JSON cannot hold, none of which is a plain object, an array or undefined. */
const NON_JSON_VALUES: ReadonlyArray<() => unknown> = [
  () => 5n,
  () => Symbol('x'),
  () => () => 0,
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => new Set([1]),
  () => /x/,
  () => new Number(1),
  () => new String('x'),
  () => Object.create({ inherited: 1 }) as unknown,
  () => new Point(),
  () => new Uint8Array(2),
  () => new Error('x'),
  () => Number.NaN,
];

/** An object or array nested `depth` deep, built without recursion. */
function nested(depth: number, array: boolean, key: string): unknown {
  let v: unknown = 0;
  for (let d = 0; d < depth; d++) v = array ? [v] : { [key]: v };
  return v;
}

/** A typo of `key` that is none of `known`: a letter dropped, doubled, swapped or its case changed. */
function typo(key: string, op: number, position: number, known: readonly string[]): string {
  const i = position % Math.max(1, key.length);
  const candidates = [
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i) + key[i] + key.slice(i),
    key.slice(0, i) + (key[i + 1] ?? '') + (key[i] ?? '') + key.slice(i + 2),
    key.slice(0, i) + (key[i] === key[i]?.toUpperCase() ? key[i]?.toLowerCase() : key[i]?.toUpperCase()) + key.slice(i + 1),
    `${key}s`,
    `${key}_`,
  ];
  const start = op % candidates.length;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[(start + k) % candidates.length]!;
    if (c !== '' && !known.includes(c)) return c;
  }
  return `${key}X`;
}

// ---------------------------------------------------------------------------------------------
// Mutations

interface Context {
  /** A deep copy of the base input, to mutate. */
  readonly input: Record<string, unknown>;
  readonly decoded: Config;
  readonly sites: Sites;
}

type Outcome = { readonly input: unknown; readonly path: string } | null;

const slots = (c: Config, p: Policy) => lotsPerCellUnder(c, p).reduce((a, b) => a + b, 0) * p.suppliersPerAgreement;
const slotsFit = (c: Config) => slots(c, c.policy) <= MAX_AGREEMENT_SLOTS && slots(c, c.burnInPolicy) <= MAX_AGREEMENT_SLOTS;

const numberLeaves = (s: Sites) => s.leaves.filter((l): l is Site<NumberLeaf> => l.node.kind === 'number');
const SIZE_KEYS = new Set([
  'initialCount', 'lotsPerCell', 'periodsPerYear', 'burnInYears', 'horizonYears', 'suppliersPerAgreement', 'maxLotsPerSupplier',
  'regionsServed', 'measureTypesServed', 'bidsPerYear', 'idlePeriodsBeforeExit', 'capacityMedian', 'demandPerPeriod', 'demandWeight', 'durationWeeks',
]);

/** Sets one value at a site and names the site. */
function place(ctx: Context, at: readonly Segment[] | undefined, value: unknown): Outcome {
  if (at === undefined) return null;
  if (at.length === 0) return { input: value, path: '(config)' };
  setAt(ctx.input, ctx.decoded, at, value);
  return { input: ctx.input, path: formatPath(at) };
}

const nat = fc.nat();
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** Each kind: the random choices it needs, and how they break a base config. */
const MUTATIONS: { readonly [K in InvalidKind]: { readonly arb: fc.Arbitrary<Record<string, unknown>>; apply(ctx: Context, plan: never): Outcome } } = {
  outOfRange: {
    arb: fc.record({ site: nat, above: fc.boolean(), distance: fc.double({ min: Number.MIN_VALUE, max: 1e308, noNaN: true }) }),
    apply: (ctx, p: { site: number; above: boolean; distance: number }) => {
      const site = pick(numberLeaves(ctx.sites), p.site);
      return site === undefined ? null : place(ctx, site.at, outside(site.node, p.above, p.distance));
    },
  },
  notInteger: {
    arb: fc.record({ site: nat, at: unit, fraction: fc.double({ min: 0.001, max: 0.999, noNaN: true }) }),
    apply: (ctx, p: { site: number; at: number; fraction: number }) => {
      const site = pick(numberLeaves(ctx.sites).filter((l) => l.node.integer && l.node.max > l.node.min), p.site);
      if (site === undefined) return null;
      const whole = site.node.min + Math.floor(p.at * (site.node.max - site.node.min));
      return place(ctx, site.at, whole + p.fraction);
    },
  },
  nonFinite: {
    arb: fc.record({ site: nat, value: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) }),
    apply: (ctx, p: { site: number; value: number }) => place(ctx, pick(numberLeaves(ctx.sites), p.site)?.at, p.value),
  },
  negativeSize: {
    arb: fc.record({ site: nat, value: fc.constantFrom(-1, -0.5, -2, -1e9, -Number.MAX_SAFE_INTEGER, -1e308, -Number.MIN_VALUE) }),
    apply: (ctx, p: { site: number; value: number }) =>
      place(ctx, pick(numberLeaves(ctx.sites).filter((l) => SIZE_KEYS.has(String(l.at[l.at.length - 1]))), p.site)?.at, p.value),
  },
  wrongType: {
    arb: fc.record({ site: nat, value: nat }),
    apply: (ctx, p: { site: number; value: number }) => {
      const site = pick(ctx.sites.leaves, p.site);
      if (site === undefined) return null;
      const pool = site.node.kind === 'number' ? WRONG_FOR_NUMBER : site.node.kind === 'name' ? WRONG_FOR_NAME : WRONG_FOR_ENUM;
      return place(ctx, site.at, pick(pool, p.value));
    },
  },
  null: {
    arb: fc.record({ site: nat }),
    apply: (ctx, p: { site: number }) => {
      const candidates = [
        ...ctx.sites.leaves.filter((l) => l.node.kind === 'enum' || !l.node.nullable).map((l) => l.at),
        ...ctx.sites.objects.filter((o) => o.at.length > 0).map((o) => o.at),
        ...ctx.sites.lists.map((l) => l.at),
      ];
      // (list entries are among the objects)
      return place(ctx, pick(candidates, p.site), null);
    },
  },
  unknownKey: {
    arb: fc.record({
      site: nat,
      junk: fc.boolean(),
      key: nat,
      op: nat,
      position: nat,
      long: fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: fc.integer({ min: 1, max: 100_000 }), weight: 1 }),
      value: nat,
    }),
    apply: (ctx, p: { site: number; junk: boolean; key: number; op: number; position: number; long: number | null; value: number }) => {
      const site = pick(ctx.sites.objects, p.site)!;
      const known = Object.keys(site.node.fields);
      const key =
        p.long !== null ? 'k'.repeat(p.long) : p.junk ? pick(JUNK_KEYS, p.key)! : typo(pick(known, p.key)!, p.op, p.position, known);
      if (known.includes(key)) return null;
      return place(ctx, [...site.at, key], pick(JSON_VALUES, p.value));
    },
  },
  missingField: {
    arb: fc.record({ site: nat, field: nat }),
    apply: (ctx, p: { site: number; field: number }) => {
      const site = pick(ctx.sites.entries, p.site);
      if (site === undefined) return null;
      const field = pick(Object.keys(site.node.fields), p.field)!;
      const entry = holder(ctx.input, ctx.decoded, [...site.at, field]);
      delete entry[field];
      return { input: ctx.input, path: formatPath([...site.at, field]) };
    },
  },
  emptyList: {
    arb: fc.record({ site: nat }),
    apply: (ctx, p: { site: number }) => place(ctx, pick(ctx.sites.lists.filter((l) => l.node.min > 0), p.site)?.at, []),
  },
  tooLongList: {
    arb: fc.record({ site: nat, extra: fc.integer({ min: 0, max: 7 }) }),
    apply: (ctx, p: { site: number; extra: number }) => {
      const site = pick(ctx.sites.lists, p.site)!;
      const key = site.at[site.at.length - 1];
      const entry = (i: number): unknown =>
        key === 'regions'
          ? { name: `R${i}`, demandWeight: 1 }
          : key === 'measureTypes'
            ? { name: `m${i}`, demandPerPeriod: 100, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 }
            : { fromYear: 0, change: 0, measureType: null };
      return place(ctx, site.at, Array.from({ length: site.node.max + 1 + p.extra }, (_, i) => entry(i)));
    },
  },
  hugeString: {
    arb: fc.record({ site: nat, length: fc.integer({ min: 1, max: 100_000 }), char: nat }),
    apply: (ctx, p: { site: number; length: number; char: number }) => {
      const site = pick(ctx.sites.leaves, p.site)!;
      // A name must be longer than allowed; any string is wrong for a number or an enumeration.
      const min = site.node.kind === 'name' ? site.node.maxLength + 1 : 1;
      const length = Math.min(100_000, Math.max(min, p.length));
      const unit = pick(HUGE_CHARS, p.char)!;
      return place(ctx, site.at, unit.repeat(Math.ceil(length / unit.length)).slice(0, Math.max(length, min)));
    },
  },
  nestedJunk: {
    arb: fc.record({ site: nat, where: fc.constantFrom('leaf', 'list', 'object'), depth: fc.integer({ min: 1, max: 1000 }), array: fc.boolean() }),
    apply: (ctx, p: { site: number; where: string; depth: number; array: boolean }) => {
      // In place of a value: an object or an array; of a list: an object; of a section: an array
      // (an object there would be merged key by key, and its first key would be the problem).
      if (p.where === 'leaf') return place(ctx, pick(ctx.sites.leaves, p.site)?.at, nested(p.depth, p.array, 'a'));
      if (p.where === 'list') return place(ctx, pick(ctx.sites.lists, p.site)?.at, nested(p.depth, false, 'a'));
      return place(ctx, pick(ctx.sites.objects, p.site)?.at, nested(p.depth, true, 'a'));
    },
  },
  notAnObject: {
    arb: fc.record({ site: nat, value: nat, root: fc.boolean() }),
    apply: (ctx, p: { site: number; value: number; root: boolean }) => {
      if (p.root) return place(ctx, [], pick([null, ...NOT_OBJECTS], p.value));
      const sites = [...ctx.sites.objects.filter((o) => o.at.length > 0), ...ctx.sites.entries];
      return place(ctx, pick(sites, p.site)?.at, pick(NOT_OBJECTS, p.value));
    },
  },
  nonJson: {
    arb: fc.record({ site: nat, value: nat, where: fc.constantFrom('leaf', 'object', 'root') }),
    apply: (ctx, p: { site: number; value: number; where: string }) => {
      const make = pick(NON_JSON_VALUES, p.value)!;
      if (p.where === 'root') return place(ctx, [], make());
      if (p.where === 'object') return place(ctx, pick(ctx.sites.objects.filter((o) => o.at.length > 0), p.site)?.at, make());
      return place(ctx, pick(ctx.sites.leaves, p.site)?.at, make());
    },
  },
  duplicateName: {
    arb: fc.record({ measures: fc.boolean(), from: nat, to: nat }),
    apply: (ctx, p: { measures: boolean; from: number; to: number }) => {
      const key = p.measures ? 'measureTypes' : 'regions';
      const list = ctx.decoded.market[key] as Array<{ name: string }>;
      const i = p.from % list.length;
      const copy = structuredClone(ctx.decoded);
      let index: number;
      if (list.length < 32) {
        index = list.length;
        (copy.market[key] as Array<{ name: string }>).push(structuredClone(list[i]!));
      } else {
        // A full list: rename a later entry, unless a shock names it (that would be a second problem).
        const first = p.from % 31;
        index = first + 1 + (p.to % (31 - first));
        if (p.measures && ctx.decoded.market.shocks.some((s) => s.measureType === list[index]!.name)) return null;
        copy.market[key][index]!.name = list[first]!.name;
      }
      if (!slotsFit(copy)) return null;
      place(ctx, ['market', key], copy.market[key]);
      return { input: ctx.input, path: `market.${key}[${index}].name` };
    },
  },
  unknownMeasureType: {
    arb: fc.record({ name: fc.string({ minLength: 1, maxLength: 64 }), change: fc.double({ min: -1, max: 10, noNaN: true }) }),
    apply: (ctx, p: { name: string; change: number }) => {
      if (ctx.decoded.market.measureTypes.some((m) => m.name === p.name)) return null;
      const shocks = structuredClone(ctx.decoded.market.shocks);
      const index = Math.min(shocks.length, 99);
      shocks[index] = { fromYear: 0, change: p.change + 0, measureType: p.name };
      place(ctx, ['market', 'shocks'], shocks);
      return { input: ctx.input, path: `market.shocks[${index}].measureType` };
    },
  },
  shockAfterHorizon: {
    arb: fc.record({ at: unit, change: fc.double({ min: -1, max: 10, noNaN: true }) }),
    apply: (ctx, p: { at: number; change: number }) => {
      const { horizonYears: h, periodsPerYear: n } = ctx.decoded.run;
      // The first start after the horizon is period h x n: fromYear (h n - 0.5) / n rounds to it.
      const first = (h * n - 0.5) / n;
      let fromYear = first + p.at * (100 - first);
      if (!(Math.round(fromYear * n) >= h * n) || fromYear > 100) fromYear = h;
      const shocks = structuredClone(ctx.decoded.market.shocks);
      const index = Math.min(shocks.length, 99);
      shocks[index] = { fromYear, change: p.change + 0, measureType: null };
      place(ctx, ['market', 'shocks'], shocks);
      return { input: ctx.input, path: `market.shocks[${index}].fromYear` };
    },
  },
  zeroDemandWeights: {
    arb: fc.record({}),
    apply: (ctx) => {
      const copy = structuredClone(ctx.decoded);
      for (const r of copy.market.regions) r.demandWeight = 0;
      if (!slotsFit(copy)) return null;
      place(ctx, ['market', 'regions'], copy.market.regions);
      return { input: ctx.input, path: 'market.regions' };
    },
  },
  emptyPopulation: {
    arb: fc.record({ noSupplier: fc.boolean() }),
    apply: (ctx, p: { noSupplier: boolean }) => {
      if (p.noSupplier) return place(ctx, ['suppliers', 'initialCount'], 0);
      for (const o of OWNERSHIP_TYPES) setAt(ctx.input, ctx.decoded, ['suppliers', 'ownership', o, 'share'], 0);
      return { input: ctx.input, path: 'suppliers.ownership' };
    },
  },
  noEntrantTypes: {
    arb: fc.record({ rate: fc.double({ min: Number.MIN_VALUE, max: 1000, noNaN: true }) }),
    apply: (ctx, p: { rate: number }) => {
      if (ctx.decoded.suppliers.entry.ratePerYear === 0) setAt(ctx.input, ctx.decoded, ['suppliers', 'entry', 'ratePerYear'], p.rate);
      for (const o of OWNERSHIP_TYPES) setAt(ctx.input, ctx.decoded, ['suppliers', 'entry', 'ownershipShares', o], 0);
      return { input: ctx.input, path: 'suppliers.entry.ownershipShares' };
    },
  },
  sizeThresholdsReversed: {
    arb: fc.record({ large: unit, gap: unit }),
    apply: (ctx, p: { large: number; gap: number }) => {
      const largeFrom = p.large * 1e12;
      let smallBelow = largeFrom + p.gap * (1e12 - largeFrom);
      if (!(smallBelow > largeFrom)) smallBelow = nextAfter(largeFrom, true);
      setAt(ctx.input, ctx.decoded, ['suppliers', 'sizeThresholds', 'largeFrom'], largeFrom);
      setAt(ctx.input, ctx.decoded, ['suppliers', 'sizeThresholds', 'smallBelow'], smallBelow);
      return { input: ctx.input, path: 'suppliers.sizeThresholds.smallBelow' };
    },
  },
  termShorterThanPeriod: {
    arb: fc.record({ burnIn: fc.boolean(), at: unit }),
    apply: (ctx, p: { burnIn: boolean; at: number }) => {
      const n = ctx.decoded.run.periodsPerYear;
      if (0.01 * n >= 0.5) return null; // at 50 periods a year and more, every valid term is a period
      let term = 0.01 + p.at * (0.5 / n - 0.01);
      if (Math.round(term * n) >= 1) term = 0.01;
      return place(ctx, [p.burnIn ? 'burnInPolicy' : 'policy', 'baseTermYears'], term);
    },
  },
  tooManySuppliers: {
    arb: fc.record({ value: fc.oneof(fc.integer({ min: 20_001, max: 2 ** 31 }), fc.constantFrom(1e9, 2 ** 53, 1e21, 1e308)) }),
    apply: (ctx, p: { value: number }) => place(ctx, ['suppliers', 'initialCount'], p.value),
  },
  tooManySupplierPeriods: {
    arb: fc.record({ periods: unit, burnIn: unit, count: unit }),
    apply: (ctx, p: { periods: number; burnIn: number; count: number }) => {
      const run = ctx.decoded.run;
      // Only more periods a year and a longer burn-in: both keep every shock and term valid.
      let n = run.periodsPerYear + Math.floor(p.periods * (53 - run.periodsPerYear));
      let b = run.burnInYears + Math.floor(p.burnIn * (101 - run.burnInYears));
      let least = Math.floor(MAX_SUPPLIER_PERIODS / ((b + run.horizonYears) * n)) + 1;
      if (least > 20_000) {
        n = 52;
        b = 100;
        least = Math.floor(MAX_SUPPLIER_PERIODS / ((b + run.horizonYears) * n)) + 1;
      }
      const count = least + Math.floor(p.count * (20_001 - least));
      setAt(ctx.input, ctx.decoded, ['run', 'periodsPerYear'], n);
      setAt(ctx.input, ctx.decoded, ['run', 'burnInYears'], b);
      return place(ctx, ['suppliers', 'initialCount'], count);
    },
  },
  badDistribution: {
    arb: fc.record({ site: nat, shape: fc.integer({ min: 0, max: 7 }), above: fc.boolean(), distance: fc.double({ min: Number.MIN_VALUE, max: 1e308, noNaN: true }) }),
    apply: (ctx, p: { site: number; shape: number; above: boolean; distance: number }) => {
      const site = pick(numberLeaves(ctx.sites), p.site);
      if (site === undefined) return null;
      const { min, max } = site.node;
      const out = outside(site.node, p.above, p.distance);
      const shapes: unknown[] = [
        // support outside the number's range
        p.above ? { dist: 'uniform', min, max: out } : { dist: 'uniform', min: out, max },
        p.above ? { dist: 'triangular', min, mode: max, max: out } : { dist: 'triangular', min: out, mode: min, max },
        { dist: 'discrete', values: [min, out] },
        // malformed: an unknown kind, a missing key, an unknown key, parameters out of order, no values
        { dist: 'normal', mean: min, sd: 1 },
        { dist: 'triangular', min, max },
        { dist: 'uniform', min, max, mode: min },
        { dist: 'truncatedNormal', mean: min, sd: 0, min, max },
        { dist: 'discrete', values: [] },
      ];
      return place(ctx, site.at, shapes[p.shape]);
    },
  },
  tooManyAgreementSlots: {
    arb: fc.record({ burnIn: fc.boolean(), split: fc.double({ min: 1, max: 100, noNaN: true }), perAgreement: fc.integer({ min: 1, max: 20 }) }),
    apply: (ctx, p: { burnIn: boolean; split: number; perAgreement: number }) => {
      const key = p.burnIn ? 'burnInPolicy' : 'policy';
      const copy = structuredClone(ctx.decoded);
      copy[key] = { ...copy[key], lotSplit: p.split, suppliersPerAgreement: p.perAgreement };
      // Raise lots per cell (for both policies) until this policy alone is over the limit.
      for (const lots of [0, 10, 30, 100, 300, 1000]) {
        if (lots > 0) for (const m of copy.market.measureTypes) m.lotsPerCell = Math.max(m.lotsPerCell, lots);
        const other = p.burnIn ? copy.policy : copy.burnInPolicy;
        if (slots(copy, other) > MAX_AGREEMENT_SLOTS) return null;
        if (slots(copy, copy[key]) > MAX_AGREEMENT_SLOTS) {
          if (lots > 0) place(ctx, ['market', 'measureTypes'], copy.market.measureTypes);
          setAt(ctx.input, ctx.decoded, [key, 'suppliersPerAgreement'], p.perAgreement);
          return place(ctx, [key, 'lotSplit'], p.split);
        }
      }
      return null;
    },
  },
};

/**
 * Arbitrary of malformed configs for negative tests: `{ input, path, kind }`, where `input` is a
 * valid config (from `base`, by default `config({ size: 'small' })`) with exactly one mistake
 * and `path` is where the decoder must report it, exactly as in `ConfigIssue.path`. Every kind
 * of mistake in {@link INVALID_KINDS} is made: values out of range, of the wrong type, NaN,
 * ±Infinity, null, negative sizes, unknown keys and typos, missing fields, empty and too-long
 * lists, 100 000-character strings, junk nested 1 000 deep, duplicate names, shocks beyond the
 * horizon and sizes over the limits (MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS, 20 000
 * initial suppliers). Each input stays small (at most about 100 000 characters).
 *
 * With `json: true`, only inputs that JSON can hold, for spec files and the command line.
 * @example
 * import fc from 'fast-check';
 * import { decodeConfig } from 'framework-agreement-sim';
 * import { invalidConfig } from 'framework-agreement-sim/testing';
 *
 * // My wrapper must reject what the library rejects, and name the same place:
 * fc.assert(
 *   fc.property(invalidConfig(), ({ input, path }) => {
 *     const r = decodeConfig(input);
 *     return r._tag === 'Left' && r.left.some((issue) => issue.path === path);
 *   }),
 *   { seed: 7, numRuns: 300 },
 * );
 */
export function invalidConfig(options: InvalidConfigOptions = {}): fc.Arbitrary<InvalidConfig> {
  const json = options.json === true;
  const kinds = (options.kinds ?? INVALID_KINDS).filter((k) => !(json && NON_JSON_KINDS.includes(k)));
  for (const k of options.kinds ?? []) {
    if (!INVALID_KINDS.includes(k)) throw new TypeError(`invalidConfig(): unknown kind "${String(k)}"; known kinds are ${INVALID_KINDS.join(', ')}`);
  }
  if (kinds.length === 0) throw new RangeError('invalidConfig(): no kind of mistake left to make (json: true leaves out nonFinite and nonJson)');
  const mutation = fc.oneof(...kinds.map((kind) => MUTATIONS[kind].arb.map((plan) => ({ kind, plan }))));
  return fc
    .tuple(options.base ?? config({ size: 'small' }), mutation)
    .map(([base, { kind, plan }]): InvalidConfig | null => {
      const decoded = decodeConfig(base);
      if (decoded._tag === 'Left') {
        throw new Error(`invalidConfig(): the base config must be valid; ${decoded.left[0]!.path}: ${decoded.left[0]!.message}`);
      }
      // The mistakes are planned on the decoded numbers of run, market, suppliers and the policies;
      // distributions are fine in behaviour, outcomes and effects (no rule combines them).
      const structural = Object.keys(uncertainInputs(decoded.right)).find((path) => !/^(behaviour|outcomes|effects)\./.test(path));
      if (structural !== undefined) throw new Error(`invalidConfig(): the base config may give distributions only in behaviour, outcomes and effects, not at ${structural}`);
      const input = structuredClone(base ?? {}) as Record<string, unknown>;
      const ctx: Context = { input, decoded: decoded.right as Config, sites: sitesOf(decoded.right as Config) };
      const out = (MUTATIONS[kind].apply as (ctx: Context, plan: unknown) => Outcome)(ctx, plan);
      return out === null ? null : { input: out.input, path: out.path, kind };
    })
    .filter((x): x is InvalidConfig => x !== null);
}
