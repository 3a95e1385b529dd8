import { BASELINE_CONFIG } from '../model/baseline.js';
import type { ConfigInput } from '../model/config.js';
import type { CalibrationParameter } from './calibrate.js';

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
    description: 'full cost per participant-week at full use (unitCostMedian), NOK, of a standalone company; groups 100 NOK lower, municipal and non-profit 100 higher',
    apply: (v) => own({ foreignGroup: { unitCostMedian: v - 100 }, norwegianGroup: { unitCostMedian: v - 100 }, standalone: { unitCostMedian: v }, municipal: { unitCostMedian: v + 100 }, nonProfit: { unitCostMedian: v + 100 } }),
  },
  { name: 'riskAversion', path: 'behaviour.riskAversion', lower: 0, upper: 3, start: 1, description: 'weight of the risk premium in bids, a multiplier without unit (0 = risk-neutral)' },
  { name: 'markupScale', path: 'behaviour.markupScale', lower: 0.1, upper: 2, start: 0.6, description: 'markup over break-even with one bidder (share)' },
  {
    name: 'groupCapacity', lower: 1000, upper: 10000, start: 6000,
    description: 'median capacity of a foreign group, participant-weeks per quarter; a Norwegian group has 3/5 of it',
    apply: (v) => own({ foreignGroup: { capacityMedian: v }, norwegianGroup: { capacityMedian: (v * 3) / 5 } }),
  },
  {
    name: 'lotDemand', lower: 200, upper: 3000, start: 550,
    description: 'demand per lot (service area) in a region of average weight, participant-weeks per quarter, the same for every measure type: lotsPerCell (lots per tender) = round(demandPerPeriod / (regions x lotDemand)), at least 1',
    apply: (v) => ({
      market: {
        measureTypes: BASELINE_CONFIG.market.measureTypes.map((m) => ({
          ...m,
          lotsPerCell: Math.max(1, Math.round(m.demandPerPeriod / (BASELINE_CONFIG.market.regions.length * v))),
        })),
      },
    }) as ConfigInput,
  },
  {
    name: 'suppliersPerAgreement', lower: 2, upper: 8, start: 3, integer: true,
    description: "suppliers admitted per lot under today's policy (and in burn-in), suppliers per lot",
    apply: (v) => ({ burnInPolicy: { suppliersPerAgreement: v }, policy: { suppliersPerAgreement: v } }) as ConfigInput,
  },
  { name: 'entryRate', path: 'suppliers.entry.ratePerYear', lower: 5, upper: 150, start: 60, description: 'entries at the reference margin, suppliers per year' },
  {
    name: 'groupShare', lower: 0.005, upper: 0.15, start: 0.022,
    description: 'share of groups in the initial population (a weight without unit; 2/7 foreign, 5/7 Norwegian groups; the other types keep their weights), and of Norwegian groups among entrants (5/7 of it; foreign groups do not enter)',
    apply: (v) => ({
      suppliers: {
        ownership: { foreignGroup: { share: (v * 2) / 7 }, norwegianGroup: { share: (v * 5) / 7 } },
        entry: { ownershipShares: { norwegianGroup: (v * 5) / 7 } },
      },
    }) as ConfigInput,
  },
  { name: 'standaloneCapacity', lower: 50, upper: 1500, start: 170, description: 'median capacity of a standalone company, participant-weeks per quarter', apply: (v) => own({ standalone: { capacityMedian: v } }) },
  { name: 'nonProfitCapacity', lower: 50, upper: 1000, start: 120, description: 'median capacity of a non-profit, participant-weeks per quarter', apply: (v) => own({ nonProfit: { capacityMedian: v } }) },
];
