import type { Config } from '../../src/model/config.js';
import { createMarket } from '../../src/engine/simulate.js';
import { phaseContext } from '../../src/engine/context.js';
import { runPeriod } from '../../src/engine/step.js';
import { allocateCallOffs, emptyPeriodTotals } from '../../src/engine/callOff.js';
import { createWorkspace } from '../../src/engine/workspace.js';
import { seedRoot } from '../../src/random/streams.js';

/** Per place on a lot (1 = first in award order): utilisation and operating result of holding it. */
export interface PlaceEconomics {
  readonly place: number;
  /** Place-periods observed. */
  readonly n: number;
  /** Participant-weeks used / committed. */
  readonly utilisation: number;
  /** Mean result per place-period, NOK: price x use - (variable cost x use + capacity cost x commitment). */
  readonly meanProfit: number;
  /** Standard error of meanProfit over runs (each run's mean one observation). */
  readonly se: number;
  /** Share of place-periods with a loss. */
  readonly lossShare: number;
}

/**
 * Steps `config` for each seed and measures, over the horizon, what each place on a lot earns
 * under the world's allocation rule, split as the engine's call-offs split it.
 */
export function placeEconomics(config: Config, seeds: readonly (string | number)[]): PlaceEconomics[] {
  const P = config.run.periodsPerYear;
  const B = config.run.burnInYears * P;
  const H = config.run.horizonYears * P;
  const places = config.policy.suppliersPerAgreement;
  const perRun: { use: number; cap: number; profit: number; n: number; losses: number }[][] = [];
  for (const seed of seeds) {
    const acc = Array.from({ length: places }, () => ({ use: 0, cap: 0, profit: 0, n: 0, losses: 0 }));
    const state = createMarket(config, seed);
    const totals = emptyPeriodTotals();
    const ws = createWorkspace();
    const root = seedRoot(seed);
    const burn = phaseContext(config, config.burnInPolicy, root);
    const horizon = phaseContext(config, config.policy, root);
    for (let t = 0; t < B + H; t++) {
      const ctx = t < B ? burn : horizon;
      runPeriod(state, ctx, ws, t, totals);
      if (t < B) continue;
      const s = state.s;
      for (let lot = 0; lot < state.lotCount; lot++) {
        const c = state.lotCell[lot]!;
        if (lot - state.cellLotStart[c]! >= state.cellLotCount[c]!) continue;
        const base = lot * state.stride;
        const members: number[] = [];
        for (let k = 0; k < state.stride && state.slotSupplier[base + k]! >= 0; k++) members.push(state.slotSupplier[base + k]!);
        if (members.length === 0) continue;
        const cap = state.lotSlotCapacity[lot]!;
        const used = new Array<number>(members.length).fill(0);
        const order = members.map((_, k) => k);
        const rule = state.lotRule[lot]!;
        if (rule === 3) {
          // mini-competition: the order of the engine's per-period score (price and current quality)
          const w = state.lotPriceWeight[lot]!;
          const prices = members.map((_, k) => state.slotPrice[base + k]!);
          const lowest = Math.min(...prices);
          const best = Math.max(...members.map((i) => s.quality[i]!));
          const score = members.map((i, k) => w * (lowest / prices[k]!) + (1 - w) * (best > 0 ? s.quality[i]! / best : 1));
          order.sort((a, b) => score[b]! - score[a]! || members[a]! - members[b]!);
        }
        allocateCallOffs(rule, state.cellDemand[c]! * state.lotShare[lot]!, members.map(() => cap), order, used, members.length, members.map((i) => s.quality[i]!));
        const m = c % state.nMeasures;
        const costIndex = ctx.costIndex[m]!;
        members.forEach((i, k) => {
          const place = rule === 3 ? order.indexOf(k) : k;
          const profit = state.slotPrice[base + k]! * used[k]! - (s.variableCost[i]! * costIndex * ctx.variableCostFactor * used[k]! + s.capacityCost[i]! * costIndex * cap);
          const a = acc[place]!;
          a.use += used[k]!;
          a.cap += cap;
          a.profit += profit;
          a.n++;
          if (profit < 0) a.losses++;
        });
      }
    }
    perRun.push(acc);
  }
  return Array.from({ length: places }, (_, k) => {
    const runs = perRun.map((r) => r[k]!).filter((a) => a.n > 0);
    const means = runs.map((a) => a.profit / a.n);
    const mean = means.reduce((a, b) => a + b, 0) / Math.max(1, means.length);
    const sd = Math.sqrt(means.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, means.length - 1));
    const n = runs.reduce((a, b) => a + b.n, 0);
    return {
      place: k + 1,
      n,
      utilisation: runs.reduce((a, b) => a + b.use, 0) / Math.max(1e-9, runs.reduce((a, b) => a + b.cap, 0)),
      meanProfit: mean,
      se: sd / Math.sqrt(Math.max(1, means.length)),
      lossShare: runs.reduce((a, b) => a + b.losses, 0) / Math.max(1, n),
    };
  });
}
