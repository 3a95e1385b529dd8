import * as t from 'io-ts/lib/index.js';

/*
 * Every codec made by these combinators carries `schema`: a plain description of what it accepts
 * (ranges, lengths, values, keys). Tools that generate or break configs, such as the testing kit's
 * arbitraries, read the ranges from here instead of keeping a copy that could drift.
 */

/** A number in [min, max]; an integer there with `integer`; `null` allowed too with `nullable`. */
export interface NumberLeaf {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly nullable: boolean;
}

/** A string of 1 to `maxLength` characters (`null` allowed too with `nullable`). */
export interface NameLeaf {
  readonly kind: 'name';
  readonly maxLength: number;
  readonly nullable: boolean;
}

/** One of the listed strings. */
export interface EnumLeaf {
  readonly kind: 'enum';
  readonly values: readonly string[];
}

/** An object with exactly these keys. */
export interface ObjectNode {
  readonly kind: 'object';
  /** The type name the decoder uses in "expected an object (...)". */
  readonly typeName: string;
  readonly fields: Readonly<Record<string, SchemaNode>>;
}

/** A list of `min` to `max` objects. */
export interface ListNode {
  readonly kind: 'list';
  readonly item: ObjectNode;
  readonly min: number;
  readonly max: number;
}

/** A single value of a config. */
export type Leaf = NumberLeaf | NameLeaf | EnumLeaf;
/** Any node of a codec's schema. */
export type SchemaNode = Leaf | ObjectNode | ListNode;

/** The schema a codec of these combinators carries. */
export function schemaOf(codec: t.Mixed): SchemaNode {
  const schema = (codec as { schema?: SchemaNode }).schema;
  if (schema === undefined) throw new Error(`codec ${codec.name} carries no schema`);
  return schema;
}

function nullableSchema(codec: t.Mixed): SchemaNode {
  const inner = schemaOf(codec);
  if (inner.kind !== 'number' && inner.kind !== 'name') throw new Error(`nullable() takes a number or name codec, not ${codec.name}`);
  return { ...inner, nullable: true };
}

function objectSchemaOf(codec: t.Mixed): ObjectNode {
  const inner = schemaOf(codec);
  if (inner.kind !== 'object') throw new Error(`listOf() takes an object codec, not ${codec.name}`);
  return inner;
}

/**
 * Attaches a schema, built on first access (so combinators still compose freely: a list of numbers
 * is a fine codec, it only has no schema a config tool could use).
 */
function describe<T, S extends SchemaNode>(type: T, build: () => S): T & { readonly schema: S } {
  let schema: S | undefined;
  Object.defineProperty(type, 'schema', { get: () => (schema ??= build()), enumerable: false });
  return type as T & { readonly schema: S };
}

/** Describes a value briefly for error messages: type and a short rendering. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `the string ${JSON.stringify(shown)}${value.length > 40 ? ` (${value.length} characters)` : ''}`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    if (isPlainObject(value)) return 'an object';
    const kind = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof kind === 'string' && kind !== '' && kind !== 'Object' ? `a ${kind}` : 'an object with a custom prototype';
  }
  return `a ${typeof value}`;
}

/** A plain data object (as JSON.parse makes them): not an array, Map, Date or class instance. */
export function isPlainObject(u: unknown): u is Record<string, unknown> {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const proto = Object.getPrototypeOf(u) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A finite number in [min, max] (or an integer there, with `integer: true`).
 * NaN, Infinity and strings are rejected with the expected range in the message.
 */
export function numberIn(min: number, max: number, options: { integer?: boolean } = {}): t.Type<number, number, unknown> & { readonly schema: NumberLeaf } {
  const kind = options.integer ? 'an integer' : 'a number';
  const expected = `expected ${kind} in [${min}, ${max}]`;
  const ok = (u: unknown): u is number =>
    typeof u === 'number' && Number.isFinite(u) && u >= min && u <= max && (!options.integer || Number.isInteger(u));
  const type = new t.Type<number, number, unknown>(
    `${kind} in [${min}, ${max}]`,
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c, `${expected}, got ${describeValue(u)}`)),
    t.identity,
  );
  return describe(type, () => ({ kind: 'number', min, max, integer: options.integer === true, nullable: false } as NumberLeaf));
}

