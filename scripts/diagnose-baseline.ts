/**
 * Untargeted figures of a config, as a sceptical economist would ask for them (docs/validation.md):
 *
 *   npx tsx scripts/diagnose-baseline.ts [--runs 8] [--config overrides.json] [--seed diag]
 *
 * Per run it steps the engine period by period under today's policy (burn-in and horizon) and
 * measures: suppliers on agreements, top-15 share, main-income margin, price per week, spending,
 * non-profit share, insolvencies and exits by cause, loss share, unserved demand; utilisation and
 * profit per place on a lot (by award order); the share of operating suppliers too small to hold
 * one place alone; and the trend of key series over the horizon (drift).
 */
import { readFileSync } from 'node:fs';
import { resolveConfig } from '../src/model/decode.js';
import { resolveUncertain } from '../src/model/resolve.js';
import { createMarket } from '../src/engine/simulate.js';
import { phaseContext } from '../src/engine/context.js';
import { runPeriod } from '../src/engine/step.js';
import { emptyPeriodTotals } from '../src/engine/callOff.js';
import { createWorkspace } from '../src/engine/workspace.js';
import { seedRoot } from '../src/random/streams.js';
import { MAIN_INCOME_SHARE } from '../src/engine/codes.js';
import { receiptsInLastYear } from '../src/engine/observe.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const runs = Number(option('runs', '8'));
const configFile = option('config', '');
const input = configFile === '' ? {} : JSON.parse(readFileSync(configFile, 'utf8'));
// The run settings and the policies are numbers here (they set the loops below); each run draws
// the config's distributions (the baseline's assumed effects) from its own seed, as experiments do.
const uncertain = resolveConfig(input);
const config = resolveUncertain(uncertain, 'diag').config;
const P = config.run.periodsPerYear;
const B = config.run.burnInYears * P;
const H = config.run.horizonYears * P;
const K = config.policy.suppliersPerAgreement;

type Row = Record<string, number[]>;
const yearly: Row = {};
const push = (k: string, v: number) => (yearly[k] ??= []).push(v);
const placeUse = new Float64Array(8);
const placeCap = new Float64Array(8);
const placeProfit = new Float64Array(8);
const placeCount = new Float64Array(8);
const placeLossLots = new Float64Array(8);
const trends: Record<string, number[][]> = {};

