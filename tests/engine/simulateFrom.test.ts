import { describe, expect, it } from 'vitest';
import { burnIn, ConfigError, simulate, simulateFrom } from '../../src/index.js';

const small = {
  run: { burnInYears: 2, horizonYears: 3 },
  suppliers: { initialCount: 120 },
} as const;

describe('burnIn and simulateFrom', () => {
  it('simulateFrom(burnIn(config, seed)) equals simulate(config, seed)', () => {
    const direct = simulate(small, 5);
    const viaSnapshot = simulateFrom(burnIn(small, 5));
    expect(JSON.stringify(viaSnapshot)).toBe(JSON.stringify(direct));
  });

  it('never changes the snapshot, so it can start any number of policies', () => {
    const market = burnIn(small, 6);
    const first = JSON.stringify(simulateFrom(market));
    simulateFrom(market, { policy: { minimumVolumeShare: 0.5, lotSplit: 3, suppliersPerAgreement: 5 } });
    expect(JSON.stringify(simulateFrom(market))).toBe(first);
  });

  it('policies started from one market see the same demand (common random numbers)', () => {
    const market = burnIn(small, 7);
    const today = simulateFrom(market);
    const guarantee = simulateFrom(market, { policy: { name: 'guarantee', minimumVolumeShare: 0.5 } });
    const longer = simulateFrom(market, { policy: { name: 'longer', baseTermYears: 6 } });
    expect(guarantee.series.demand).toEqual(today.series.demand);
    expect(longer.series.demand).toEqual(today.series.demand);
    expect(guarantee.policy).toBe('guarantee');
  });

  it('a policy change that the model does not use gives identical outcomes', () => {
    const market = burnIn(small, 8);
    const a = simulateFrom(market);
    const b = simulateFrom(market, { policy: { name: 'renamed' } });
    expect(b.outcomes).toEqual(a.outcomes);
    expect(b.series).toEqual(a.series);
  });

  it('a real policy change changes outcomes', () => {
    const market = burnIn(small, 9);
    const a = simulateFrom(market);
    // Equal shares use about 80 % of committed capacity (commitment 1.25), so only a guarantee
    // above that pays in a normal quarter.
    const b = simulateFrom(market, { policy: { minimumVolumeShare: 0.95 } });
    expect(b.outcomes.guaranteePaymentsPerYear).toBeGreaterThan(0);
    expect(a.outcomes.guaranteePaymentsPerYear).toBe(0);
  });

  it('may change the horizon and scripted shocks, but not what shaped the market', () => {
    const market = burnIn(small, 10);
    const r = simulateFrom(market, { run: { horizonYears: 2 }, market: { shocks: [{ fromYear: 1, change: -0.3, measureType: null }] } });
    expect(r.horizonPeriods).toBe(8);
    expect(() => simulateFrom(market, { suppliers: { initialCount: 50 } })).toThrow(ConfigError);
    expect(() => simulateFrom(market, { run: { burnInYears: 1 } })).toThrow(/burnIn again/);
    // The allocation rule shaped the burn-in too: another rule is another market.
    expect(() => simulateFrom(market, { market: { allocationRule: 'rank' } })).toThrow(/burnIn again/);
  });

  it('rejects a bad seed with a path-naming error', () => {
    expect(() => simulate(small, Number.NaN)).toThrow(/seed/);
    expect(() => simulate(small, {} as unknown as number)).toThrow(ConfigError);
  });

  it('rejects a bad config with every problem and its path', () => {
    try {
      simulate({ policy: { minimumVolumeShare: 1.4, priceWeight: -1 } }, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const paths = (e as ConfigError).issues.map((i) => i.path);
      expect(paths).toEqual(['policy.minimumVolumeShare', 'policy.priceWeight']);
      expect((e as Error).message).toContain('policy.minimumVolumeShare: expected a number in [0, 1], got 1.4');
    }
  });
});

describe('extreme but valid configs run and return valid results', () => {
  const cases: Array<[string, Parameters<typeof simulate>[0]]> = [
    ['one supplier', { suppliers: { initialCount: 1 } }],
    ['zero demand', { market: { measureTypes: [{ name: 'm', demandPerPeriod: 0, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 }] } }],
    ['price weight 0', { policy: { priceWeight: 0 } }],
    ['price weight 1', { policy: { priceWeight: 1, scoringRule: 'linear' } }],
    ['guarantee 100 %', { policy: { minimumVolumeShare: 1 } }],
    ['one-period horizon', { run: { periodsPerYear: 1, horizonYears: 1, burnInYears: 0 } }],
    ['outcome-based payment 100 %', { policy: { outcomePaymentShare: 1 } }],
    ['demand collapses to zero', { market: { shocks: [{ fromYear: 0, change: -1, measureType: null }] } }],
    // Found by examples/property-testing.test.ts: a denormal revenue made profit / revenue infinite.
    ['denormal outside income', { suppliers: { ownership: { nonProfit: { otherRevenueRatio: 3e-323 }, standalone: { otherRevenueRatio: 5e-324 } } } }],
  ];
  it.each(cases)('%s', (_, input) => {
    const r = simulate({ run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 }, ...input }, 3);
    // JSON turns NaN and Infinity into null: none may appear in what the model computed.
    const text = JSON.stringify([r.series, r.outcomes, r.ledger]);
    expect(text).not.toMatch(/null|NaN|Infinity/);
    expect(r.outcomes.activeSuppliers).toBeGreaterThanOrEqual(0);
  });
});
