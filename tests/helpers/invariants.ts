/**
 * The invariants every result of a valid config satisfies (docs/testing.md, section 3), shared by
 * tests/engine/invariants.test.ts (random configs) and tests/engine/bounds.test.ts (every
 * parameter at its bounds).
 */
import { expect } from 'vitest';
import type { SimulationResult } from '../../src/index.js';

/** Every number anywhere in a result, with its path. */
function numbers(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbers(v, path ? `${path}.${k}` : k));
  return [];
}

const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Checks the invariants of docs/testing.md, section 3, on one result (vitest `expect`s). */
export function checkInvariants(r: SimulationResult): void {
  const bad = numbers(r).filter(([, v]) => !Number.isFinite(v));
  expect(bad, 'no NaN or Infinity anywhere').toEqual([]);

  const l = r.ledger;
  expect(relClose(l.buyerPaid, l.supplierReceipts), 'what the buyer pays equals what suppliers receive').toBe(true);
  const cash = l.startingCash + l.supplierReceipts + l.otherRevenue - l.costs + l.ownerSupport - l.payouts;
  expect(Math.abs(cash - l.cashAtEnd)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(l.costs), Math.abs(l.cashAtEnd)));
  expect(l.initialSuppliers + l.entries - l.exits, 'start + entries - exits = active').toBe(l.activeAtEnd);
  expect(l.exits).toBe(l.insolvencies + l.voluntaryExits + l.acquisitions);

  const x = r.series;
  const H = r.horizonPeriods;
  for (const k of Object.keys(x) as Array<keyof typeof x>) expect(x[k].length).toBe(H);
  for (let h = 0; h < H; h++) {
    for (const k of ['hhi', 'top4Share', 'top15Share', 'smallCohortSurvival', 'nonProfitCohortSurvival', 'lossShare', 'nonProfitPaymentShare', 'meanQuality'] as const) {
      expect(x[k][h]).toBeGreaterThanOrEqual(0);
      expect(x[k][h]).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(x.top4Share[h]).toBeLessThanOrEqual(x.top15Share[h]! + 1e-12);
    const n = x.paidSuppliers[h]!;
    if (n > 0) {
      expect(x.hhi[h]).toBeGreaterThanOrEqual(1 / n - 1e-12);
      expect(x.hhi[h]).toBeLessThanOrEqual(1);
    } else {
      expect(x.hhi[h]).toBe(0);
    }
    expect(x.activeSmall[h]! + x.activeMedium[h]! + x.activeLarge[h]!).toBe(x.activeSuppliers[h]);
    expect(
      x.activeForeignGroup[h]! + x.activeNorwegianGroup[h]! + x.activeStandalone[h]! + x.activeMunicipal[h]! + x.activeNonProfit[h]!,
    ).toBe(x.activeSuppliers[h]);
    expect(x.tenderedSuppliers[h]).toBeLessThanOrEqual(x.activeSuppliers[h]!);
    expect(relClose(x.participantWeeks[h]! + x.unservedDemand[h]!, x.demand[h]!), 'served + unserved = demand').toBe(true);
    expect(x.guaranteePayments[h]).toBeLessThanOrEqual(x.buyerCost[h]! + 1e-6);
    if (h > 0) {
      expect(x.smallCohortSurvival[h], 'survival never rises').toBeLessThanOrEqual(x.smallCohortSurvival[h - 1]!);
      expect(x.nonProfitCohortSurvival[h]).toBeLessThanOrEqual(x.nonProfitCohortSurvival[h - 1]!);
      const flow = x.entries[h]! - x.exitsInsolvency[h]! - x.exitsVoluntary[h]! - x.exitsAcquired[h]!;
      expect(x.activeSuppliers[h]! - x.activeSuppliers[h - 1]!, 'counts add up period by period').toBe(flow);
    }
  }
  const o = r.outcomes;
  expect(o.smallCohortInsolvencies + o.smallCohortVoluntaryExits + o.smallCohortAcquired).toBe(
    Math.round(o.smallCohortSize * (1 - o.smallCohortSurvival)),
  );
  for (const cohort of ['smallCohortSurvival', 'nonProfitCohortSurvival'] as const) {
    const [y4, y8, y12, end] = [o[`${cohort}Year4`], o[`${cohort}Year8`], o[`${cohort}Year12`], o[cohort]];
    expect(y4, `${cohort}: survival at year 4 >= at year 8`).toBeGreaterThanOrEqual(y8);
    expect(y8, `${cohort}: survival at year 8 >= at year 12`).toBeGreaterThanOrEqual(y12);
    expect(y12, `${cohort}: survival at year 12 >= at the end`).toBeGreaterThanOrEqual(end);
    if (r.horizonPeriods <= 4 * r.periodsPerYear) expect(y4, 'a checkpoint beyond the horizon is the end').toBe(end);
  }
  expect(o.unservedShare).toBeGreaterThanOrEqual(0);
  expect(o.unservedShare).toBeLessThanOrEqual(1);
}
