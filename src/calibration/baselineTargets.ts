import type { OutcomeMetric } from '../model/metrics.js';
import type { CalibrationTarget, DerivedMoment } from './calibrate.js';

/** Entries minus exits per year: 0 when the market neither grows nor shrinks over the horizon. */
export const NET_ENTRY_PER_YEAR: DerivedMoment = {
  name: 'netEntryPerYear',
  of: (o: Readonly<Record<OutcomeMetric, number>>) => o.entriesPerYear - o.exitsPerYear,
};

/**
 * What the built-in Norwegian baseline is fitted to, under today's policy after burn-in
 * (shared/domain/model-brief.md, "What calibrated means here"; figures from shared/domain/facts.md).
 * Each tolerance is the distance that counts as one unit of misfit, and the distance within which
 * the shipped baseline must meet the target (tests/calibration/baseline.test.ts; docs/calibration.md).
 */
export const BASELINE_TARGETS: readonly CalibrationTarget[] = [
  { metric: 'tenderedSuppliers', value: 400, tolerance: 40, source: 'about 400 external suppliers on tendered NAV agreements (406 counted, 2022)' },
  { metric: 'top15Share', value: 0.54, tolerance: 0.04, source: '54 % of tendered funds to the 15 largest suppliers (2018)' },
  { metric: 'mainIncomeMargin', value: 0.07, tolerance: 0.015, source: 'average operating margin 7 % of providers with NAV measures as main income (2013-2017)' },
  { metric: 'costPerParticipantWeek', range: [3500, 5000], tolerance: 150, source: 'one measure-week costs NAV 3 500-5 000 NOK (2023)' },
  { metric: 'buyerCostPerYear', value: 2.4e9, tolerance: 0.15e9, source: 'about half of 4.8 bn NOK paid to providers went to tendered ones (2018)' },
  { metric: 'nonProfitPaymentShare', range: [0.03, 0.04], tolerance: 0.01, source: 'non-profit providers got 3-4 % of payments (2013-2018)' },
  {
    metric: 'groupPaymentShare',
    value: 0.47,
    tolerance: 0.06,
    source: 'derived: groups got 53 % of payments to private providers (39 % Norwegian, 14 % foreign groups, 2018), and private providers 44 % of all payments, about 2.1 of the 2.4 bn NOK tendered; so about 1.1 bn, 47 % of tendered payments (assumption: private providers are paid almost only through tenders)',
  },
  {
    metric: 'foreignGroupPaymentShare',
    value: 0.12,
    tolerance: 0.04,
    source: 'derived as for groups: foreign groups got 14 % of payments to private providers (2018), about 0.29 bn NOK, 12 % of tendered payments',
  },
  {
    metric: 'insolvencyRate',
    range: [0.003, 0.015],
    tolerance: 0.003,
    source: 'external plausibility band: about 1-1.5 % of Norwegian limited companies go bankrupt a year (SSB, 2017-2019), fewer in health and social services; most providers that leave keep operating on other income, so the band reaches down to 0.3 %',
  },
  { metric: NET_ENTRY_PER_YEAR, value: 0, tolerance: 3, source: 'assumption: a mature market, neither growing nor shrinking, so the baseline does not drift' },
];
