import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { profileOf } from '../../src/engine/profile.js';
import { Ownership } from '../../src/engine/codes.js';
import { compactOperating } from '../../src/engine/state.js';
import { OWNERSHIP_TYPES, SIZE_CLASSES } from '../../src/model/enums.js';
import type { ClassCount, MarketProfile } from '../../src/model/profile.js';
import { burnIn, marketProfile, simulateFrom } from '../../src/index.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

const P = 4;
const t = 7; // two full years run: every supplier below entered at period 0

/**
 * Four operating standalone suppliers and one that has left, with hand-set capacity, revenue over
 * the last year and the buyer's payments in it, on two lots of places 100 and 40 (lots 400 and 160).
 */
function handMarket() {
  const config = tinyConfig({
    suppliers: { initialCount: 5, sizeThresholds: { smallBelow: 25e6, largeFrom: 100e6 } },
    market: { measureTypes: [{ name: 'm', demandPerPeriod: 100, lotsPerCell: 2, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 }] },
    behaviour: { growthPerTender: 0.25 },
    policy: { suppliersPerAgreement: 4 },
    burnInPolicy: { suppliersPerAgreement: 4 },
  });
  const { state } = tinyMarket(config);
  const s = state.s;
  // revenue over the last year (NOK), the buyer's payments in it, capacity, places held, ownership
  const rows: Array<[number, number, number, number, number]> = [
    [10e6, 9e6, 30, 1, Ownership.standalone], // small, main income, too small for a lot (30 x 1.25 < 130), not for a place
    [20e6, 2e6, 200, 0, Ownership.nonProfit], // small, small share of revenue, big enough for a lot
    [40e6, 4e6, 110, 2, Ownership.standalone], // medium, small share (payments under 25 MNOK); 110 is below a lot of 130, its reach 137.5 is not
    [150e6, 30e6, 1000, 1, Ownership.standalone], // large, 20 % of revenue but 30 MNOK: neither of the report's classes
    [5e6, 5e6, 10, 1, Ownership.standalone], // has left: not counted
  ];
  rows.forEach(([revenue, paid, capacity, contracts, owner], i) => {
    s.revenueYear[i] = revenue;
    s.receiptsYear[i] = paid;
    s.maxCapacity[i] = capacity;
    s.contracts[i] = contracts;
    s.ownership[i] = owner;
    s.entryPeriod[i] = 0;
  });
  s.alive[4] = 0;
  compactOperating(state);
  state.cellLotCount[0] = 2;
  state.lotSlotCapacity[0] = 40;
  state.lotPlaces[0] = 4;
  state.lotSlotCapacity[1] = 25;
  state.lotPlaces[1] = 4;
  return { state, config };
}

const counts = (c: ClassCount) => [c.operating, c.onAgreements];

describe('the market profile', () => {
  it('counts each class as computed by hand, and the suppliers too small for a place or a whole lot alone', () => {
    const { state, config } = handMarket();
    const p = profileOf(state, config, t);
    expect(state.periodsPerYear).toBe(P);
    expect([p.operating, p.onAgreements]).toEqual([4, 3]);
    expect(counts(p.bySize.small)).toEqual([2, 1]);
    expect(counts(p.bySize.medium)).toEqual([1, 1]);
    expect(counts(p.bySize.large)).toEqual([1, 1]);
    expect(p.bySize.small.shareOfOperating).toBe(0.5);
    expect(p.bySize.small.shareOfOnAgreements).toBeCloseTo(1 / 3, 15);
    expect(counts(p.byDependence.mainIncome)).toEqual([1, 1]);
    expect(counts(p.byDependence.smallShareOfRevenue)).toEqual([2, 1]);
    expect(counts(p.byDependence.largeButNotDependent)).toEqual([1, 1]);
    expect(counts(p.byOwnership.nonProfit)).toEqual([1, 0]);
    expect(counts(p.byOwnership.standalone)).toEqual([3, 3]);
    // Places 40 and 25: median 32.5; lots 160 and 100: median 130. Reach = capacity x 1.25:
    // 37.5, 250, 137.5, 1250. None is below 32.5; only 37.5 is below 130.
    expect(p.lotReach.medianPlace).toBe(32.5);
    expect(p.lotReach.medianLot).toBe(130);
    expect(p.lotReach.tooSmallForPlace).toBe(0);
    expect(p.lotReach.tooSmallForLot).toBe(0.25);
    expect(p.lotReach.smallTooSmallForLot).toBe(0.5); // of the two small ones, the first
    // The cohort goes by capacity alone: 30 and 110 are below 130, both on agreements.
    expect(counts(p.smallCohort)).toEqual([2, 2]);
    expect(config.outcomes.smallCohort).toBe('tooSmallForLot');
  });

  it('annualises the buyer’s payments of a supplier in the market for less than a year before the 25 MNOK test', () => {
    const { state, config } = handMarket();
    // 40 MNOK revenue, 8 MNOK paid in its first two periods: 16 MNOK a year, under 25 MNOK.
    state.s.entryPeriod[2] = t - 1;
    state.s.receiptsYear[2] = 8e6;
    expect(counts(profileOf(state, config, t).byDependence.smallShareOfRevenue)).toEqual([2, 1]);
    // 14 MNOK in two periods is 28 MNOK a year: 25 MNOK or more.
    state.s.receiptsYear[2] = 14e6;
    expect(counts(profileOf(state, config, t).byDependence.largeButNotDependent)).toEqual([2, 2]);
  });

  it('gives shares of 0, not NaN, in a market with no supplier', () => {
    const { state, config } = handMarket();
    for (let i = 0; i < state.n; i++) state.s.alive[i] = 0;
    compactOperating(state);
    const p = profileOf(state, config, t);
    expect(p.operating).toBe(0);
    expect(p.bySize.small.shareOfOperating).toBe(0);
    expect(p.lotReach.smallTooSmallForLot).toBe(0);
  });
});

