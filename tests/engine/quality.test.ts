import { describe, expect, it } from 'vitest';
import { nextCompetence, nextQuality, targetQuality } from '../../src/engine/quality.js';

describe('mechanism 5: continuity builds competence, a lost contract breaks it', () => {
  it('delivering at full utilisation closes a share of the gap to 1', () => {
    expect(nextCompetence(0.5, 0.1, 1, 0, 0.5, false, 0.05)).toBeCloseTo(0.55, 12);
  });
  it('shedding half the staff loses half of lossOnShedding of competence', () => {
    expect(nextCompetence(0.8, 0.1, 0, 0.5, 0.5, false, 0.05)).toBeCloseTo(0.6, 12);
  });
  it('competence decays while a supplier holds no agreement', () => {
    expect(nextCompetence(0.8, 0.1, 0, 0, 0.5, true, 0.05)).toBeCloseTo(0.76, 12);
  });
  it('stays in [0, 1]', () => {
    expect(nextCompetence(1, 1, 5, 0, 0.5, false, 0)).toBe(1);
    expect(nextCompetence(0.2, 0, 0, 5, 1, true, 1)).toBe(0);
  });
});

describe('mechanism 8: quality follows competence, margins (spending) and the buyer’s incentive', () => {
  it('shifts innate quality by each driver from the middle of its range', () => {
    expect(targetQuality(0.55, 1, 1, 0.3, 0.2, 0.2, 0.1, 0)).toBeCloseTo(0.73, 12);
    expect(targetQuality(0.55, 0.5, 0.5, 0.5, 0.2, 0.2, 0.1, 0)).toBeCloseTo(0.55, 12);
  });
  it('price pressure (no spending, price-only award) lowers the target', () => {
    expect(targetQuality(0.55, 0.5, 0, 0, 0.2, 0.2, 0.1, 0)).toBeLessThan(targetQuality(0.55, 0.5, 1, 1, 0.2, 0.2, 0.1, 0));
  });
  it('a soft lever adds its gain', () => {
    expect(targetQuality(0.5, 0.5, 0.5, 0.5, 0.2, 0.2, 0.1, 0.05)).toBeCloseTo(0.55, 12);
  });
  it('quality moves part of the way towards its target', () => {
    expect(nextQuality(0.5, 0.7, 0.1)).toBeCloseTo(0.52, 12);
  });
});