for (let r = 0; r < runs; r++) {
  const seed = `${option('seed', 'diag')}#${r}`;
  const root = seedRoot(seed);
  const drawn = resolveUncertain(uncertain, seed).config;
  const state = createMarket(drawn, seed);
  const totals = emptyPeriodTotals();
  const ws = createWorkspace();
  const series: Record<string, number[]> = { tendered: [], active: [], unserved: [], top15: [], margin: [], insolv: [] };
  let lastInsolv = 0;
  let yearUnserved = 0;
  let yearDemand = 0;
  // Per-lot, per-place running sums over the horizon (profit by place needs a lot's place held by one supplier).
  for (let t = 0; t < B + H; t++) {
    const ctx = phaseContext(drawn, t < B ? drawn.burnInPolicy : drawn.policy, root);
    runPeriod(state, ctx, ws, t, totals);
    if (t < B) {
      lastInsolv = state.ledger.insolvencies;
      continue;
    }
    yearUnserved += totals.unserved;
    yearDemand += totals.demand;
    const s = state.s;
    // Place economics this period: recompute the call-off split per lot (shares/rank) from the state.
    for (let c = 0; c < state.cellLotCount.length; c++) {
      const m = c % state.nMeasures;
      const start = state.cellLotStart[c]!;
      for (let j = 0; j < state.cellLotCount[c]!; j++) {
        const lot = start + j;
        const demand = state.cellDemand[c]! * state.lotShare[lot]!;
        const cap = state.lotSlotCapacity[lot]!;
        const holders: number[] = [];
        for (let k = 0; k < state.stride; k++) {
          const i = state.slotSupplier[lot * state.stride + k]!;
          if (i >= 0) holders.push(k);
        }
        const n = holders.length;
        if (n === 0) continue;
        const rule = state.lotRule[lot]!;
        const used = new Array<number>(n).fill(0);
        if (rule === 0 || rule === 3) {
          let left = demand;
          for (let k = 0; k < n; k++) { used[k] = Math.min(cap, Math.max(0, left)); left -= used[k]!; }
        } else {
          // equal or quality-weighted water-filling
          const w = holders.map((k) => (rule === 2 ? s.quality[state.slotSupplier[lot * state.stride + k]!]! : 1));
          let left = demand;
          for (let round = 0; round < n && left > 1e-9; round++) {
            let W = 0;
            for (let k = 0; k < n; k++) if (cap - used[k]! > 0) W += w[k]!;
            if (W <= 0) break;
            let given = 0;
            for (let k = 0; k < n; k++) { const room = cap - used[k]!; if (room <= 0) continue; const add = Math.min(room, (left * w[k]!) / W); used[k]! += add; given += add; }
            left -= given;
          }
        }
        const costIndex = ctx.costIndex[m]!;
        for (let k = 0; k < n; k++) {
          const i = state.slotSupplier[lot * state.stride + k]!;
          const price = state.slotPrice[lot * state.stride + k]!;
          const profit = price * used[k]! - (s.variableCost[i]! * costIndex * ctx.variableCostFactor * used[k]! + s.capacityCost[i]! * costIndex * cap);
          placeUse[k]! += used[k]!;
          placeCap[k]! += cap;
          placeProfit[k]! += profit;
          placeCount[k]!++;
          if (profit < 0) placeLossLots[k]!++;
        }
      }
    }
    const h = t - B;
    if (h % P === P - 1) {
      let tendered = 0, active = 0, losses = 0, mainN = 0, mainSum = 0, mainProfit = 0, mainRevenue = 0, tooSmall = 0, nonProfitPaid = 0, paid = 0;
      const placeSizes = Array.from({ length: state.lotCount }, (_, l) => state.lotSlotCapacity[l]!).filter((x) => x > 0).sort((a, b) => a - b);
      const minPlace = placeSizes[Math.floor(placeSizes.length / 2)] ?? Infinity;
      const paidBy: number[] = [];
      for (let i = 0; i < state.n; i++) {
        // What it was paid in the last year (an exited supplier's rolling sum stops at its exit).
        const rec = receiptsInLastYear(state, i, t);
        if (rec > 0) { paidBy.push(rec); paid += rec; if (s.ownership[i] === 4) nonProfitPaid += rec; }
        if (s.alive[i] !== 1) continue;
        active++;
        if (s.contracts[i]! > 0) tendered++;
        if (s.profitYear[i]! < 0) losses++;
        if (s.maxCapacity[i]! < minPlace) tooSmall++;
        const rev = s.revenueYear[i]!;
        if (rev >= 1 && s.receiptsYear[i]! > MAIN_INCOME_SHARE * rev) { mainN++; mainSum += s.profitYear[i]! / rev; mainProfit += s.profitYear[i]!; mainRevenue += rev; }
      }
      paidBy.sort((a, b) => b - a);
      const top15 = paidBy.slice(0, 15).reduce((a, b) => a + b, 0) / Math.max(paid, 1);
      const l = state.ledger;
      const insolv = l.insolvencies - lastInsolv;
      lastInsolv = l.insolvencies;
      push('tendered', tendered); push('active', active); push('lossShare', losses / active); push('mainIncomeMargin', mainSum / Math.max(1, mainN));
      push('mainIncomeMarginAggregate', mainProfit / Math.max(1, mainRevenue)); push('mainIncomeCount', mainN); push('tooSmallForMedianPlace', tooSmall / active);
      push('top15', top15); push('nonProfitShare', nonProfitPaid / Math.max(paid, 1)); push('insolvenciesPerYear', insolv); push('insolvencyRate', insolv / active);
      push('spending', paid);
      series.tendered!.push(tendered); series.active!.push(active); series.top15!.push(top15); series.margin!.push(mainSum / Math.max(1, mainN)); series.insolv!.push(insolv); series.unserved!.push(yearUnserved / Math.max(yearDemand, 1)); yearUnserved = 0; yearDemand = 0;
    }
  }
  const l = state.ledger;
  push('entriesTotal', l.entries); push('voluntaryExitsTotal', l.voluntaryExits); push('acquisitionsTotal', l.acquisitions);
  for (const [k, v] of Object.entries(series)) (trends[k] ??= []).push(v);
}
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / Math.max(1, a.length);
console.log(`${runs} runs, ${config.run.burnInYears} burn-in + ${config.run.horizonYears} horizon years, rule ${config.market.allocationRule}, ${K} places per lot`);
for (const [k, v] of Object.entries(yearly)) console.log(`${k.padEnd(28)} ${mean(v).toPrecision(4)}`);
console.log('place  utilisation  meanProfit/period  loss-making share');
for (let k = 0; k < K; k++) {
  if (placeCount[k] === 0) continue;
  console.log(`${k + 1}      ${(placeUse[k]! / placeCap[k]!).toFixed(3)}        ${(placeProfit[k]! / placeCount[k]!).toFixed(0).padStart(10)}        ${(placeLossLots[k]! / placeCount[k]!).toFixed(3)}  (n=${placeCount[k]})`);
}
// Drift: mean over runs of the first and last horizon year and the OLS slope per year.
console.log('series         year1    last     slope/yr');
for (const [k, runsOf] of Object.entries(trends)) {
  const Y = runsOf[0]!.length;
  const avg = Array.from({ length: Y }, (_, y) => mean(runsOf.map((r) => r[y]!)));
  const xm = (Y - 1) / 2;
  const ym = mean(avg);
  let num = 0, den = 0;
  avg.forEach((v, x) => { num += (x - xm) * (v - ym); den += (x - xm) ** 2; });
  console.log(`${k.padEnd(12)} ${avg[0]!.toPrecision(4).padStart(8)} ${avg[Y - 1]!.toPrecision(4).padStart(8)} ${(num / den).toPrecision(3).padStart(10)}`);
}