/** A string of 1 to `maxLength` characters. */
export function name(maxLength = 64): t.Type<string, string, unknown> & { readonly schema: NameLeaf } {
  const ok = (u: unknown): u is string => typeof u === 'string' && u.length >= 1 && u.length <= maxLength;
  const type = new t.Type<string, string, unknown>(
    'name',
    ok,
    (u, c) =>
      ok(u) ? t.success(u) : t.failure(u, c, `expected a non-empty string of at most ${maxLength} characters, got ${describeValue(u)}`),
    t.identity,
  );
  return describe(type, () => ({ kind: 'name', maxLength, nullable: false } as NameLeaf));
}

/** One of the listed strings. */
export function oneOf<const V extends readonly string[]>(values: V): t.Type<V[number], V[number], unknown> & { readonly schema: EnumLeaf } {
  const ok = (u: unknown): u is V[number] => typeof u === 'string' && values.includes(u);
  const listed = values.map((v) => `"${v}"`).join(', ');
  const type = new t.Type<V[number], V[number], unknown>(
    values.join(' | '),
    ok,
    (u, c) => (ok(u) ? t.success(u) : t.failure(u, c, `expected one of ${listed}, got ${describeValue(u)}`)),
    t.identity,
  );
  return describe(type, () => ({ kind: 'enum', values } as EnumLeaf));
}

/** A boolean. */
export const flag = new t.Type<boolean, boolean, unknown>(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u, c) => (typeof u === 'boolean' ? t.success(u) : t.failure(u, c, `expected true or false, got ${describeValue(u)}`)),
  t.identity,
);

/** `null` or a value of the given codec. */
export function nullable<C extends t.Mixed>(codec: C): t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown> & { readonly schema: SchemaNode } {
  const type = new t.Type<t.TypeOf<C> | null, t.OutputOf<C> | null, unknown>(
    `${codec.name} | null`,
    (u): u is t.TypeOf<C> | null => u === null || codec.is(u),
    (u, c) => {
      if (u === null) return t.success(null);
      const r = codec.validate(u, c);
      if (r._tag === 'Right') return r;
      return t.failures(r.left.map((e) => (e.message !== undefined && e.context === c ? { ...e, message: e.message.replace(/^expected /, 'expected null or ') } : e)));
    },
    (a) => (a === null ? null : codec.encode(a)),
  );
  return describe(type, () => nullableSchema(codec));
}

/** An array of `min` to `max` elements of the given codec; each element's errors name its index. */
export function listOf<C extends t.Mixed>(
  codec: C,
  min: number,
  max: number,
): t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown> & { readonly schema: ListNode } {
  const type = new t.Type<Array<t.TypeOf<C>>, Array<t.OutputOf<C>>, unknown>(
    `Array<${codec.name}>`,
    (u): u is Array<t.TypeOf<C>> => Array.isArray(u) && u.length >= min && u.length <= max && u.every(codec.is),
    (u, c) => {
      if (!Array.isArray(u) || u.length < min || u.length > max) {
        return t.failure(u, c, `expected a list of ${min} to ${max} entries, got ${describeValue(u)}`);
      }
      const errors: t.Errors = [];
      const out: Array<t.TypeOf<C>> = [];
      u.forEach((item, i) => {
        const r = codec.validate(item, t.appendContext(c, String(i), codec, item));
        if (r._tag === 'Left') errors.push(...r.left);
        else out.push(r.right);
      });
      return errors.length > 0 ? t.failures(errors) : t.success(out);
    },
    (a) => a.map((x) => codec.encode(x)),
  );
  return describe(type, () => ({ kind: 'list', item: objectSchemaOf(codec), min, max } as ListNode));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The known key closest to an unknown one, if it is close enough to be a typo. */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  // A typo is close to a known key in length too; skip the quadratic distance for junk.
  const longest = known.reduce((a, k) => Math.max(a, k.length), 0);
  if (key.length > 2 * longest + 4) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}

