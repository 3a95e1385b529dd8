import type { Config, ConfigInput } from '../../src/model/config.js';
import { parseConfig, mergeOver } from '../../src/model/decode.js';
import { resolveUncertain } from '../../src/model/resolve.js';
import { phaseContext, type PhaseContext } from '../../src/engine/context.js';
import { createMarket } from '../../src/engine/simulate.js';
import type { MarketState } from '../../src/engine/state.js';
import { seedRoot } from '../../src/random/streams.js';

/**
 * A one-region, one-measure market with deterministic demand, standalone suppliers only, no
 * entry, no burn-in: small enough to compute every number by hand. Overrides merge on top.
 */
export function tinyConfig(overrides: ConfigInput = {}): Config {
  const base: ConfigInput = {
    run: { periodsPerYear: 4, burnInYears: 0, horizonYears: 1 },
    market: {
      regions: [{ name: 'A', demandWeight: 1 }],
      measureTypes: [{ name: 'm', demandPerPeriod: 100, lotsPerCell: 1, durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 }],
      demand: { macroPersistence: 0, macroVolatility: 0, cellPersistence: 0, cellVolatility: 0 },
      shocks: [],
    },
    suppliers: {
      initialCount: 2,
      ownership: {
        foreignGroup: { share: 0 },
        norwegianGroup: { share: 0 },
        standalone: { share: 1, otherRevenueRatio: 0, otherRevenueVolatility: 0, overheadShare: 0, cashBufferPeriods: 10, ownerSupportPeriods: 0 },
        municipal: { share: 0 },
        nonProfit: { share: 0 },
      },
      entry: { ratePerYear: 0 },
      acquisition: { probabilityPerPeriod: 0 },
    },
    behaviour: { qualityInvestmentShare: 0, hiringCostPerWeek: 0, firingCostPerWeek: 0, bidCost: 0, payoutShare: 0 },
    policy: { suppliersPerAgreement: 1, capacityCommitment: 1.25 },
    burnInPolicy: { suppliersPerAgreement: 1, capacityCommitment: 1.25 },
  };
  // Any distribution (none unless an override gives one) is drawn once, for the seed 'tiny'.
  return resolveUncertain(parseConfig(mergeOver(base, overrides)), 'tiny').config;
}

/** A market built from `config` and the horizon policy's context, ready for hand-set values. */
export function tinyMarket(config: Config, seed: string | number = 'tiny'): { state: MarketState; ctx: PhaseContext } {
  return { state: createMarket(config, seed), ctx: phaseContext(config, config.policy, seedRoot(seed)) };
}

/** Puts supplier i alone on lot 0 of cell 0 at `price`, committing `slotCapacity`. */
export function placeOnLot(state: MarketState, i: number, price: number, slotCapacity: number, slot = 0): void {
  state.cellLotCount[0] = Math.max(state.cellLotCount[0]!, 1);
  state.lotShare[0] = 1;
  state.lotSlotCapacity[0] = slotCapacity;
  state.slotSupplier[slot] = i;
  state.slotPrice[slot] = price;
  state.s.committed[i]! += slotCapacity;
  state.s.prevCommitted[i] = state.s.committed[i]!;
  state.s.contracts[i]!++;
}
