import { describe, expect, it } from 'vitest';
import { layoutLots, LOT_COLUMNS, SLOT_COLUMNS, type MarketState } from '../../src/engine/state.js';
import { tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';

type Columns = Record<string, ArrayLike<number> & { [k: number]: number }>;

describe('layoutLots', () => {
  it('moves every lot and slot column of LOT_COLUMNS and SLOT_COLUMNS, and leaves the new room empty', () => {
    // Two regions, so the second cell's lots move when the first cell gets more.
    const config = tinyConfig({ market: { regions: [{ name: 'A', demandWeight: 1 }, { name: 'B', demandWeight: 1 }] } });
    const { state } = tinyMarket(config);
    expect(state.cellLotMax).toEqual(Int32Array.from([1, 1]));
    const oldStride = state.stride;
    const lots = state as unknown as Columns;
    // A distinct value in every entry of every column (small enough for a Uint8Array).
    Object.keys(LOT_COLUMNS).forEach((k, col) => {
      if (k !== 'lotCell') for (let lot = 0; lot < 2; lot++) lots[k]![lot] = 10 * col + lot + 1;
    });
    Object.keys(SLOT_COLUMNS).forEach((k, col) => {
      for (let x = 0; x < 2 * oldStride; x++) lots[k]![x] = 50 * col + x + 1;
    });

    layoutLots(state, [3, 2], oldStride + 2);

    const stride = state.stride;
    expect(stride).toBe(oldStride + 2);
    expect(Array.from(state.cellLotStart)).toEqual([0, 3]);
    expect(state.lotCount).toBe(5);
    expect(Array.from(state.lotCell)).toEqual([0, 0, 0, 1, 1]);
    const moved = state as unknown as Columns;
    const where = [0, 3]; // each old lot's new index
    Object.entries(LOT_COLUMNS).forEach(([k, { empty }], col) => {
      if (k === 'lotCell') return;
      expect(moved[k]!.length, k).toBe(5);
      for (let lot = 0; lot < 5; lot++) {
        const old = where.indexOf(lot);
        expect(moved[k]![lot], `${k}[${lot}]`).toBe(old >= 0 ? 10 * col + old + 1 : empty);
      }
    });
    Object.entries(SLOT_COLUMNS).forEach(([k, { empty }], col) => {
      expect(moved[k]!.length, k).toBe(5 * stride);
      for (let lot = 0; lot < 5; lot++) {
        for (let slot = 0; slot < stride; slot++) {
          const old = where.indexOf(lot);
          const expected = old >= 0 && slot < oldStride ? 50 * col + old * oldStride + slot + 1 : empty;
          expect(moved[k]![lot * stride + slot], `${k}[${lot} x stride + ${slot}]`).toBe(expected);
        }
      }
    });
  });

  it('gives the state every column of the lists, each its own typed array', () => {
    const { state } = tinyMarket(tinyConfig());
    for (const [k, { array }] of Object.entries({ ...LOT_COLUMNS, ...SLOT_COLUMNS })) {
      expect(state[k as keyof MarketState], k).toBeInstanceOf(array);
    }
  });
});
