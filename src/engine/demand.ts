import type { Config } from '../model/config.js';
import { normal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import type { MarketState } from './state.js';

/** Stationary variance of an AR(1) process x' = rho x + sigma e. */
export function stationaryVariance(persistence: number, volatility: number): number {
  return (volatility * volatility) / (1 - persistence * persistence);
}

/**
 * Multiplier of scripted shocks on a measure type's demand in period t: the product of
 * (1 + change) over every shock that has started (its start is policy start + fromYear, in periods).
 */
export function scriptedMultiplier(config: Config, measure: number, t: number, policyStart: number): number {
  let multiplier = 1;
  const name = config.market.measureTypes[measure]!.name;
  for (const shock of config.market.shocks) {
    if (shock.measureType !== null && shock.measureType !== name) continue;
    if (t >= policyStart + Math.round(shock.fromYear * config.run.periodsPerYear)) multiplier *= 1 + shock.change;
  }
  return Math.max(0, multiplier);
}

/** Base demand of every cell: national demand of the measure times the region's weight share. */
export function cellBaseDemand(config: Config): Float64Array {
  const { regions, measureTypes } = config.market;
  const totalWeight = regions.reduce((a, r) => a + r.demandWeight, 0);
  const out = new Float64Array(regions.length * measureTypes.length);
  regions.forEach((r, ri) =>
    measureTypes.forEach((m, mi) => {
      out[ri * measureTypes.length + mi] = (m.demandPerPeriod * r.demandWeight) / totalWeight;
    }),
  );
  return out;
}

/** Draws the shocks' starting values from their stationary distributions. */
export function initialiseDemand(state: MarketState, config: Config, rng: Rng): void {
  const d = config.market.demand;
  state.macroShock = normal(rng, 0, Math.sqrt(stationaryVariance(d.macroPersistence, d.macroVolatility)));
  const sd = Math.sqrt(stationaryVariance(d.cellPersistence, d.cellVolatility));
  for (let c = 0; c < state.cellShock.length; c++) state.cellShock[c] = normal(rng, 0, sd);
}

/**
 * Mechanism "demand": advances the macro and cell shocks one period and sets each cell's
 * realised demand = base x exp(macro + cell - variance/2) x scripted multiplier. The variance
 * correction makes the expected demand equal the base level.
 */
export function advanceDemand(state: MarketState, config: Config, rng: Rng, t: number, policyStart: number): void {
  const d = config.market.demand;
  state.macroShock = d.macroPersistence * state.macroShock + normal(rng, 0, d.macroVolatility);
  const correction =
    0.5 * (stationaryVariance(d.macroPersistence, d.macroVolatility) + stationaryVariance(d.cellPersistence, d.cellVolatility));
  const nM = state.nMeasures;
  const multipliers = new Float64Array(nM);
  for (let m = 0; m < nM; m++) multipliers[m] = scriptedMultiplier(config, m, t, policyStart);
  for (let c = 0; c < state.cellShock.length; c++) {
    const shock = d.cellPersistence * state.cellShock[c]! + normal(rng, 0, d.cellVolatility);
    state.cellShock[c] = shock;
    state.cellDemand[c] = state.cellBase[c]! * Math.exp(state.macroShock + shock - correction) * multipliers[c % nM]!;
  }
}
