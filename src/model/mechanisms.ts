/**
 * The model's named mechanisms, each with a world in which it is switched off. {@link explain}
 * (experiment/explain.ts) reruns a policy in each such world to show which mechanisms carry its
 * effect: switch the mechanism off, and the part of the effect it carried goes.
 * @packageDocumentation
 */
import type { ConfigInput } from './config.js';

/** A mechanism of the model and how to switch it off. */
export interface Mechanism {
  /** Short name, used in results. */
  readonly name: string;
  /** What the mechanism does, in one line (numbers refer to the brief's mechanisms, docs/model.md section 3). */
  readonly title: string;
  /** The partial config that switches it off, merged over the world (for both today's policy and the policy explained). */
  readonly off: ConfigInput;
  /** What switching it off means, in words. */
  readonly offMeans: string;
}

/**
 * The mechanisms {@link explain} switches off, one at a time. Each switch removes one channel and
 * keeps the rest of the world; every switch but the quality one also changes the burned-in market
 * (a world without priced risk or without entry has another size and shape), so a policy's effect
 * with a mechanism off is its effect in that other market.
 */
export const MECHANISMS: readonly Mechanism[] = [
  {
    name: 'pricedRisk',
    title: '1-2: no purchase obligation; utilisation risk is priced, and small suppliers cannot spread it',
    off: { behaviour: { riskAversion: 0 } },
    offMeans: 'risk-neutral bidders (behaviour.riskAversion 0): no premium for utilisation risk, whoever bears it',
  },
  {
    name: 'lotSize',
    title: '3: large lots exclude suppliers too small to hold a place',
    off: { behaviour: { growthPerTender: 10 } },
    offMeans: 'any supplier can grow to take any place (behaviour.growthPerTender 10)',
  },
  {
    name: 'priceCompetition',
    title: '4: price weight drives markups and margins down',
    off: { behaviour: { markupScale: 0 } },
    offMeans: 'no markup against competition (behaviour.markupScale 0): bids at cost plus risk, whatever the price weight',
  },
  {
    name: 'competenceLoss',
    title: '5: re-tenders break staff and competence',
    off: { behaviour: { competenceLossOnShedding: 0, competenceDecayRate: 0 } },
    offMeans: 'no competence lost when staff are shed or capacity stands idle',
  },
  {
    name: 'acquisitions',
    title: '7: consolidation through acquisitions by groups',
    off: { suppliers: { acquisition: { probabilityPerPeriod: 0 } } },
    offMeans: 'groups acquire no one (suppliers.acquisition.probabilityPerPeriod 0)',
  },
  {
    name: 'entry',
    title: '7: entry that responds to margins',
    off: { suppliers: { entry: { ratePerYear: 0 } } },
    offMeans: 'no entry (suppliers.entry.ratePerYear 0)',
  },
  {
    name: 'qualityScoring',
    title: '8: the buyer’s quality scoring shapes quality and who wins',
    off: { behaviour: { qualityWeights: { scoring: 0 }, qualityEvaluationNoise: 1 } },
    offMeans: 'no quality incentive from scoring, and quality scores that are pure noise',
  },
];
