import { compare } from '../../src/experiment/compare.js';
import { mergeOver } from '../../src/model/decode.js';
import type { ConfigInput } from '../../src/model/config.js';
import type { OutcomeMetric } from '../../src/model/metrics.js';

/**
 * One mechanism shown in isolation (docs/validation.md): a change made in the baseline world, the
 * outcome it should move and in which direction; optionally a world in which the mechanism that
 * carries the effect is switched off, where the effect should (nearly) go.
 */
export interface MechanismCheck {
  readonly mechanism: string;
  readonly claim: string;
  /** The change, as a partial config merged over the world. */
  readonly change: ConfigInput;
  readonly metric: OutcomeMetric;
  readonly direction: 'up' | 'down';
  /** The same world with the carrying mechanism switched off, and what that means in words. */
  readonly off?: { readonly world: ConfigInput; readonly what: string };
}

export const MECHANISM_CHECKS: readonly MechanismCheck[] = [
  {
    mechanism: '3: large lots exclude small suppliers',
    claim: 'lots twice as large leave fewer suppliers holding agreements',
    change: { policy: { lotSplit: 0.5 }, burnInPolicy: { lotSplit: 0.5 } },
    metric: 'tenderedSuppliers',
    direction: 'down',
    off: { world: { behaviour: { growthPerTender: 10 } }, what: 'any supplier can grow to take any place (growthPerTender 10)' },
  },
  {
    mechanism: '3: large lots exclude small suppliers',
    claim: 'smaller contracts (lots half as large) keep more small suppliers alive',
    change: { policy: { lotSplit: 2 } },
    metric: 'smallCohortSurvival',
    direction: 'up',
    off: { world: { behaviour: { growthPerTender: 10 } }, what: 'any supplier can grow to take any place (growthPerTender 10)' },
  },
  {
    mechanism: '4: price weight drives prices and margins down',
    claim: 'more weight on price (0.9 instead of 0.7) lowers the price per participant-week',
    change: { policy: { priceWeight: 0.9 } },
    metric: 'costPerParticipantWeek',
    direction: 'down',
    off: { world: { behaviour: { markupScale: 0 } }, what: 'no markup against competition (markupScale 0)' },
  },
  {
    mechanism: '4: price weight drives prices and margins down',
    claim: 'more weight on price lowers the margin of main-income providers',
    change: { policy: { priceWeight: 0.9 } },
    metric: 'mainIncomeMargin',
    direction: 'down',
  },
  {
    mechanism: '4: price weight drives prices and margins down',
    claim: 'more weight on price lowers the margin of the providers main-income at policy start',
    change: { policy: { priceWeight: 0.9 } },
    metric: 'mainIncomeCohortMargin',
    direction: 'down',
  },
  {
    mechanism: '5: re-tenders break competence',
    claim: 'longer agreements (5 + 2 years) raise quality',
    change: { policy: { baseTermYears: 5, optionYears: 2 } },
    metric: 'meanQuality',
    direction: 'up',
    off: { world: { behaviour: { competenceLossOnShedding: 0, competenceDecayRate: 0 } }, what: 'no competence lost on shedding staff or when idle' },
  },
  {
    mechanism: '6: a guarantee cuts the downside at a cost to the buyer',
    claim: 'a 90 % guarantee (above expected use) lowers the price per participant-week',
    change: { policy: { minimumVolumeShare: 0.9 } },
    metric: 'costPerParticipantWeek',
    direction: 'down',
    off: { world: { behaviour: { riskAversion: 0 } }, what: 'risk-neutral bidders (riskAversion 0)' },
  },
  {
    mechanism: '6: a guarantee cuts the downside at a cost to the buyer',
    claim: 'a 90 % guarantee makes the buyer pay for unused capacity',
    change: { policy: { minimumVolumeShare: 0.9 } },
    metric: 'guaranteePaymentsPerYear',
    direction: 'up',
  },
  {
    mechanism: '7: consolidation through acquisitions',
    claim: 'without acquisitions by groups, the top-15 share is lower',
    change: { suppliers: { acquisition: { probabilityPerPeriod: 0 } } },
    metric: 'top15Share',
    direction: 'down',
  },
  {
    mechanism: '8: the buyer\u2019s scoring shapes quality',
    claim: 'less weight on price (0.4) raises quality delivered',
    change: { policy: { priceWeight: 0.4 } },
    metric: 'meanQuality',
    direction: 'up',
    off: { world: { behaviour: { qualityWeights: { scoring: 0 }, qualityEvaluationNoise: 1 } }, what: 'no quality incentive from scoring, and quality scores that are pure noise' },
  },
];

/** A paired change with its 95 % interval. */
export interface CheckResult {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
}

/** Runs a check in `world` (the baseline, or the baseline with the mechanism off): the paired change of its metric. */
export async function runCheck(check: MechanismCheck, world: ConfigInput, runs: number, seed: string, horizonYears?: number): Promise<CheckResult> {
  const base = horizonYears === undefined ? world : (mergeOver(world, { run: { horizonYears } }) as ConfigInput);
  const r = await compare(base, { change: mergeOver(base, check.change) as ConfigInput }, { runs, seed, series: false });
  const d = r.differences['change']![check.metric];
  return { mean: d.mean, lower: d.lower, upper: d.upper };
}
