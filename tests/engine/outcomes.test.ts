import { describe, expect, it } from 'vitest';
import { MAX_OUTCOME_RATIO, outcomePayFactor, workRate } from '../../src/engine/outcomes.js';

describe('transitions to work', () => {
  it('the work rate rises with quality above the reference', () => {
    expect(workRate(0.27, 0.2, 0.7, 0.5)).toBeCloseTo(0.31, 12);
    expect(workRate(0.27, 0.2, 0.5, 0.5)).toBeCloseTo(0.27, 12);
  });
  it('stays in [0, 1]', () => {
    expect(workRate(0.95, 1, 1, 0)).toBe(1);
    expect(workRate(0.05, 1, 0, 1)).toBe(0);
  });
  it('outcome-based payment scales a share of the price by relative performance', () => {
    expect(outcomePayFactor(0, 0.5, 0.27)).toBe(1);
    expect(outcomePayFactor(0.2, 0.31, 0.27)).toBeCloseTo(0.8 + (0.2 * 0.31) / 0.27, 12);
    expect(outcomePayFactor(0.2, 0.27, 0.27)).toBeCloseTo(1, 12);
  });
  it('caps the outcome part at MAX_OUTCOME_RATIO times its nominal amount', () => {
    // Found by the arbitraries: an expected work rate near 0 made prices astronomically large.
    expect(outcomePayFactor(0.3, 0.5, 1e-6)).toBeCloseTo(0.7 + 0.3 * MAX_OUTCOME_RATIO, 12);
    expect(outcomePayFactor(0.3, 0.5, 0)).toBeCloseTo(1, 12);
  });
});
