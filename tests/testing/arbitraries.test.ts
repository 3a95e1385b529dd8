import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG, ConfigError, decodeConfig, simulate, TODAY_POLICY, type ConfigInput, type Policy } from '../../src/index.js';
import { runExperiment } from '../../src/experiment/run.js';
import { CONFIG_SCHEMA, type ObjectNode, type SchemaNode } from '../../src/testing/arbitraries/schema.js';
import {
  config,
  INVALID_KINDS,
  invalidConfig,
  market,
  NON_JSON_KINDS,
  policy,
  runSettings,
  suppliers,
  type InvalidConfig,
} from '../../src/testing/index.js';

/** The issues of an input the decoder must reject, or a failure naming the input. */
function issuesOf(input: unknown) {
  const r = decodeConfig(input);
  if (r._tag === 'Right') throw new Error(`expected decodeConfig to reject ${JSON.stringify(input)?.slice(0, 300)}`);
  return r.left;
}

/** Asserts that the decoder accepts the input, showing its issues if not. */
function expectValid(input: unknown): void {
  const r = decodeConfig(input);
  expect(r._tag === 'Left' ? r.left : [], JSON.stringify(input)?.slice(0, 500)).toEqual([]);
}

const within = (x: unknown, lo: number, hi: number) => typeof x === 'number' && x >= lo && x <= hi;

// ---------------------------------------------------------------------------------------------

