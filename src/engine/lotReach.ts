/**
 * How the lots in force compare with what suppliers can take on: the sizes of places and whole
 * lots, and how far one supplier can reach (mechanism 3: large lots exclude suppliers too small
 * for them). Read by the market profile; the small-supplier cohort compares capacity, not reach,
 * with the median lot (observe.ts).
 * @packageDocumentation
 */
import type { Config } from '../model/config.js';
import { quantileSorted } from '../metrics/quantile.js';
import type { MarketState } from './state.js';

/** Capacities (participant-weeks a period) of the lots in force, each list sorted ascending. */
export interface LotSizes {
  /** One place of each lot. */
  readonly places: number[];
  /** Each whole lot: all its places together. */
  readonly lots: number[];
}

/** The capacities of one place and of each whole lot, over the lots in force (those with places). */
export function lotSizes(state: MarketState): LotSizes {
  const places: number[] = [];
  const lots: number[] = [];
  for (let c = 0; c < state.cellLotStart.length; c++) {
    const start = state.cellLotStart[c]!;
    for (let j = 0; j < state.cellLotCount[c]!; j++) {
      const place = state.lotSlotCapacity[start + j]!;
      if (!(place > 0)) continue;
      places.push(place);
      lots.push(place * state.lotPlaces[start + j]!);
    }
  }
  return { places: places.sort((a, b) => a - b), lots: lots.sort((a, b) => a - b) };
}

/** The median whole lot in force (participant-weeks a period; 0 when no lot is in force). */
export function medianLot(state: MarketState): number {
  return quantileSorted(lotSizes(state).lots, 0.5);
}

/**
 * The most capacity supplier i can commit at once: its capacity times 1 + growthPerTender, as the
 * award checks a bidder's room (tender.ts).
 */
export function reachOf(state: MarketState, config: Config, i: number): number {
  return state.s.maxCapacity[i]! * (1 + config.behaviour.growthPerTender);
}
