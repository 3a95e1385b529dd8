import { describe, expect, it } from 'vitest';
import { ABSOLUTE, LINEAR, RELATIVE, priceScore, qualityScore, totalScore } from '../../src/engine/scoring.js';

describe('priceScore', () => {
  it('relative: lowest / price', () => {
    expect(priceScore(RELATIVE, 5000, 4000, 5000, 4500)).toBe(0.8);
    expect(priceScore(RELATIVE, 4000, 4000, 5000, 4500)).toBe(1);
  });
  it('linear: 1 at the lowest, 0 at the highest', () => {
    expect(priceScore(LINEAR, 4500, 4000, 5000, 4500)).toBe(0.5);
    expect(priceScore(LINEAR, 5000, 4000, 5000, 4500)).toBe(0);
    expect(priceScore(LINEAR, 4000, 4000, 4000, 4500)).toBe(1);
  });
  it('absolute: 1 at half the reference or below, 0 at 1.5 times or above', () => {
    expect(priceScore(ABSOLUTE, 4500, 4000, 5000, 4500)).toBeCloseTo(0.5, 12);
    expect(priceScore(ABSOLUTE, 2000, 2000, 5000, 4500)).toBe(1);
    expect(priceScore(ABSOLUTE, 7000, 4000, 7000, 4500)).toBe(0);
  });
});

describe('qualityScore and totalScore', () => {
  it('quality points are relative to the best observed quality', () => {
    expect(qualityScore(0.45, 0.6)).toBeCloseTo(0.75, 12);
    expect(qualityScore(0.6, 0.6)).toBe(1);
  });
  it('weights price and quality points', () => {
    expect(totalScore(0.7, 0.8, 0.5)).toBeCloseTo(0.71, 12);
    expect(totalScore(1, 0.8, 0.1)).toBe(0.8);
    expect(totalScore(0, 0.8, 0.1)).toBe(0.1);
  });
});
