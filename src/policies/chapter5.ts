import { TODAY_POLICY } from '../model/baseline.js';
import type { Policy } from '../model/config.js';

/** A named procurement policy: one of the report's chapter-5 proposals, or a combination. */
export interface NamedPolicy {
  /** Short name used in code and on the command line. */
  readonly name: string;
  /** The chapter-5 proposal it stands for (1-8), or null for policies outside the list. */
  readonly proposal: number | null;
  /** One line for tables. */
  readonly title: string;
  /** What the proposal says and how the model represents it. */
  readonly description: string;
  /** The policy parameters it changes from today's policy (everything else stays as today). */
  readonly changes: Readonly<Partial<Omit<Policy, 'name'>>>;
  /** Which numbers are assumptions, in plain words. */
  readonly assumptions: string;
}

const policies: readonly NamedPolicy[] = [
  {
    name: 'innovativeProcurement',
    proposal: 1,
    title: 'More innovative procurement',
    description:
      'Specify the need and the result rather than the solution, with supplier dialogue and room for pilots. Modelled as the innovativeProcurement lever at full intensity: target quality rises by effects.innovativeProcurement.qualityGain and bids cost more to prepare (effects.innovativeProcurement.bidCostIncrease).',
    changes: { innovativeProcurement: 1 },
    assumptions: 'assumption: the size of the quality gain (0.05 on a 0-1 scale) and the extra bid cost (+50 %).',
  },
  {
    name: 'coCreation',
    proposal: 2,
    title: 'Real co-creation and relational welfare',
    description: 'Buyer and providers develop services together. Modelled as faster competence building and a small quality gain.',
    changes: { coCreation: 1 },
    assumptions: 'assumption: learning 50 % faster and +0.02 quality.',
  },
  {
    name: 'crossSectorCollaboration',
    proposal: 3,
    title: 'More cross-sector collaboration',
    description: 'Health services, NAV and providers build holistic offers. Modelled as a higher work rate after a measure.',
    changes: { crossSectorCollaboration: 1 },
    assumptions:
      'assumption: a work-rate gain drawn in each run from 0 to +2.25 percentage points (uniform); the three work-rate levers\u2019 tops add up to the meta-analytic average effect of a measure, +4.5 points (fact).',
  },
  {
    name: 'employerInsight',
    proposal: 4,
    title: 'More insight into inclusive employers',
    description: 'Learn why some ordinary firms include people on their own initiative, to bring more employers in. Modelled as a higher work rate.',
    changes: { employerInsight: 1 },
    assumptions: 'assumption: a work-rate gain drawn in each run from 0 to +1.125 percentage points (uniform; tops bounded as for crossSectorCollaboration).',
  },
  {
    name: 'dataSharing',
    proposal: 5,
    title: 'More sharing of information and data',
    description: 'Providers need not re-collect what NAV knows about participants. Modelled as lower intake (variable) cost and better matching.',
    changes: { dataSharing: 1 },
    assumptions: 'assumption: variable cost -5 %, and a work-rate gain drawn in each run from 0 to +1.125 percentage points (uniform; tops bounded as for crossSectorCollaboration).',
  },
  {
    name: 'longerAgreements',
    proposal: 6,
    title: 'Longer framework agreements',
    description: 'Longer agreements to build competent teams: 5 years with an option of 2, instead of 3 + 1.',
    changes: { baseTermYears: 5, optionYears: 2 },
    assumptions: 'assumption: the lengths (the report asks for longer agreements without a number).',
  },
  {
    name: 'riskSharing',
    proposal: 7,
    title: 'Risk sharing: a minimum-volume guarantee',
    description: 'The buyer commits to a minimum level of use: it pays for at least 60 % of each supplier’s committed capacity (three quarters of the volume it tendered, at today’s 25 % capacity margin).',
    changes: { minimumVolumeShare: 0.6 },
    assumptions: 'assumption: the guaranteed share (the report names the instrument, not its level). Under equal shares it pays only when demand falls well below the forecast.',
  },
  {
    name: 'smallerContracts',
    proposal: 8,
    title: 'More, smaller contracts',
    description:
      'Twice as many lots, each half as large, so that a breadth of providers can take part. Each lot keeps its 4 parallel suppliers, so the buyer makes twice as many agreement places; in the model that is what helps small suppliers (with lots half as large but the same number of places, policy.suppliersPerAgreement 2, small-supplier survival falls instead: docs/validation.md).',
    changes: { lotSplit: 2 },
    assumptions: 'assumption: the factor 2, and that each smaller lot keeps as many parallel suppliers as a large one (twice the places).',
  },
  {
    name: 'lowerPriceWeight',
    proposal: null,
    title: 'Less weight on price',
    description: 'Price weight 0.4 instead of 0.7 in the award (the report criticises high price weighting, chapter 4).',
    changes: { priceWeight: 0.4 },
    assumptions: 'assumption: both weights (today’s 0.7 stands for "high").',
  },
];

const combined: NamedPolicy = {
  name: 'allOfChapter5',
  proposal: null,
  title: 'All of chapter 5',
  description: 'Every proposal above at once, with less weight on price.',
  changes: Object.assign({}, ...policies.map((p) => p.changes)) as Partial<Omit<Policy, 'name'>>,
  assumptions: 'the assumptions of each part; their effects are not assumed to add up, the model combines them.',
};

const outcomeBased: NamedPolicy = {
  name: 'outcomeBasedPayment',
  proposal: null,
  title: 'Outcome-based payment',
  description:
    'Part of the price (30 %) is paid in proportion to the supplier\u2019s transition rate relative to the expected rate (policy.outcomePaymentShare), on agreements tendered under the policy. It changes quality only through what it pays for: suppliers price its risk into their bids (behaviour.outcomePaymentRisk), better suppliers are paid more and worse ones less, which moves their margins and so their quality spending, and a supplier may steer its methods towards the paid result in proportion to the share of its receipts that pays for results (effects.outcomePayment.qualityResponse). Not among the eight proposals, nor in allOfChapter5; the report\u2019s proposal 1 asks to specify the result, not to pay by it.',
  changes: { outcomePaymentShare: 0.3 },
  assumptions:
    'assumption: the 30 % share. The quality response to being paid for results is centred on no effect, because Norway\u2019s trial of results-based financing of follow-up services (Refino, 2018-2022) measured no effect on employment.',
};

/**
 * Every named policy: the eight chapter-5 proposals, lower price weight, all of them combined,
 * and outcome-based payment (not part of the combination).
 */
export const NAMED_POLICIES: readonly NamedPolicy[] = [...policies, combined, outcomeBased];

/** Every named policy, in the order of NAMED_POLICIES (the same list). */
export function listPolicies(): readonly NamedPolicy[] {
  return NAMED_POLICIES;
}

/**
 * The full policy of a named proposal: today's policy with its changes, named after it.
 * @throws {RangeError} for an unknown name, listing the known ones.
 * @example namedPolicy('riskSharing').minimumVolumeShare // 0.6
 */
export function namedPolicy(name: string): Policy {
  const found = NAMED_POLICIES.find((p) => p.name === name);
  if (found === undefined) {
    throw new RangeError(`no policy is named "${name}"; known policies: ${NAMED_POLICIES.map((p) => p.name).join(', ')}`);
  }
  return { ...TODAY_POLICY, ...found.changes, name: found.name };
}