type StrictOf<P extends t.Props> = { [K in keyof P]: t.TypeOf<P[K]> };
type StrictOutputOf<P extends t.Props> = { [K in keyof P]: t.OutputOf<P[K]> };

/**
 * An object with exactly the given keys: a missing key and an unknown key are both errors
 * (an unknown key is usually a typo, and silently dropping it would run the wrong experiment).
 */
export function strict<P extends t.Props>(props: P, typeName: string): t.Type<StrictOf<P>, StrictOutputOf<P>, unknown> & { readonly schema: ObjectNode } {
  const keys = Object.keys(props);
  const type = new t.Type<StrictOf<P>, StrictOutputOf<P>, unknown>(
    typeName,
    (u): u is StrictOf<P> =>
      isPlainObject(u) &&
      Object.keys(u).every((k) => Object.prototype.hasOwnProperty.call(props, k)) &&
      keys.every((k) => props[k]!.is(u[k])),
    (u, c) => {
      if (!isPlainObject(u)) return t.failure(u, c, `expected an object (${typeName}), got ${describeValue(u)}`);
      const errors: t.Errors = [];
      for (const k of Object.keys(u)) {
        if (!Object.prototype.hasOwnProperty.call(props, k)) {
          const guess = closestKey(k, keys);
          errors.push({
            value: u[k],
            context: t.appendContext(c, k, t.unknown, u[k]),
            message: `unknown key${guess ? `; did you mean "${guess}"?` : `; known keys are ${keys.join(', ')}`}`,
          });
        }
      }
      const out: Record<string, unknown> = {};
      for (const k of keys) {
        const codec = props[k]!;
        const value = Object.prototype.hasOwnProperty.call(u, k) ? u[k] : undefined;
        const r = codec.validate(value, t.appendContext(c, k, codec, value));
        if (r._tag === 'Left') errors.push(...r.left);
        else out[k] = r.right;
      }
      return errors.length > 0 ? t.failures(errors) : t.success(out as StrictOf<P>);
    },
    (a) => {
      const out: Record<string, unknown> = {};
      for (const k of keys) out[k] = props[k]!.encode((a as Record<string, unknown>)[k]);
      return out as StrictOutputOf<P>;
    },
  );
  return describe(type, () => ({ kind: 'object', typeName, fields: Object.fromEntries(keys.map((k) => [k, schemaOf(props[k]!)])) } as ObjectNode));
}

/** One problem found in a config: where, and what is wrong. */
export interface ConfigIssue {
  /** Dotted path to the offending value, e.g. `policy.minimumVolumeShare` or `market.regions[2].name`. */
  readonly path: string;
  /** What was expected and what was got, or how to fix an impossible combination. */
  readonly message: string;
}

/**
 * Writes a path as issues show it: `policy.minimumVolumeShare`, `market.regions[2].name`; numbers
 * are list indices; keys that are not identifiers, or longer than 40 characters (junk, not typos),
 * are quoted in brackets and shortened, so a path stays one readable line. `(config)` for the root.
 * @example formatPath(['market', 'regions', 2, 'name']) // "market.regions[2].name"
 */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  let path = '';
  for (const seg of segments) {
    if (typeof seg === 'number') path += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg) && seg.length <= 40) path += path === '' ? seg : `.${seg}`;
    else path += `[${JSON.stringify(seg.length > 40 ? `${seg.slice(0, 40)}…` : seg)}]`;
  }
  return path === '' ? '(config)' : path;
}

/** Turns io-ts validation errors into path-and-message issues, one per error. */
export function toIssues(errors: t.Errors): ConfigIssue[] {
  return errors.map((e) => {
    const segments: Array<string | number> = [];
    for (let k = 1; k < e.context.length; k++) {
      const key = e.context[k]!.key;
      // A key is a list index only when its parent value is an array.
      segments.push(Array.isArray(e.context[k - 1]!.actual) ? Number(key) : key);
    }
    return {
      path: formatPath(segments),
      message: e.message ?? `expected ${e.context[e.context.length - 1]?.type.name ?? 'a valid value'}, got ${describeValue(e.value)}`,
    };
  });
}