/** Every class partition adds up to the totals, every share lies in [0, 1] and is its count over the total. */
function checkPartitions(p: MarketProfile): void {
  const partitions: Array<readonly ClassCount[]> = [
    SIZE_CLASSES.map((c) => p.bySize[c]),
    OWNERSHIP_TYPES.map((o) => p.byOwnership[o]),
    [p.byDependence.mainIncome, p.byDependence.smallShareOfRevenue, p.byDependence.largeButNotDependent],
  ];
  for (const classes of partitions) {
    expect(classes.reduce((a, c) => a + c.operating, 0)).toBe(p.operating);
    expect(classes.reduce((a, c) => a + c.onAgreements, 0)).toBe(p.onAgreements);
    for (const c of classes) {
      expect(c.onAgreements).toBeLessThanOrEqual(c.operating);
      expect(c.shareOfOperating).toBeCloseTo(p.operating > 0 ? c.operating / p.operating : 0, 12);
      expect(c.shareOfOnAgreements).toBeCloseTo(p.onAgreements > 0 ? c.onAgreements / p.onAgreements : 0, 12);
    }
  }
  for (const share of [p.lotReach.tooSmallForPlace, p.lotReach.tooSmallForLot, p.lotReach.smallTooSmallForLot]) {
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  }
  // A supplier too small for a place is too small for the lot of places it belongs to (a lot has
  // at least one place, so the median lot is at least the median place).
  expect(p.lotReach.medianLot).toBeGreaterThanOrEqual(p.lotReach.medianPlace);
  expect(p.lotReach.tooSmallForLot).toBeGreaterThanOrEqual(p.lotReach.tooSmallForPlace);
  expect(JSON.parse(JSON.stringify(p))).toEqual(p);
}

describe('the profile of a burned-in market', () => {
  it('partitions the suppliers by size, ownership and dependence, for any seed and lot scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(1, 2, 3), fc.constantFrom(2, 4), (seed, lotSplit, K) => {
        const config = { run: { burnInYears: 2 }, suppliers: { initialCount: 150 }, burnInPolicy: { lotSplit, suppliersPerAgreement: K } };
        checkPartitions(marketProfile(burnIn(config, seed)));
      }),
      { numRuns: 12, seed: 7 },
    );
  });

  it('leaves the snapshot as it was: the horizon from it is the same as from an unprofiled one', () => {
    const a = burnIn({ run: { burnInYears: 2 } }, 5);
    const b = burnIn({ run: { burnInYears: 2 } }, 5);
    marketProfile(a);
    expect(simulateFrom(a)).toEqual(simulateFrom(b));
  });

  it('refuses anything but a snapshot', () => {
    expect(() => marketProfile({} as never)).toThrow('marketProfile: expected a market snapshot from burnIn()');
  });

  it('the cohort a policy starting now would follow is the one it follows, under either rule', () => {
    const market = burnIn({ run: { burnInYears: 3 } }, 4);
    const p = marketProfile(market);
    expect(simulateFrom(market).outcomes.smallCohortSize).toBe(p.smallCohort.operating);
    expect(simulateFrom(market, { outcomes: { smallCohort: 'revenue' } }).outcomes.smallCohortSize).toBe(p.bySize.small.operating);
  });

  it('at the baseline: small suppliers are most of the market, and many are too small to take a lot alone (seed 2026#0)', () => {
    // The figures docs/validation.md reports as means over 20 markets (npm start -- profile);
    // pinned here for one market so that a change of the model that moves them is seen.
    const p = marketProfile(burnIn({}, '2026#0'));
    checkPartitions(p);
    expect(p.bySize.small.shareOfOperating).toBeGreaterThan(0.85);
    expect(p.lotReach.tooSmallForLot).toBeGreaterThan(0.3);
    expect(p.lotReach.tooSmallForPlace).toBeLessThan(0.1);
    // The cohort small-supplier survival follows is a minority: those too small for a lot.
    // Capacity alone is a stricter test than reach (capacity x (1 + growthPerTender)).
    expect(p.smallCohort.operating).toBeGreaterThanOrEqual(Math.round(p.lotReach.tooSmallForLot * p.operating));
    // A minority on average (46 % over the 20 markets of docs/validation.md); this market is one of
    // the larger shares.
    expect(p.smallCohort.shareOfOperating).toBeLessThan(0.55);
    expect(p.smallCohort.shareOfOperating).toBeLessThan(p.bySize.small.shareOfOperating / 1.5);
    const rounded = JSON.parse(JSON.stringify(p, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v)));
    expect(rounded).toMatchSnapshot();
  });
});
