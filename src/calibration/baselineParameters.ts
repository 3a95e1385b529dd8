import { BASELINE_CONFIG } from '../model/baseline.js';
import type { ConfigInput } from '../model/config.js';
import type { CalibrationParameter } from './calibrate.js';

/**
 * Lots per cell before calibration, per measure type: the relative lot sizes the fit keeps
 * (assumption: group training and job clubs are bought in many small local lots, follow-up and
 * assessment in few large ones). The fitted `lotScale` multiplies all of them.
 */
export const PRIOR_LOTS_PER_CELL: Readonly<Record<string, number>> = { followUp: 2, assessment: 1, rehabilitation: 1, groupTraining: 12, jobClub: 3 };

const own = (values: Partial<Record<'foreignGroup' | 'norwegianGroup' | 'standalone' | 'municipal' | 'nonProfit', object>>): ConfigInput =>
  ({ suppliers: { ownership: values } }) as ConfigInput;

/**
 * The free parameters fitted to {@link BASELINE_TARGETS}, each moving numbers of the built-in
 * baseline (they assume its five measure types and five ownership types). Everything else in the
 * baseline is a fact, derived from facts, or an assumption kept fixed (docs/calibration.md).
 */
export const BASELINE_PARAMETERS: readonly CalibrationParameter[] = [
  {
    name: 'unitCost', lower: 2800, upper: 4200, start: 3400,
    description: 'variable cost per participant-week at full use, NOK, of a standalone company; groups 100 NOK lower, municipal and non-profit 100 higher',
    apply: (v) => own({ foreignGroup: { unitCostMedian: v - 100 }, norwegianGroup: { unitCostMedian: v - 100 }, standalone: { unitCostMedian: v }, municipal: { unitCostMedian: v + 100 }, nonProfit: { unitCostMedian: v + 100 } }),
  },
  { name: 'markupScale', path: 'behaviour.markupScale', lower: 0.1, upper: 2, start: 0.6, description: 'markup over break-even with one bidder (share)' },
  {
    name: 'groupCapacity', lower: 1000, upper: 10000, start: 6000,
    description: 'median capacity of a foreign group, participant-weeks per quarter; a Norwegian group has 5/12 of it',
    apply: (v) => own({ foreignGroup: { capacityMedian: v }, norwegianGroup: { capacityMedian: (v * 5) / 12 } }),
  },
  {
    name: 'lotScale', lower: 0.5, upper: 8, start: 1,
    description: 'lots per cell, as a multiple of PRIOR_LOTS_PER_CELL (rounded to whole lots, at least 1)',
    apply: (v) => ({ market: { measureTypes: BASELINE_CONFIG.market.measureTypes.map((m) => ({ ...m, lotsPerCell: Math.max(1, Math.round((PRIOR_LOTS_PER_CELL[m.name] ?? m.lotsPerCell) * v)) })) } }) as ConfigInput,
  },
  {
    name: 'suppliersPerAgreement', lower: 2, upper: 8, start: 3, integer: true,
    description: "suppliers admitted per lot under today's policy (and in burn-in)",
    apply: (v) => ({ burnInPolicy: { suppliersPerAgreement: v }, policy: { suppliersPerAgreement: v } }) as ConfigInput,
  },
  {
    name: 'capacityCostShare', lower: 0.3, upper: 0.9, start: 0.75,
    description: 'share of the unit cost that is capacity cost, paid on committed capacity whether used or not (all types)',
    apply: (v) => own({ foreignGroup: { capacityCostShare: v }, norwegianGroup: { capacityCostShare: v }, standalone: { capacityCostShare: v }, municipal: { capacityCostShare: v }, nonProfit: { capacityCostShare: v } }),
  },
  {
    name: 'capacityCommitment', lower: 1, upper: 1.6, start: 1.25,
    description: "capacity the buyer contracts per unit of forecast demand under today's policy (and in burn-in)",
    apply: (v) => ({ burnInPolicy: { capacityCommitment: v }, policy: { capacityCommitment: v } }) as ConfigInput,
  },
  { name: 'bidCost', path: 'behaviour.bidCost', lower: 5000, upper: 100000, start: 30000, description: 'cost of writing one bid, NOK' },
  { name: 'initialCount', path: 'suppliers.initialCount', lower: 200, upper: 1500, start: 440, integer: true, description: 'suppliers at the start of burn-in' },
  { name: 'entryRate', path: 'suppliers.entry.ratePerYear', lower: 5, upper: 150, start: 25, description: 'entries per year at the reference margin' },
  {
    name: 'groupShare', lower: 0.005, upper: 0.15, start: 0.07,
    description: 'share of groups in the initial population (weight; 2/7 foreign, 5/7 Norwegian groups; the other types keep their weights)',
    apply: (v) => own({ foreignGroup: { share: (v * 2) / 7 }, norwegianGroup: { share: (v * 5) / 7 } }),
  },
  { name: 'standaloneCapacity', lower: 50, upper: 1500, start: 300, description: 'median capacity of a standalone company, participant-weeks per quarter', apply: (v) => own({ standalone: { capacityMedian: v } }) },
  { name: 'nonProfitCapacity', lower: 50, upper: 1000, start: 150, description: 'median capacity of a non-profit, participant-weeks per quarter', apply: (v) => own({ nonProfit: { capacityMedian: v } }) },
];
