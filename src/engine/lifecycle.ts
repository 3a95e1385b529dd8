import { MAX_SUPPLIERS_EVER, OWNERSHIP_TYPES } from '../model/enums.js';
import { poisson } from '../random/poisson.js';
import type { Rng } from '../random/rng.js';
import { ExitCause, Ownership } from './codes.js';
import type { PhaseContext } from './context.js';
import { addSupplier, pickWeighted } from './population.js';
import { cellsCovered, registerCells, type MarketState } from './state.js';
import { lifecycleRoom, type Workspace } from './workspace.js';

/**
 * Marks a supplier as gone and takes it off every agreement. The suppliers below it on a lot move
 * up one place (places stay in award order, without gaps) and keep their own capacity; the lot is
 * then short of a supplier and its empty place is tendered again after the policy's delay
 * (`retenderDelayPeriods`). Until then its share of demand goes to the others up to their
 * capacity, and what they cannot take is unserved.
 */
export function removeSupplier(state: MarketState, i: number, cause: number, t: number): void {
  const s = state.s;
  s.alive[i] = 0;
  s.exitPeriod[i] = t;
  s.exitCause[i] = cause;
  const stride = state.stride;
  const { slotSupplier, slotPrice, lotShortSince, cellLotStart, cellLotMax } = state;
  if (s.contracts[i]! > 0) {
    for (const c of cellsCovered(state, s.regionMask[i]!, s.measureMask[i]!)) {
      const end = cellLotStart[c]! + cellLotMax[c]!;
      for (let lot = cellLotStart[c]!; lot < end; lot++) {
        const base = lot * stride;
        let to = 0;
        let removed = false;
        for (let k = 0; k < stride; k++) {
          const j = slotSupplier[base + k]!;
          if (j === i) {
            removed = true;
            continue;
          }
          slotSupplier[base + to] = j;
          slotPrice[base + to] = slotPrice[base + k]!;
          to++;
        }
        if (!removed) continue;
        for (let k = to; k < stride; k++) {
          slotSupplier[base + k] = -1;
          slotPrice[base + k] = 0;
        }
        if (lotShortSince[lot]! < 0) lotShortSince[lot] = t;
      }
    }
  }
  s.contracts[i] = 0;
  s.committed[i] = 0;
  state.ledger.exits++;
}

/**
 * The period's lifecycle uniforms, which exits and acquisitions share: one from the lifecycle
 * stream `rng` for every supplier index up to the last operating one, stored at `draws[i]` for the
 * operating supplier i (in the workspace; other entries are stale). An exited supplier's index only
 * takes its uniform, so a supplier's draws do not depend on how many others exist before it, and
 * the stream stays aligned by index across policies. Drawn after the finances are settled (the
 * lifecycle stream is independent of the shock stream, so this fixes no order between them).
 */
export function drawLifecycleUniforms(state: MarketState, ws: Workspace, rng: Rng): Float64Array {
  const draws = lifecycleRoom(ws, state.n);
  const operating = state.s.operating;
  let drawn = 0; // the stream's next uniform is this index's
  for (let k = 0; k < state.operatingCount; k++) {
    const i = operating[k]!;
    for (; drawn < i; drawn++) rng.next();
    drawn = i + 1;
    draws[i] = rng.next();
  }
  return draws;
}

/**
 * Mechanism 7, exits: a supplier whose cash is still negative after owner support exits as
 * insolvent; one that has held no agreement for `idlePeriodsBeforeExit` periods leaves with
 * probability `idleExitProbability` per period. `draws[i]` is supplier i's uniform for the period.
 */
export function processExits(state: MarketState, ctx: PhaseContext, draws: Float64Array, t: number): void {
  const s = state.s;
  const { idlePeriodsBeforeExit, idleExitProbability } = ctx.config.suppliers.exit;
  for (let k = 0; k < state.operatingCount; k++) {
    const i = s.operating[k]!;
    if (s.alive[i] !== 1) continue;
    if (s.cash[i]! < 0) {
      removeSupplier(state, i, ExitCause.insolvency, t);
      state.ledger.insolvencies++;
    } else if (s.idlePeriods[i]! >= idlePeriodsBeforeExit && draws[i]! < idleExitProbability) {
      removeSupplier(state, i, ExitCause.voluntary, t);
      state.ledger.voluntaryExits++;
    }
  }
}

/** Moves every agreement slot, capacity, reach and cash of `target` to `acquirer`. */
export function transferSupplier(state: MarketState, target: number, acquirer: number): void {
  const s = state.s;
  const stride = state.stride;
  const { slotSupplier, cellLotStart, cellLotMax } = state;
  for (const c of cellsCovered(state, s.regionMask[target]!, s.measureMask[target]!)) {
    const end = (cellLotStart[c]! + cellLotMax[c]!) * stride;
    for (let k = cellLotStart[c]! * stride; k < end; k++) {
      if (slotSupplier[k] === target) slotSupplier[k] = acquirer;
    }
  }
  s.contracts[acquirer]! += s.contracts[target]!;
  s.committed[acquirer]! += s.committed[target]!;
  s.prevCommitted[acquirer]! += s.prevCommitted[target]!;
  s.maxCapacity[acquirer]! += s.maxCapacity[target]!;
  s.baseCapacity[acquirer]! += s.baseCapacity[target]!;
  const oldRegions = s.regionMask[acquirer]!;
  const oldMeasures = s.measureMask[acquirer]!;
  s.regionMask[acquirer] = (oldRegions | s.regionMask[target]!) >>> 0;
  s.measureMask[acquirer] = (oldMeasures | s.measureMask[target]!) >>> 0;
  registerCells(state, acquirer, oldRegions, oldMeasures);
  s.cash[acquirer]! += s.cash[target]!;
  s.cash[target] = 0;
  s.contracts[target] = 0;
  s.committed[target] = 0;
}

