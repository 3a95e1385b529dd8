import { describe, expect, it } from 'vitest';
import { bidMarkup, bidPrice, breakEvenPrice, capacityShareOfCost, demandRisk, expectedBidGain, expectedSlots, riskFactor, riskPremium } from '../../src/engine/bidding.js';

describe('breakEvenPrice', () => {
  it('covers variable cost on use and capacity cost on everything committed', () => {
    expect(breakEvenPrice(800, 2400, 0.8, 0, 1)).toBeCloseTo((640 + 2400) / 0.8, 9);
  });
  it('mechanism 6: guarantee top-ups lower it (paid volume rises above use; here all of capacity is paid)', () => {
    expect(breakEvenPrice(800, 2400, 0.8, 1, 1)).toBeCloseTo(640 + 2400, 9);
  });
  it('outcome-based payment with a low expected pay factor raises it', () => {
    expect(breakEvenPrice(800, 2400, 0.8, 0, 0.5)).toBeCloseTo(((640 + 2400) / 0.8) * 2, 9);
  });
});

describe('mechanism 2: small suppliers cannot spread utilisation risk', () => {
  it('the regional part of demand risk shrinks with contracts held; the national part does not', () => {
    expect(demandRisk(0.0045, 0.0125, 0)).toBeCloseTo(Math.sqrt(0.017), 12);
    expect(demandRisk(0.0045, 0.0125, 4)).toBeCloseTo(Math.sqrt(0.0045 + 0.0025), 12);
    expect(demandRisk(0.0045, 0.0125, 1e9)).toBeCloseTo(Math.sqrt(0.0045), 6);
  });
  it('a thin cash buffer doubles risk aversion at the limit', () => {
    expect(riskFactor(1, 0)).toBe(2);
    expect(riskFactor(1, 1)).toBe(1.5);
    expect(riskFactor(1, -5)).toBe(2);
    expect(riskFactor(1, 1e12)).toBeCloseTo(1, 9);
  });
});

describe('capacityShareOfCost', () => {
  it('is capacity cost over expected delivery cost', () => {
    expect(capacityShareOfCost(800, 2400, 0.8)).toBeCloseTo(2400 / 3040, 12);
  });
  it('is 0, not NaN, for a supplier with no delivery cost (issue 13, item 6)', () => {
    expect(capacityShareOfCost(0, 0, 0.8)).toBe(0);
    expect(capacityShareOfCost(0, 0, 0)).toBe(0);
  });
});

describe('riskPremium', () => {
  it('prices uncovered utilisation risk on the capacity share of cost', () => {
    expect(riskPremium(2, 0.13, 0.79, 1, 0, 0.3)).toBeCloseTo(2 * 0.13 * 0.79, 12);
  });
  it('mechanism 6: a guarantee covering the whole downside removes the utilisation premium; half of it, half', () => {
    expect(riskPremium(2, 0.13, 0.79, 0, 0, 0.3)).toBe(0);
    expect(riskPremium(2, 0.13, 0.79, 0.5, 0, 0.3)).toBeCloseTo(2 * 0.13 * 0.79 * 0.5, 12);
  });
  it('outcome-based payment adds its own risk', () => {
    expect(riskPremium(2, 0, 0.79, 1, 0.5, 0.3)).toBeCloseTo(2 * 0.5 * 0.3, 12);
  });
});

describe('mechanism 4: markup falls with price weight and competition', () => {
  it('follows markupScale / (1 + priceWeight x (bidders - 1))', () => {
    expect(bidMarkup(0.35, 0.7, 6)).toBeCloseTo(0.35 / 4.5, 12);
    expect(bidMarkup(0.35, 0, 6)).toBe(0.35);
    expect(bidMarkup(0.35, 1, 1)).toBe(0.35);
    expect(bidMarkup(0.35, 1, 8)).toBeLessThan(bidMarkup(0.35, 0.5, 8));
  });
});

describe('bidPrice', () => {
  it('adds premium and markup to break-even', () => {
    expect(bidPrice(3800, 0.2, 0.08, 1e9)).toBeCloseTo(3800 * 1.28, 9);
  });
  it('lowers a bid above the ceiling to the ceiling when cost plus risk still fits', () => {
    expect(bidPrice(3800, 0.2, 0.5, 5000)).toBe(5000);
  });
  it('does not bid when cost plus risk premium exceeds the ceiling', () => {
    expect(bidPrice(3800, 0.4, 0.1, 5000)).toBe(-1);
  });
});

describe('expectedBidGain', () => {
  it('is the chance of winning times the margin over the term, less the bid cost', () => {
    expect(expectedBidGain(0.5, 4400, 3800, 0.8, 100, 12, 30000)).toBeCloseTo(0.5 * 600 * 0.8 * 100 * 12 - 30000, 9);
  });
});

describe('expectedSlots', () => {
  it('is the naive share of slots, at most one per lot, the cap, and what free capacity holds', () => {
    expect(expectedSlots(10, 5, 20, Infinity, 250, 100)).toBe(2); // share 2.5, capacity 2
    expect(expectedSlots(10, 5, 20, Infinity, 1000, 100)).toBe(2.5); // share
    expect(expectedSlots(2, 5, 1, Infinity, 1000, 100)).toBe(2); // one slot per lot
    expect(expectedSlots(10, 5, 20, 1, 1000, 100)).toBe(1); // maxLotsPerSupplier
    expect(expectedSlots(1, 3, 12, Infinity, 100, 100)).toBe(0.25); // one lot, many bidders
  });

  it('makes twice as many half-size lots worth the same to a bidder with room for them', () => {
    const gain = (lots: number, slotCapacity: number) =>
      expectedBidGain(expectedSlots(lots, 5, 40, Infinity, 1000, slotCapacity), 4400, 3800, 0.8, slotCapacity, 12, 30000);
    expect(gain(20, 40)).toBeCloseTo(gain(10, 80), 6);
  });
});
