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
  { name: 'riskAversion', path: 'behaviour.riskAversion', lower: 0, upper: 3, start: 0.5, description: 'weight of the risk premium in bids, a multiplier without unit (0 = risk-neutral)' },
  { name: 'entryRate', path: 'suppliers.entry.ratePerYear', lower: 5, upper: 150, start: 60, description: 'entries at the reference margin, suppliers per year' },
  {
    name: 'groupShare', lower: 0.005, upper: 0.15, start: 0.022,
    description: 'share of groups in the initial population and among entrants (a weight without unit; 2/7 foreign, 5/7 Norwegian groups; the other types keep their weights)',
    apply: (v) => ({
      suppliers: {
        ownership: { foreignGroup: { share: (v * 2) / 7 }, norwegianGroup: { share: (v * 5) / 7 } },
        entry: { ownershipShares: { foreignGroup: (v * 2) / 7, norwegianGroup: (v * 5) / 7 } },
      },
    }) as ConfigInput,
  },
  { name: 'standaloneCapacity', lower: 50, upper: 1500, start: 170, description: 'median capacity of a standalone company, participant-weeks per quarter', apply: (v) => own({ standalone: { capacityMedian: v } }) },
  {
    name: 'growthPerTender', path: 'behaviour.growthPerTender', lower: 0, upper: 1.5, start: 0.3,
    description: 'how far a supplier can grow at once to take a place, a share of its current capacity (0 = only what it has)',
  },
  { name: 'nonProfitCapacity', lower: 50, upper: 1000, start: 120, description: 'median capacity of a non-profit, participant-weeks per quarter', apply: (v) => own({ nonProfit: { capacityMedian: v } }) },
];