/**
 * An Rng that always returns `u`. (Made here rather than in the loop below, which keeps V8 from
 * allocating a context for the loop body on every iteration.)
 */
function constantRng(u: number): Rng {
  return { next: () => u };
}

/**
 * Mechanism 7, consolidation: a distressed standalone supplier that holds agreements (cash below
 * `distressCashPeriods` periods of fixed cost) is bought with probability `probabilityPerPeriod`
 * by a group (foreign or Norwegian) chosen with probability proportional to its cash. The group
 * takes over its agreements, capacity, regions and cash (its net assets; the price paid to its owners is not modelled).
 *
 * It reuses the exit draw: exit happens when u < idleExitProbability, acquisition when
 * u >= 1 - probabilityPerPeriod, and the rescaled remainder picks the acquirer, so one uniform per
 * supplier and period serves both and the streams stay aligned across policies.
 */
export function processAcquisitions(state: MarketState, ctx: PhaseContext, draws: Float64Array, t: number): void {
  const s = state.s;
  const { probabilityPerPeriod: p, distressCashPeriods } = ctx.config.suppliers.acquisition;
  if (p <= 0) return;
  const { alive, ownership, contracts, overhead, capacityCost, committed, cash, operating } = s;
  const threshold = 1 - p;
  let groups: GroupCash | null = null;
  for (let k = 0; k < state.operatingCount; k++) {
    const i = operating[k]!;
    const u = draws[i]!;
    if (u < threshold || alive[i] !== 1 || ownership[i] !== Ownership.standalone || contracts[i]! === 0) continue;
    const fixedCost = overhead[i]! + capacityCost[i]! * committed[i]!;
    if (cash[i]! >= distressCashPeriods * fixedCost) continue;
    groups ??= groupCashOf(state);
    if (groups.total <= 0) return;
    const acquirer = groups.index[pickWeighted(constantRng(Math.min(0.999999999, (u - threshold) / p)), groups.cash, groups.total)]!;
    transferSupplier(state, i, acquirer);
    removeSupplier(state, i, ExitCause.acquired, t);
    state.ledger.acquisitions++;
  }
}

/** The groups that can buy, as they stand before the period's first acquisition. */
interface GroupCash {
  /** Supplier index of each operating group with cash, ascending. */
  index: Int32Array;
  /** Its cash, the weight of its pick. */
  cash: Float64Array;
  total: number;
}

/**
 * The operating groups with positive cash. Picking among these, in index order, gives the same
 * acquirer as picking over every supplier index with the others weighted 0: a zero weight never
 * moves the pick.
 */
function groupCashOf(state: MarketState): GroupCash {
  const { alive, ownership, cash, operating } = state.s;
  const index = new Int32Array(state.operatingCount);
  const weight = new Float64Array(state.operatingCount);
  let count = 0;
  let total = 0;
  for (let k = 0; k < state.operatingCount; k++) {
    const j = operating[k]!;
    const isGroup = ownership[j] === Ownership.foreignGroup || ownership[j] === Ownership.norwegianGroup;
    if (alive[j] === 1 && isGroup && cash[j]! > 0) {
      index[count] = j;
      weight[count++] = cash[j]!;
      total += cash[j]!;
    }
  }
  return { index: index.subarray(0, count), cash: weight.subarray(0, count), total };
}

/** Share of active lots whose slot is small enough for a typical entrant (mechanism 3's entry barrier). */
export function accessibleLotShare(state: MarketState, entrantCapacity: number): number {
  let active = 0;
  let open = 0;
  for (let c = 0; c < state.cellLotCount.length; c++) {
    const start = state.cellLotStart[c]!;
    for (let j = 0; j < state.cellLotCount[c]!; j++) {
      active++;
      if (state.lotSlotCapacity[start + j]! <= entrantCapacity) open++;
    }
  }
  return active > 0 ? open / active : 1;
}

/**
 * Mechanism 7, entry: the number of entrants in a period is Poisson with mean
 *
 *   ratePerYear / periodsPerYear x max(0, 1 + profitSensitivity x (mainIncomeMargin - referenceMargin)) x accessibleLotShare
 *
 * so entry responds to the profitability of the market (the mean operating margin of the operating
 * suppliers living mainly on the buyer's measures, the population the reference margin describes,
 * a stand-in for the profit an entrant expects) and to entry barriers (lots too large for a newcomer).
 * Entrants' ownership follows `entry.ownershipShares`; their attributes are drawn like the initial population's.
 * No entry happens once MAX_SUPPLIERS_EVER suppliers have been created in the run (a guard on memory).
 */
export function processEntry(state: MarketState, ctx: PhaseContext, ws: Workspace, rng: Rng, t: number, mainIncomeMargin: number): void {
  const entry = ctx.config.suppliers.entry;
  if (entry.ratePerYear <= 0) return;
  const attractiveness = Math.max(0, 1 + entry.profitSensitivity * (mainIncomeMargin - entry.referenceMargin));
  const mean =
    (entry.ratePerYear / state.periodsPerYear) * attractiveness * accessibleLotShare(state, ctx.entrantCapacity);
  const count = Math.min(poisson(rng, mean), MAX_SUPPLIERS_EVER - state.n);
  const weights = OWNERSHIP_TYPES.map((o) => entry.ownershipShares[o]);
  const total = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < count; k++) {
    // An entrant operates from the next period: its first accounts are settled then.
    addSupplier(state, ws, ctx.config, pickWeighted(rng, weights, total), rng, t + 1);
    state.ledger.entries++;
  }
}
