import { describe, expect, it } from 'vitest';
import { receiptsInLastYear } from '../../src/engine/observe.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

describe('receiptsInLastYear', () => {
  it('is the rolling sum for an operating supplier', () => {
    const { state } = tinyMarket(tinyConfig());
    state.s.receiptsYear[0] = 1234;
    expect(receiptsInLastYear(state, 0, 20)).toBe(1234);
  });

  it('counts only the part of an exited supplier’s last year that lies inside the year asked for', () => {
    const { state } = tinyMarket(tinyConfig()); // 4 periods a year
    const s = state.s;
    s.alive[0] = 0;
    s.exitPeriod[0] = 9;
    // Ring slots hold receipts of periods 6, 7, 8, 9 (slot = period % 4).
    s.receiptsRing[0 * 4 + (6 % 4)] = 6;
    s.receiptsRing[0 * 4 + (7 % 4)] = 7;
    s.receiptsRing[0 * 4 + (8 % 4)] = 8;
    s.receiptsRing[0 * 4 + (9 % 4)] = 9;
    expect(receiptsInLastYear(state, 0, 9)).toBe(6 + 7 + 8 + 9);
    expect(receiptsInLastYear(state, 0, 11)).toBe(8 + 9); // the year is periods 8..11
    expect(receiptsInLastYear(state, 0, 13)).toBe(0); // exited before the year began
  });
});
