import type { Config } from '../model/config.js';
import { OWNERSHIP_TYPES, SIZE_CLASSES, type SizeClass } from '../model/enums.js';
import type { SupplierLife } from '../model/result.js';
import { EXIT_CAUSES } from './codes.js';
import { sizeClassOf } from './observe.js';
import type { MarketState } from './state.js';

/**
 * What a run notes about its suppliers when histories are asked for: who operated at the policy's
 * start, their size then, who of them the small-supplier cohort follows, their bid and win counts then (to count the horizon's alone), and each
 * one's size class at every year's end. Nothing here is read by a mechanism, so a run with
 * histories gives the same numbers as one without.
 */
export interface LifeRecorder {
  readonly policyStart: number;
  readonly startCount: number;
  readonly atStart: Uint8Array;
  readonly sizeAtStart: Int8Array;
  /** 1 for the suppliers the small-supplier cohort follows (as `markCohorts` chose them). */
  readonly smallCohort: Uint8Array;
  readonly bidsAtStart: Int32Array;
  readonly winsAtStart: Int32Array;
  /** Per supplier, its size class codes at each horizon year's end while operating. */
  readonly sizeByYear: number[][];
}

/** Notes the suppliers as the policy starts (before period `policyStart`), after the cohorts are marked. */
export function startLives(state: MarketState, config: Config, policyStart: number): LifeRecorder {
  const n = state.n;
  const s = state.s;
  const atStart = new Uint8Array(n);
  const sizeAtStart = new Int8Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (s.alive[i] !== 1) continue;
    atStart[i] = 1;
    sizeAtStart[i] = sizeClassOf(state, i, policyStart - 1, config);
  }
  return { policyStart, startCount: n, atStart, sizeAtStart, smallCohort: s.cohortSmall.slice(0, n), bidsAtStart: s.tendersBid.slice(0, n), winsAtStart: s.placesWon.slice(0, n), sizeByYear: [] };
}

/** At the end of horizon period t: on a year's last period, notes every operating supplier's size class. */
export function recordLivesPeriod(rec: LifeRecorder, state: MarketState, config: Config, t: number): void {
  const P = state.periodsPerYear;
  if ((t - rec.policyStart + 1) % P !== 0) return;
  for (let i = 0; i < state.n; i++) {
    if (state.s.alive[i] !== 1) continue;
    (rec.sizeByYear[i] ??= []).push(sizeClassOf(state, i, t, config));
  }
}

/** Every supplier's life over the horizon of `horizonPeriods` periods (see `SupplierLife`). */
export function finishLives(rec: LifeRecorder, state: MarketState, horizonPeriods: number): SupplierLife[] {
  const s = state.s;
  const lives: SupplierLife[] = [];
  for (let i = 0; i < state.n; i++) {
    const before = i < rec.startCount;
    const atStart = before && rec.atStart[i] === 1;
    if (before && !atStart) continue; // left during burn-in
    const entryPeriod = s.entryPeriod[i]! - rec.policyStart;
    // An entrant of the last period's end begins operating after the horizon.
    if (!atStart && entryPeriod >= horizonPeriods) continue;
    const exited = s.alive[i] !== 1;
    const exitPeriod = exited ? s.exitPeriod[i]! - rec.policyStart : null;
    const from = Math.max(0, entryPeriod);
    const sizeCode = atStart ? rec.sizeAtStart[i]! : -1;
    lives.push({
      id: i,
      ownership: OWNERSHIP_TYPES[s.ownership[i]!]!,
      entryPeriod,
      atStart,
      sizeAtStart: sizeCode >= 0 ? SIZE_CLASSES[sizeCode]! : null,
      smallCohort: atStart && rec.smallCohort[i] === 1,
      sizeByYear: (rec.sizeByYear[i] ?? []).map((c): SizeClass => SIZE_CLASSES[c]!),
      tendersBid: s.tendersBid[i]! - (before ? rec.bidsAtStart[i]! : 0),
      placesWon: s.placesWon[i]! - (before ? rec.winsAtStart[i]! : 0),
      exitPeriod,
      exitCause: exited ? EXIT_CAUSES[s.exitCause[i]! - 1]! : null,
      censored: !exited,
      periodsObserved: (exited ? exitPeriod! + 1 : horizonPeriods) - from,
    });
  }
  return lives;
}
