import type { Config } from '../model/config.js';
import { OWNERSHIP_TYPES } from '../model/enums.js';
import { beta } from '../random/beta.js';
import { logNormal } from '../random/logNormal.js';
import type { Rng } from '../random/rng.js';
import type { MarketState } from './state.js';
import { ensureSupplierRoom, listOperating, registerCells } from './state.js';
import { maskWeights, type Workspace } from './workspace.js';

/** Picks an index with probability proportional to its weight (weights need not sum to 1). */
export function pickWeighted(rng: Rng, weights: ArrayLike<number>, total: number): number {
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  // Rounding can leave u at exactly 0 after the loop: take the last index with weight.
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return 0;
}

/**
 * Draws `count` distinct indices, weighted, as a bit mask (count is capped at the number of
 * positive weights). `w` is working room for the weights (as many entries; overwritten).
 */
export function pickMask(rng: Rng, weights: ArrayLike<number>, count: number, first: number, w: Float64Array = new Float64Array(weights.length)): number {
  for (let k = 0; k < weights.length; k++) w[k] = weights[k]!;
  return drawMask(rng, w, count, first);
}

/** {@link pickMask} on weights the caller has copied into `w`, which it overwrites. */
function drawMask(rng: Rng, w: Float64Array, count: number, first: number): number {
  let mask = 0;
  let chosen = 0;
  if (first >= 0) {
    mask |= 1 << first;
    w[first] = 0;
    chosen = 1;
  }
  let available = chosen;
  for (let k = 0; k < w.length; k++) if (w[k]! > 0) available++;
  const target = Math.min(count, available);
  while (chosen < target) {
    let total = 0;
    for (let k = 0; k < w.length; k++) total += w[k]!;
    const k = pickWeighted(rng, w, total);
    mask |= 1 << k;
    w[k] = 0;
    chosen++;
  }
  return mask >>> 0;
}

const weightCache = new WeakMap<Config, { regionWeights: number[]; regionTotal: number; measureWeights: number[] }>();

function weightsOf(config: Config): { regionWeights: number[]; regionTotal: number; measureWeights: number[] } {
  let w = weightCache.get(config);
  if (w === undefined) {
    const regionWeights = config.market.regions.map((r) => r.demandWeight);
    w = {
      regionWeights,
      regionTotal: regionWeights.reduce((a, b) => a + b, 0),
      measureWeights: config.market.measureTypes.map((m) => Math.max(m.demandPerPeriod, 1e-9)),
    };
    weightCache.set(config, w);
  }
  return w;
}

function allRegions(count: number): number {
  return count >= 32 ? 0xffffffff : ((1 << count) - 1) >>> 0;
}

/**
 * Creates one supplier of the given ownership type at index `state.n` and returns its index.
 * Its money figures scale with its capacity: full-capacity cost per period = capacity x unit cost.
 * `ws` is the run's working memory (room for the weights its regions and measure types are drawn with).
 */
export function addSupplier(state: MarketState, ws: Workspace, config: Config, ownership: number, rng: Rng, period: number): number {
  ensureSupplierRoom(state);
  const i = state.n++;
  listOperating(state, i);
  const s = state.s;
  const profile = config.suppliers.ownership[OWNERSHIP_TYPES[ownership]!];
  const { regionWeights, regionTotal, measureWeights } = weightsOf(config);
  const home = pickWeighted(rng, regionWeights, regionTotal);
  // Extra regions are drawn uniformly among the rest: the weights only pick the home region.
  if (profile.regionsServed >= regionWeights.length) {
    s.regionMask[i] = allRegions(regionWeights.length);
  } else {
    const w = maskWeights(ws, regionWeights.length);
    for (let k = 0; k < w.length; k++) w[k] = k === home ? regionWeights[k]! : 1;
    s.regionMask[i] = drawMask(rng, w, profile.regionsServed, home);
  }
  s.measureMask[i] = pickMask(rng, measureWeights, profile.measureTypesServed, -1, maskWeights(ws, measureWeights.length));
  const capacity = logNormal(rng, profile.capacityMedian, profile.capacitySpread);
  const unitCost = logNormal(rng, profile.unitCostMedian, profile.unitCostSpread);
  const fullCost = capacity * unitCost;
  s.alive[i] = 1;
  s.ownership[i] = ownership;
  s.maxCapacity[i] = capacity;
  s.baseCapacity[i] = capacity;
  s.variableCost[i] = unitCost * (1 - profile.capacityCostShare);
  s.capacityCost[i] = unitCost * profile.capacityCostShare;
  s.overhead[i] = profile.overheadShare * fullCost;
  s.cash[i] = profile.cashBufferPeriods * fullCost;
  s.bufferPeriods[i] = profile.cashBufferPeriods;
  s.supportLeft[i] = profile.ownerSupportPeriods * fullCost;
  s.otherRevenueMean[i] = profile.otherRevenueRatio * fullCost;
  s.otherRevenueMargin[i] = profile.otherRevenueMargin;
  s.otherRevenueVolatility[i] = profile.otherRevenueVolatility;
  s.bidsPerYear[i] = profile.bidsPerYear;
  s.bidsLeft[i] = profile.bidsPerYear;
  const q = beta(rng, profile.qualityMean, profile.qualityConcentration);
  s.innateQuality[i] = q;
  s.quality[i] = q;
  s.competence[i] = 0.5;
  s.entryPeriod[i] = period;
  state.ledger.startingCash += s.cash[i]!;
  registerCells(state, i, 0, 0);
  return i;
}

/** Splits `count` over weights by largest remainder, so the initial mix matches the shares exactly. */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total > 0 ? (count * w) / total : 0));
  const base = exact.map(Math.floor);
  let left = count - base.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    base[i]!++;
    left--;
  }
  return base;
}

/** Generates the initial population: counts per ownership type by largest remainder, attributes drawn. */
export function generatePopulation(state: MarketState, ws: Workspace, config: Config, rng: Rng): void {
  const shares = OWNERSHIP_TYPES.map((o) => config.suppliers.ownership[o].share);
  const counts = apportion(config.suppliers.initialCount, shares);
  counts.forEach((count, ownership) => {
    for (let k = 0; k < count; k++) addSupplier(state, ws, config, ownership, rng, 0);
  });
}