describe('the schema the arbitraries are built from', () => {
  it('has exactly the keys of BASELINE_CONFIG, at every depth', () => {
    const compare = (node: SchemaNode, value: unknown, path: string): void => {
      if (node.kind === 'object') {
        expect(Object.keys(node.fields).sort(), path).toEqual(Object.keys(value as object).sort());
        for (const [k, f] of Object.entries(node.fields)) compare(f, (value as Record<string, unknown>)[k], `${path}.${k}`);
      } else if (node.kind === 'list') {
        for (const entry of value as unknown[]) compare(node.item, entry, `${path}[]`);
      }
    };
    compare(CONFIG_SCHEMA, BASELINE_CONFIG, 'config');
  });

  it("states every number's range exactly as the decoder checks it", () => {
    // For every number: its ends raise no range error at its path, the doubles just outside do.
    const nextAfter = (x: number, up: boolean) => {
      if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      v.setBigInt64(0, v.getBigInt64(0) + (x > 0 === up ? 1n : -1n));
      return v.getFloat64(0);
    };
    const withShock = { ...BASELINE_CONFIG, market: { ...BASELINE_CONFIG.market, shocks: [{ fromYear: 1, change: 0, measureType: null }] } };
    let checked = 0;
    const visit = (node: ObjectNode, at: Array<string | number>, value: Record<string, unknown>): void => {
      for (const [key, field] of Object.entries(node.fields)) {
        if (field.kind === 'object') visit(field, [...at, key], value[key] as Record<string, unknown>);
        else if (field.kind === 'list') visit(field.item, [...at, key, 0], (value[key] as Array<Record<string, unknown>>)[0]!);
        else if (field.kind === 'number') {
          const path = [...at, key].map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
          const rangeErrorAt = (x: number) => {
            const input = structuredClone(withShock) as unknown as Record<string, unknown>;
            let holder = input;
            for (const s of at) holder = holder[s] as Record<string, unknown>;
            holder[key] = x;
            const r = decodeConfig(input);
            return r._tag === 'Left' && r.left.some((i) => i.path === path && i.message.startsWith('expected'));
          };
          expect(rangeErrorAt(field.min), `${path} = ${field.min}`).toBe(false);
          expect(rangeErrorAt(field.max), `${path} = ${field.max}`).toBe(false);
          expect(rangeErrorAt(nextAfter(field.min, false)), `${path} just below ${field.min}`).toBe(true);
          expect(rangeErrorAt(nextAfter(field.max, true)), `${path} just above ${field.max}`).toBe(true);
          if (field.integer) expect(rangeErrorAt(field.min + 0.5), `${path} = ${field.min + 0.5}`).toBe(true);
          checked++;
        }
      }
    };
    visit(CONFIG_SCHEMA, [], withShock as unknown as Record<string, unknown>);
    expect(checked).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------

describe('every arbitrary generates only configs the decoder accepts', () => {
  const cases: Array<[string, fc.Arbitrary<unknown>, (x: never) => unknown]> = [
    ['policy() as policy', policy(), (p) => ({ policy: p })],
    ['policy() as burnInPolicy', policy(), (p) => ({ burnInPolicy: p })],
    ['runSettings()', runSettings(), (r) => ({ run: r })],
    ['runSettings() over every valid range', runSettings({ periodsPerYear: [1, 52], burnInYears: [0, 100], horizonYears: [1, 100] }), (r) => ({ run: r })],
    ['market()', market(), (m) => ({ market: m })],
    ['market() with up to 32 regions and measure types and 100 shocks', market({ regions: [1, 32], measureTypes: [1, 32], shocks: [0, 100] }), (m) => ({ market: m })],
    ['suppliers()', suppliers(), (s) => ({ suppliers: s })],
    ["config({ size: 'small' })", config({ size: 'small' }), (c) => c],
    ["config({ size: 'small' }) with a varied burn-in policy", config({ size: 'small', burnInPolicy: {} }), (c) => c],
    ["config({ size: 'baseline' })", config({ size: 'baseline', burnInPolicy: {} }), (c) => c],
  ];
  it.each(cases)('%s', (_, arb, wrap) => {
    fc.assert(
      fc.property(arb, (x) => expectValid(wrap(x as never))),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('never generates NaN, -0 or a null-prototype object', () => {
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isNaN(v) || Object.is(v, -0)).toBe(false);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
        Object.values(v).forEach(walk);
      }
    };
    fc.assert(fc.property(config({ burnInPolicy: {} }), walk), { seed: 3, numRuns: 200 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('options narrow what is generated', () => {
  it('policy(): numeric ranges, enumerations, null and names', () => {
    const arb = policy({
      minimumVolumeShare: [0, 0.5],
      priceWeight: [0.3, 1],
      scoringRule: ['linear', 'absolute'],
      maxLotsPerSupplier: [2, 3],
      suppliersPerAgreement: [2, 2],
      name: ['a', 'b'],
    });
    fc.assert(
      fc.property(arb, (p) => {
        // Constrained keys are always present.
        expect(within(p.minimumVolumeShare, 0, 0.5)).toBe(true);
        expect(within(p.priceWeight, 0.3, 1)).toBe(true);
        expect(['linear', 'absolute']).toContain(p.scoringRule);
        expect([2, 3]).toContain(p.maxLotsPerSupplier);
        expect(p.suppliersPerAgreement).toBe(2);
        expect(['a', 'b']).toContain(p.name);
        expectValid({ policy: p });
      }),
      { seed: 1, numRuns: 200 },
    );
    fc.assert(fc.property(policy({ maxLotsPerSupplier: null }), (p) => p.maxLotsPerSupplier === null), { seed: 2, numRuns: 50 });
  });

  it('policy(): unconstrained levers reach both ends of their ranges and today’s value', () => {
    const seen = fc.sample(policy(), { seed: 5, numRuns: 2000 });
    const values = (k: keyof Policy) => seen.map((p) => p[k]).filter((v) => v !== undefined);
    expect(values('priceWeight')).toEqual(expect.arrayContaining([0, 1, 0.7]));
    expect(values('minimumVolumeShare')).toEqual(expect.arrayContaining([0, 1]));
    expect(values('suppliersPerAgreement')).toEqual(expect.arrayContaining([1, 20, 3]));
    expect(values('maxLotsPerSupplier')).toEqual(expect.arrayContaining([null, 1000]));
    expect(new Set(values('scoringRule'))).toEqual(new Set(['relative', 'linear', 'absolute']));
    expect(seen.some((p) => p.minimumVolumeShare === undefined)).toBe(true); // a key may be missing
  });

  it('runSettings() and suppliers()', () => {
    fc.assert(fc.property(runSettings({ periodsPerYear: [52, 52], horizonYears: [2, 3] }), (r) => r.periodsPerYear === 52 && within(r.horizonYears, 2, 3)), {
      seed: 3,
      numRuns: 50,
    });
    const arb = suppliers({ initialCount: [5, 10], ownership: { nonProfit: { share: [0.5, 1] } }, entry: { ratePerYear: [0, 0] } });
    fc.assert(
      fc.property(arb, (s) => {
        expect(within(s.initialCount, 5, 10)).toBe(true);
        expect(within(s.ownership?.nonProfit?.share, 0.5, 1)).toBe(true);
        expect(s.entry?.ratePerYear).toBe(0);
        expectValid({ suppliers: s });
      }),
      { seed: 4, numRuns: 100 },
    );
  });

  it('market(): counts, entry ranges and shocks inside the given run', () => {
    const arb = market({ regions: [2, 3], measureTypes: [1, 1], shocks: [1, 3], measureType: { lotsPerCell: [5, 6] }, within: { horizonYears: 2, periodsPerYear: 12 } });
    fc.assert(
      fc.property(arb, (m) => {
        expect(within(m.regions!.length, 2, 3)).toBe(true);
        expect(m.measureTypes!.length).toBe(1);
        expect(within(m.measureTypes![0]!.lotsPerCell, 5, 6)).toBe(true);
        expect(within(m.shocks!.length, 1, 3)).toBe(true);
        for (const s of m.shocks!) {
          expect(Math.round(s.fromYear * 12)).toBeLessThan(24);
          expect([null, m.measureTypes![0]!.name]).toContain(s.measureType);
        }
        expectValid({ market: m, run: { horizonYears: 2, periodsPerYear: 12 } });
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it("config(): sections, burn-in policy, size 'baseline', and a term shorter than the default runs allow", () => {
    fc.assert(
      fc.property(config({ run: { horizonYears: [1, 1] }, policy: { baseTermYears: [0.1, 0.2] }, behaviour: false, outcomes: false, effects: false }), (c) => {
        const periods = c.run?.periodsPerYear ?? 4;
        expect(periods).toBeGreaterThanOrEqual(5); // one period must fit in a 0.2-year term
        expect(within(c.policy?.baseTermYears, Math.max(0.1, 1 / periods), 0.2)).toBe(true);
        expect(c.run?.horizonYears).toBe(1);
        expect(Object.keys(c)).not.toContain('behaviour');
        expect(Object.keys(c)).not.toContain('burnInPolicy');
        expectValid(c);
      }),
      { seed: 6, numRuns: 100 },
    );
    fc.assert(
      fc.property(config({ size: 'baseline' }), (c) => {
        expect(Object.keys(c)).toEqual(['policy']);
      }),
      { seed: 7, numRuns: 50 },
    );
    fc.assert(fc.property(config({ policy: false }), (c) => c.policy === undefined), { seed: 8, numRuns: 50 });
    expect(fc.sample(config({ size: 'small', burnInPolicy: {} }), { seed: 9, numRuns: 50 }).some((c) => c.burnInPolicy !== undefined)).toBe(true);
  });

  it('rejects options no valid config satisfies, and unknown options', () => {
    expect(() => policy({ priceWeight: [0, 2] })).toThrow(/policy\(\): option priceWeight: \[0, 2\] is not inside the valid range \[0, 1\]/);
    expect(() => policy({ priceWeight: [0.6, 0.4] })).toThrow(RangeError);
    expect(() => policy({ scoringRule: ['random' as never] })).toThrow(/"random" is not one of "relative", "linear", "absolute"/);
    expect(() => policy({ suppliersPerAgreement: [1.2, 1.8] })).toThrow(/holds no integer/);
    expect(() => policy({ minimumVolumShare: [0, 1] } as never)).toThrow(/unknown option "minimumVolumShare"; did you mean "minimumVolumeShare"\?/);
    expect(() => market({ regions: [0, 3] })).toThrow(RangeError);
    expect(() => market({ region: { name: ['x'] } } as never)).toThrow(TypeError);
    expect(() => suppliers({ ownership: Object.fromEntries(['foreignGroup', 'norwegianGroup', 'standalone', 'municipal', 'nonProfit'].map((o) => [o, { share: [0, 0] }])) })).toThrow(
      /every ownership share is fixed at 0/,
    );
    expect(() => config({ size: 'baseline', market: {} })).toThrow(/size 'baseline' varies the policy only/);
    expect(() => config({ size: 'huge' as never })).toThrow(TypeError);
    expect(() => config({ policy: { baseTermYears: [0.01, 0.015] } })).toThrow(/shorter than one period/);
    expect(() => invalidConfig({ kinds: ['typo' as never] })).toThrow(/unknown kind "typo"/);
    expect(() => invalidConfig({ json: true, kinds: ['nonJson'] })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('shrinking goes towards the baseline', () => {
  it.each([1, 2, 3])('a property failing whenever minimumVolumeShare > 0.2 shrinks to that lever alone, just above 0.2 (seed %i)', (seed) => {
    const out = fc.check(
      fc.property(policy(), (p) => !((p.minimumVolumeShare ?? TODAY_POLICY.minimumVolumeShare) > 0.2)),
      { seed, numRuns: 200 },
    );
    expect(out.failed).toBe(true);
    const [p] = out.counterexample!;
    const merged: Policy = { ...TODAY_POLICY, ...p };
    for (const key of Object.keys(TODAY_POLICY) as Array<keyof Policy>) {
      if (key !== 'minimumVolumeShare') expect(merged[key], key).toEqual(TODAY_POLICY[key]);
    }
    expect(merged.minimumVolumeShare).toBeGreaterThan(0.2);
    expect(merged.minimumVolumeShare).toBeLessThan(0.2 + 1e-5);
  });

  it('a lever whose baseline is inside its range shrinks towards it, not towards 0 (price weight < 0.5 fails: 0.7 is today)', () => {
    const out = fc.check(fc.property(policy(), (p) => !((p.priceWeight ?? 0.7) < 0.5)), { seed: 3, numRuns: 200 });
    const [p] = out.counterexample!;
    expect(Object.keys(p)).toEqual(['priceWeight']);
    expect(p.priceWeight).toBeLessThan(0.5);
    expect(p.priceWeight).toBeGreaterThan(0.5 - 1e-5);
  });

  it("config({ size: 'baseline' }) shrinks to the baseline with one lever changed", () => {
    const out = fc.check(fc.property(config({ size: 'baseline' }), (c) => !((c.policy?.minimumVolumeShare ?? 0) > 0.2)), { seed: 4, numRuns: 200 });
    const [c] = out.counterexample!;
    const decoded = decodeConfig(c);
    expect(decoded._tag).toBe('Right');
    if (decoded._tag === 'Right') {
      expect({ ...decoded.right, policy: { ...decoded.right.policy, minimumVolumeShare: 0 } }).toEqual(BASELINE_CONFIG);
    }
  });

  it("config({ size: 'small' }) shrinks to the smallest market, each value at the baseline's or the nearest allowed", () => {
    const out = fc.check(fc.property(config(), (c) => !((c.suppliers?.initialCount ?? (BASELINE_CONFIG.suppliers.initialCount as number)) > 30)), { seed: 5, numRuns: 200 });
    const [c] = out.counterexample! as [ConfigInput];
    expect(c.suppliers?.initialCount).toBe(60); // the baseline's 655 is outside [1, 60]: the nearest is 60
    expect(c.market?.regions).toEqual([BASELINE_CONFIG.market.regions[0]]);
    // demand and lots at the nearest allowed values to the baseline's: [0, 5000] and [1, 4] in a small market
    expect(c.market?.measureTypes).toEqual([{ ...BASELINE_CONFIG.market.measureTypes[0], demandPerPeriod: 5000, lotsPerCell: 4 }]);
    expect(c.market?.shocks).toEqual([]);
    expect(c.run).toEqual({ burnInYears: 3, horizonYears: 4 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('invalidConfig(): malformed configs and the path the decoder must name', () => {
  const check = ({ input, path, kind }: InvalidConfig): void => {
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path), `${kind}: expected one issue at ${path}`).toEqual([path]);
    const message = issues[0]!.message;
    expect(message.length, message.slice(0, 200)).toBeLessThan(600);
    expect(message).not.toMatch(/(.)\1{100}/); // a huge string or key is never echoed whole
  };

  it('rejects each of 400 generated malformed configs with exactly one issue, at the stated path', () => {
    fc.assert(fc.property(invalidConfig(), check), { seed: 20261127, numRuns: 400 });
  });

  it('makes every kind of mistake', () => {
    const kinds = new Set(fc.sample(invalidConfig(), { seed: 1, numRuns: 1000 }).map((x) => x.kind));
    expect([...kinds].sort()).toEqual([...INVALID_KINDS].sort());
  });

  it('json: inputs that JSON holds unchanged, rejected at the same path after a round trip through JSON', () => {
    fc.assert(
      fc.property(invalidConfig({ json: true }), (x) => {
        expect(NON_JSON_KINDS).not.toContain(x.kind);
        const text = JSON.stringify(x.input);
        expect(text.length).toBeLessThanOrEqual(210_000); // 100 000 characters, escaped
        const back: unknown = JSON.parse(text);
        expect(back).toEqual(x.input);
        check({ ...x, input: back });
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('base: breaks configs of another arbitrary (the baseline with a varied policy)', () => {
    fc.assert(fc.property(invalidConfig({ base: config({ size: 'baseline', burnInPolicy: {} }) }), check), { seed: 16, numRuns: 200 });
  });

  it('base: full lists (32 regions and measure types, 100 shocks) get duplicates and other mistakes right too', () => {
    const full = config({ market: { regions: [32, 32], measureTypes: [32, 32], shocks: [100, 100] }, run: { horizonYears: [4, 4] } });
    fc.assert(
      fc.property(invalidConfig({ base: full, kinds: ['duplicateName', 'unknownMeasureType', 'shockAfterHorizon', 'tooLongList', 'missingField'] }), check),
      { seed: 17, numRuns: 60 },
    );
  });

  it('kinds: only the mistakes asked for', () => {
    fc.assert(fc.property(invalidConfig({ kinds: ['duplicateName', 'tooManyAgreementSlots'] }), (x) => ['duplicateName', 'tooManyAgreementSlots'].includes(x.kind)), {
      seed: 12,
      numRuns: 50,
    });
  });

  it('simulate throws a ConfigError naming the path (never a crash), before any work', () => {
    fc.assert(
      fc.property(invalidConfig(), ({ input, path }) => {
        let thrown: unknown;
        try {
          simulate(input as ConfigInput, 1);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ConfigError);
        expect((thrown as ConfigError).issues.map((i) => i.path)).toEqual([path]);
      }),
      { seed: 13, numRuns: 150 },
    );
  });

  it('experiments reject a malformed config or variant with a ConfigError, before any work', async () => {
    const samples = fc.sample(invalidConfig(), { seed: 14, numRuns: 40 });
    for (const [k, { input, path }] of samples.entries()) {
      const asVariant = k % 2 === 1;
      const spec = {
        config: asVariant ? {} : (input as ConfigInput),
        variants: asVariant ? [{ name: 'v', input: input as ConfigInput }] : [],
        seed: 1,
        rows: false,
        series: false,
      };
      const error = await runExperiment(spec, { runs: 1 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues.map((i) => i.path)).toEqual([asVariant ? `variants[0] (v).${path}` : path]);
    }
  });

  it('never makes an input the decoder accepts: the stated path for a root that is not an object is (config)', () => {
    const roots = fc.sample(invalidConfig({ kinds: ['notAnObject'] }), { seed: 15, numRuns: 200 }).filter((x) => x.path === '(config)');
    expect(roots.length).toBeGreaterThan(10);
    for (const x of roots) expect(typeof x.input !== 'object' || x.input === null || Array.isArray(x.input)).toBe(true);
  });
});
