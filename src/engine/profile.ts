/**
 * The make-up of a market at one moment (a {@link MarketProfile}): who operates, by size,
 * ownership and dependence on the buyer, and who is too small for the buyer's lots. Reads the
 * state; changes nothing, draws nothing.
 * @packageDocumentation
 */
import type { Config } from '../model/config.js';
import { OWNERSHIP_TYPES, SIZE_CLASSES } from '../model/enums.js';
import type { ClassCount, MarketProfile } from '../model/profile.js';
import { quantileSorted } from '../metrics/quantile.js';
import { safeDivide } from '../metrics/safeDivide.js';
import { SizeCode, SMALL_SHARE_PAYMENTS_BELOW } from './codes.js';
import { lotSizes, reachOf } from './lotReach.js';
import { inSmallCohort, livesMainlyOnBuyer, receiptsInLastYear, sizeClassOf } from './observe.js';
import type { MarketState } from './state.js';

/** Dependence class codes: index into the order of `DependenceClasses`. */
const Dependence = { mainIncome: 0, smallShareOfRevenue: 1, largeButNotDependent: 2 } as const;

/**
 * The buyer's dependence class of operating supplier i at the end of period t: main income (the
 * buyer's payments over 40 % of the year's revenue, as the main-income cohort is chosen), else the
 * report's "small share of revenue" when those payments are under 25 MNOK a year, else neither.
 */
function dependenceOf(state: MarketState, i: number, t: number): number {
  if (livesMainlyOnBuyer(state, i, t)) return Dependence.mainIncome;
  // A year's payments, annualised for a supplier with less than a year in the market.
  const paid = receiptsInLastYear(state, i, t);
  const P = state.periodsPerYear;
  const history = Math.max(1, Math.min(P, t - state.s.entryPeriod[i]! + 1));
  return (paid * P) / history < SMALL_SHARE_PAYMENTS_BELOW ? Dependence.smallShareOfRevenue : Dependence.largeButNotDependent;
}

/** Tallies of operating suppliers and those on agreements, by class code. */
class Tally {
  readonly operating: number[];
  readonly onAgreements: number[];
  constructor(classes: number) {
    this.operating = new Array<number>(classes).fill(0);
    this.onAgreements = new Array<number>(classes).fill(0);
  }
  add(code: number, onAgreement: boolean): void {
    this.operating[code]!++;
    if (onAgreement) this.onAgreements[code]!++;
  }
  count(code: number, operating: number, onAgreements: number): ClassCount {
    return {
      operating: this.operating[code]!,
      onAgreements: this.onAgreements[code]!,
      shareOfOperating: safeDivide(this.operating[code]!, operating),
      shareOfOnAgreements: safeDivide(this.onAgreements[code]!, onAgreements),
    };
  }
}

/**
 * The profile of the market at the end of period t (the last period run).
 * @example profileOf(snapshot.state, snapshot.config, snapshot.state.period - 1).bySize.small.shareOfOperating
 */
export function profileOf(state: MarketState, config: Config, t: number): MarketProfile {
  const s = state.s;
  const { places, lots } = lotSizes(state);
  const medianPlace = quantileSorted(places, 0.5);
  const medianLot = quantileSorted(lots, 0.5);
  const bySize = new Tally(SIZE_CLASSES.length);
  const byOwnership = new Tally(OWNERSHIP_TYPES.length);
  const byDependence = new Tally(3);
  let operating = 0;
  let onAgreements = 0;
  let tooSmallForPlace = 0;
  let tooSmallForLot = 0;
  let smallTooSmallForLot = 0;
  const cohort = new Tally(2);
  for (let i = 0; i < state.n; i++) {
    if (s.alive[i] !== 1) continue;
    const holds = s.contracts[i]! > 0;
    const size = sizeClassOf(state, i, t, config);
    operating++;
    if (holds) onAgreements++;
    bySize.add(size, holds);
    byOwnership.add(s.ownership[i]!, holds);
    byDependence.add(dependenceOf(state, i, t), holds);
    cohort.add(inSmallCohort(state, config, i, t, medianLot) ? 1 : 0, holds);
    const reach = reachOf(state, config, i);
    if (reach < medianPlace) tooSmallForPlace++;
    if (reach < medianLot) {
      tooSmallForLot++;
      if (size === SizeCode.small) smallTooSmallForLot++;
    }
  }
  const count = (tally: Tally, code: number) => tally.count(code, operating, onAgreements);
  return {
    period: t,
    operating,
    onAgreements,
    bySize: { small: count(bySize, SizeCode.small), medium: count(bySize, SizeCode.medium), large: count(bySize, SizeCode.large) },
    byOwnership: Object.fromEntries(OWNERSHIP_TYPES.map((name, k) => [name, count(byOwnership, k)])) as MarketProfile['byOwnership'],
    smallCohort: count(cohort, 1),
    byDependence: {
      mainIncome: count(byDependence, Dependence.mainIncome),
      smallShareOfRevenue: count(byDependence, Dependence.smallShareOfRevenue),
      largeButNotDependent: count(byDependence, Dependence.largeButNotDependent),
    },
    lotReach: {
      medianPlace,
      medianLot,
      tooSmallForPlace: safeDivide(tooSmallForPlace, operating),
      tooSmallForLot: safeDivide(tooSmallForLot, operating),
      smallTooSmallForLot: safeDivide(smallTooSmallForLot, bySize.operating[SizeCode.small]!),
    },
  };
}
