/**
 * Where each effect size comes from, in one place. An effect size is a number that says how much a
 * policy or a measure changes something the model does not derive itself (a quality gain, a work
 * rate gain, the value of a job); the model takes it as given. Comparisons use this list to tell a
 * change the model produces from one it was told to produce ({@link policyInputs}).
 * @packageDocumentation
 */
import type { OutcomeMetric } from './metrics.js';

/**
 * Where a number comes from: `fact` (a figure of shared/domain/facts.md), `derived` (computed from
 * facts), `calibrated` (fitted to the calibration targets), `assumption` (a modelling choice).
 */
export type Provenance = 'fact' | 'derived' | 'calibrated' | 'assumption';

/** The soft chapter-5 levers: policy intensities 0-1 whose effects are given as sizes, not modelled. */
export const LEVERS = ['innovativeProcurement', 'coCreation', 'crossSectorCollaboration', 'employerInsight', 'dataSharing'] as const;
/** One of {@link LEVERS}. */
export type Lever = (typeof LEVERS)[number];

/**
 * Which outcomes an effect size can move:
 * - `transitions`: only the transitions to work and their value (it acts on the work rate after a
 *   measure, which no supplier decision reads while payment does not depend on results);
 * - `transitionValue`: only the value of the transitions (and the net benefit, which counts it);
 * - `netBenefit`: only the net benefit;
 * - `all`: everything, because it acts on quality, costs or bids and so on competition.
 */
export type Reach = 'transitions' | 'transitionValue' | 'netBenefit' | 'all';

/**
 * The policy setting that switches an effect size on: a soft lever's intensity, or the share of
 * the price paid by results (outcome payment's steering acts in proportion to it).
 */
export type Gate = Lever | 'outcomePaymentShare';

/** One effect size: its config path, provenance, source and reach. */
export interface EffectSize {
  /** Dotted path in the config, e.g. `effects.dataSharing.workRateGain`. */
  readonly path: string;
  /** The policy setting whose value scales it (its effect is that value x size), or null if it always acts. */
  readonly lever: Gate | null;
  readonly provenance: Provenance;
  /** Where the default comes from, in a few words (docs/model.md gives the full story). */
  readonly source: string;
  readonly reach: Reach;
}

const TRANSITION_METRICS: readonly OutcomeMetric[] = ['transitionsPerYear', 'additionalTransitionsPerYear', 'transitionValuePerYear', 'netBenefitPerYear'];

/**
 * The outcomes an effect size of this reach can move. A reach of `transitions` widens to every
 * outcome when either side pays for results (`policy.outcomePaymentShare` above 0): then the work
 * rate is part of suppliers' revenue and so of their bids and survival.
 * @example reachedOutcomes('transitions', false) // ['transitionsPerYear', 'additionalTransitionsPerYear', 'transitionValuePerYear']
 */
export function reachedOutcomes(reach: Reach, paysForResults: boolean): readonly OutcomeMetric[] | 'all' {
  if (reach === 'all' || (reach === 'transitions' && paysForResults)) return 'all';
  if (reach === 'transitions') return TRANSITION_METRICS;
  return reach === 'transitionValue' ? ['transitionValuePerYear', 'netBenefitPerYear'] : ['netBenefitPerYear'];
}

/**
 * Every effect size of the config, with where it comes from. docs/model.md (section 5) states the
 * same provenance in its source column; a test keeps the two in step.
 */
export const EFFECT_SIZES: readonly EffectSize[] = [
  { path: 'effects.innovativeProcurement.qualityGain', lever: 'innovativeProcurement', provenance: 'assumption', source: 'no study measures it; kept well below the 10-point IPS gap', reach: 'all' },
  { path: 'effects.innovativeProcurement.bidCostIncrease', lever: 'innovativeProcurement', provenance: 'assumption', source: 'dialogue and pilots make bids costlier; size not measured', reach: 'all' },
  { path: 'effects.coCreation.learningRateGain', lever: 'coCreation', provenance: 'assumption', source: 'no study measures it', reach: 'all' },
  { path: 'effects.coCreation.qualityGain', lever: 'coCreation', provenance: 'assumption', source: 'no study measures it', reach: 'all' },
  { path: 'effects.crossSectorCollaboration.workRateGain', lever: 'crossSectorCollaboration', provenance: 'assumption', source: 'no study measures it; below the +4.5 pp average effect of a measure', reach: 'transitions' },
  { path: 'effects.employerInsight.workRateGain', lever: 'employerInsight', provenance: 'assumption', source: 'no study measures it; below the +4.5 pp average effect of a measure', reach: 'transitions' },
  { path: 'effects.dataSharing.variableCostReduction', lever: 'dataSharing', provenance: 'assumption', source: 'no study measures it', reach: 'all' },
  { path: 'effects.dataSharing.workRateGain', lever: 'dataSharing', provenance: 'assumption', source: 'no study measures it; below the +4.5 pp average effect of a measure', reach: 'transitions' },
  { path: 'effects.outcomePayment.qualityResponse', lever: 'outcomePaymentShare', provenance: 'assumption', source: 'centred on no effect, as Norway\u2019s Refino trial found; the spread is assumed', reach: 'all' },
  { path: 'behaviour.outcomePaymentRisk', lever: 'outcomePaymentShare', provenance: 'assumption', source: 'how risky suppliers find pay by results; not measured', reach: 'all' },
  { path: 'outcomes.qualityEffectOnWorkRate', lever: null, provenance: 'derived', source: 'IPS trial, 37 % vs 27 % in work (facts.md), mapped to half the quality range', reach: 'transitions' },
  { path: 'outcomes.referenceQuality', lever: null, provenance: 'assumption', source: 'the middle of the quality range', reach: 'transitions' },
  { path: 'outcomes.measureEffect', lever: null, provenance: 'fact', source: '+4.5 pp, meta-analysis of 200+ studies (Card, Kluve and Weber 2018)', reach: 'transitions' },
  { path: 'outcomes.valuePerTransition', lever: null, provenance: 'assumption', source: 'a range whose top is the report\u2019s "up to about 900 000 NOK" per person (Steen et al. 2012)', reach: 'transitionValue' },
  { path: 'outcomes.marginalCostOfPublicFunds', lever: null, provenance: 'fact', source: '0.20 NOK per NOK of public spending (facts.md)', reach: 'netBenefit' },
];
