import type { OwnershipProfile, Policy, UncertainConfig } from './config.js';

/*
 * The built-in Norwegian baseline. Every number says where it comes from:
 *   [fact]        a figure in shared/domain/facts.md (section of the 2023 Menon report);
 *   [derived]     computed from facts as the comment shows;
 *   [calibrated]  fitted to the calibration targets (docs/calibration.md): CALIBRATED_VALUES below;
 *   [assumption]  a modelling choice.
 * An assumed effect is a distribution (each replication of an experiment draws its own value, the
 * same for every policy), with its source where one bounds it; docs/model.md repeats all of this in
 * plain words, one table per section.
 */

/**
 * The values of the free parameters fitted to the calibration targets (BASELINE_TARGETS) by
 * `scripts/calibrate-baseline.ts`, rounded; docs/calibration.md shows the fit. Their names are those
 * of BASELINE_PARAMETERS, which say which numbers of the baseline each one sets.
 */
export const CALIBRATED_VALUES = {
  unitCost: 3760,
  riskAversion: 0.727,
  growthPerTender: 0.0916,
  entryRate: 98.7,
  groupShare: 0.018,
  standaloneCapacity: 385,
  nonProfitCapacity: 95.5,
} as const;
const C = CALIBRATED_VALUES;

/** Today's policy: 3 + 1 year agreements, no purchase obligation, price-heavy award, today's lots. */
export const TODAY_POLICY: Policy = {
  name: 'today',
  baseTermYears: 3, // [fact] 3-year framework agreements (section 3.3.1)
  optionYears: 1, // [fact] option of 1 more year, at most 4 (section 3.3.1)
  optionExerciseProbability: 0.75, // [assumption]
  lotSplit: 1, // [fact] today's lot sizes, by definition
  maxLotsPerSupplier: null, // [assumption] no cap today
  // [assumption] four parallel suppliers per lot. Fitting it too left more parameters than moments:
  // more, smaller places per lot trade against smaller lots (docs/calibration.md).
  suppliersPerAgreement: 4,
  capacityCommitment: 1.25, // [assumption] suppliers together hold 25 % more capacity than forecast demand
  minimumVolumeShare: 0, // [fact] no purchase obligation (section 4.1)
  priceWeight: 0.7, // [fact] "price carries a high weight" (section 4.6); the value 0.7 is an assumption
  scoringRule: 'relative', // [assumption]
  priceCeilingRatio: 1.25, // [assumption]
  retenderDelayPeriods: 1, // [assumption] an empty place is tendered again the next quarter
  outcomePaymentShare: 0, // [fact] payment per place used, not per result (section 4.1)
  // [fact] none of the softer chapter-5 proposals is in force today (chapter 5 proposes them)
  innovativeProcurement: 0,
  coCreation: 0,
  crossSectorCollaboration: 0,
  employerInsight: 0,
  dataSharing: 0,
};

const profile = (p: OwnershipProfile): OwnershipProfile => p;

/**
 * Median capacity of a group, foreign or Norwegian, participant-weeks per quarter. [assumption]
 * Fitted, it moved no calibration moment by a fifth of a tolerance over a tenth of its range
 * (docs/calibration.md, section 6): groups grow to what they win, and their share is set by how
 * many there are. Fixed where the fit left it.
 */
const GROUP_CAPACITY = 8590;

/**
 * Demand of one lot (a service area) in a region of average weight, participant-weeks per quarter:
 * [assumption] about 20 participants at a time in a 13-week quarter, so a follow-up tender in an
 * average region has 17 lots and the smaller measure types 3-8, each with 4 places. Left free, the
 * calibration drove lots down to half this, places of two or three participants that hardly any
 * supplier is too small for, against the report's diagnosis (large lots exclude small providers);
 * with lots twice this size it could not reach the 400 suppliers on agreements (docs/calibration.md).
 */
const LOT_DEMAND = 250;

/** Lots per tender of a measure type with this national demand: lots of LOT_DEMAND in a region of average weight (15 regions). */
const lotsPerTender = (demandPerPeriod: number): number => Math.max(1, Math.round(demandPerPeriod / (15 * LOT_DEMAND)));

/**
 * The top of the soft levers' work-rate gains together: the meta-analytic average effect of a
 * labour-market measure on the employment probability, +4.5 percentage points (Card, Kluve and
 * Weber 2018; facts.md). [fact] A lever that changes how a measure is delivered is assumed not to
 * add more than an average measure achieves at all, and all three together not more than that.
 */
const MEASURE_EFFECT = 0.045;

/**
 * The top of each work-rate gain: MEASURE_EFFECT split 2 : 1 : 1 as the former point assumptions
 * (+2, +1 and +1 percentage points) were. [assumption]
 */
const WORK_RATE_GAIN_TOP = { crossSectorCollaboration: MEASURE_EFFECT / 2, employerInsight: MEASURE_EFFECT / 4, dataSharing: MEASURE_EFFECT / 4 } as const;

/** The built-in baseline config. Use {@link decodeConfig} to override parts of it. */
export const BASELINE_CONFIG: UncertainConfig = {
  run: {
    periodsPerYear: 4, // [assumption] quarters, as the brief suggests
    burnInYears: 20, // [assumption] long enough that key series no longer drift (docs/validation.md): five agreement cycles
    horizonYears: 12, // [assumption] three agreement cycles of today's 4 years
  },
  market: {
    // [assumption] Norway's 15 counties (2024) weighted by approximate population, thousands.
    regions: [
      { name: 'Oslo', demandWeight: 717 },
      { name: 'Akershus', demandWeight: 725 },
      { name: 'Østfold', demandWeight: 311 },
      { name: 'Buskerud', demandWeight: 275 },
      { name: 'Innlandet', demandWeight: 373 },
      { name: 'Vestfold', demandWeight: 256 },
      { name: 'Telemark', demandWeight: 177 },
      { name: 'Agder', demandWeight: 318 },
      { name: 'Rogaland', demandWeight: 500 },
      { name: 'Vestland', demandWeight: 646 },
      { name: 'Møre og Romsdal', demandWeight: 270 },
      { name: 'Trøndelag', demandWeight: 480 },
      { name: 'Nordland', demandWeight: 243 },
      { name: 'Troms', demandWeight: 169 },
      { name: 'Finnmark', demandWeight: 75 },
    ],
    // [derived] total demand ~139 000 participant-weeks a quarter: tendered spending of about 2.4 bn NOK
    // a year (facts: 4.8 bn paid to providers in 2018, about half to tendered ones) at ~4 300 NOK per
    // week (facts: 3 500-5 000 NOK). The split across measure types, lots and durations: [assumption].
    // Reference prices: [fact] within 3 500-5 000 NOK per measure-week (sections 2.1-2.5 table, 2023).
    // Lots per tender: [assumption] round(demandPerPeriod / (15 regions x LOT_DEMAND participant-weeks)):
    // lots (service areas) of about the same size in every measure type, each with 4 parallel places
    // (suppliersPerAgreement, an assumption); many small providers cannot hold a place (docs/validation.md).
    // Base work rates: [fact] 27 % in work after ordinary measures (IPS trial comparison group);
    // per-measure spread around it: [assumption].
    measureTypes: [
      { name: 'followUp', demandPerPeriod: 62000, lotsPerCell: lotsPerTender(62000), durationWeeks: 26, referencePrice: 4200, baseWorkRate: 0.27 },
      { name: 'assessment', demandPerPeriod: 17000, lotsPerCell: lotsPerTender(17000), durationWeeks: 8, referencePrice: 4800, baseWorkRate: 0.22 },
      { name: 'rehabilitation', demandPerPeriod: 18000, lotsPerCell: lotsPerTender(18000), durationWeeks: 12, referencePrice: 4900, baseWorkRate: 0.25 },
      { name: 'groupTraining', demandPerPeriod: 31000, lotsPerCell: lotsPerTender(31000), durationWeeks: 10, referencePrice: 4000, baseWorkRate: 0.3 },
      { name: 'jobClub', demandPerPeriod: 11000, lotsPerCell: lotsPerTender(11000), durationWeeks: 8, referencePrice: 3600, baseWorkRate: 0.28 },
    ],
    demand: {
      macroPersistence: 0.8, // [assumption]
      macroVolatility: 0.04, // [assumption] ~7 % stationary sd of national demand
      cellPersistence: 0.7, // [assumption]
      cellVolatility: 0.08, // [assumption] ~11 % stationary sd of a cell's own shock
    },
    shocks: [],
    // [assumption] a fixed allocation key with equal shares. Norwegian rules for parallel framework
    // agreements allow a ranked cascade, an allocation key or mini-competitions, and caseworkers or
    // participants also choose; the facts do not say which NAV's offices use. Equal shares is the
    // neutral choice (a bidder's place on a lot says nothing about its volume); docs/model.md shows
    // the others, and experiments can vary it as part of the world.
    allocationRule: 'shares',
  },
  suppliers: {
    initialCount: 600, // [assumption] the initial population only shapes the burn-in: after 20 years the count is set by entry and exit, so the moments cannot pin it down (docs/calibration.md); suppliers on agreements after burn-in is a target (facts: ~400, 406 counted in 2022)
    ownership: {
      // [fact] the five ownership types (section 2); all numbers below are [assumption] unless noted.
      // [calibrated] group share and capacity (the same median for foreign and Norwegian groups, an
      // assumption: with 2 foreign groups to 5 Norwegian ones it gives foreign groups about the 26 %
      // of group payments of 2018, 14 of 53 %), unit costs (groups 100 NOK below standalone,
      // municipal and non-profit 100 above), standalone and non-profit capacity: see CALIBRATED_VALUES.
      foreignGroup: profile({
        share: (C.groupShare * 2) / 7, capacityMedian: GROUP_CAPACITY, capacitySpread: 0.4, regionsServed: 15, measureTypesServed: 5,
        unitCostMedian: C.unitCost - 100, unitCostSpread: 0.05, capacityCostShare: 0.75, overheadShare: 0.03,
        cashBufferPeriods: 1, otherRevenueRatio: 0.5, otherRevenueMargin: 0.06, otherRevenueVolatility: 0.03,
        ownerSupportPeriods: 4, bidsPerYear: 40, qualityMean: 0.5, qualityConcentration: 30,
      }),
      norwegianGroup: profile({
        share: (C.groupShare * 5) / 7, capacityMedian: GROUP_CAPACITY, capacitySpread: 0.7, regionsServed: 6, measureTypesServed: 4,
        unitCostMedian: C.unitCost - 100, unitCostSpread: 0.06, capacityCostShare: 0.75, overheadShare: 0.03,
        cashBufferPeriods: 0.8, otherRevenueRatio: 0.3, otherRevenueMargin: 0.06, otherRevenueVolatility: 0.04,
        ownerSupportPeriods: 2, bidsPerYear: 15, qualityMean: 0.52, qualityConcentration: 30,
      }),
      standalone: profile({
        share: 0.6, capacityMedian: C.standaloneCapacity, capacitySpread: 0.7, regionsServed: 1, measureTypesServed: 2,
        unitCostMedian: C.unitCost, unitCostSpread: 0.08, capacityCostShare: 0.75, overheadShare: 0.03,
        // [fact] small providers live on many small income sources (section 4.1): large, volatile outside income.
        cashBufferPeriods: 0.5, otherRevenueRatio: 0.6, otherRevenueMargin: 0.08, otherRevenueVolatility: 0.06,
        ownerSupportPeriods: 0, bidsPerYear: 4, qualityMean: 0.55, qualityConcentration: 20,
      }),
      municipal: profile({
        // [fact] municipal companies mostly deliver pre-approved measures (AFT, VTA): large outside income.
        share: 0.13, capacityMedian: 300, capacitySpread: 0.6, regionsServed: 1, measureTypesServed: 2,
        unitCostMedian: C.unitCost + 100, unitCostSpread: 0.08, capacityCostShare: 0.75, overheadShare: 0.03,
        cashBufferPeriods: 1, otherRevenueRatio: 2, otherRevenueMargin: 0.04, otherRevenueVolatility: 0.02,
        ownerSupportPeriods: 8, bidsPerYear: 2, qualityMean: 0.55, qualityConcentration: 20,
      }),
      nonProfit: profile({
        // [fact] non-profits have other funding (grants); 3-4 % of payments (section 2) is a calibration target.
        share: 0.2, capacityMedian: C.nonProfitCapacity, capacitySpread: 0.6, regionsServed: 1, measureTypesServed: 2,
        unitCostMedian: C.unitCost + 100, unitCostSpread: 0.08, capacityCostShare: 0.75, overheadShare: 0.03,
        cashBufferPeriods: 0.6, otherRevenueRatio: 1, otherRevenueMargin: 0.05, otherRevenueVolatility: 0.06,
        ownerSupportPeriods: 1, bidsPerYear: 2, qualityMean: 0.6, qualityConcentration: 20,
      }),
    },
    sizeThresholds: {
      smallBelow: 25e6, // [fact] the report's threshold of 25 MNOK a year (section 2); the report also requires NAV payments under 40 % of revenue, which this simpler rule on total revenue omits
      largeFrom: 100e6, // [assumption]
    },
    entry: {
      ratePerYear: C.entryRate, // [calibrated]
      profitSensitivity: 5, // [assumption]
      referenceMargin: 0.07, // [fact] 7 % average operating margin (section 2.5)
      // [assumption] except the groups' shares, 2/7 and 5/7 of C.groupShare [calibrated], as in the
      // initial population. Every type enters: without foreign-group entry the few foreign groups
      // died out one by one and the top-15 share drifted down for decades (docs/validation.md).
      ownershipShares: { foreignGroup: (C.groupShare * 2) / 7, norwegianGroup: (C.groupShare * 5) / 7, standalone: 0.7, municipal: 0.05, nonProfit: 0.2 },
    },
    exit: {
      idlePeriodsBeforeExit: 12, // [assumption] three years without an agreement: it waits for the next tender round
      idleExitProbability: 0.1, // [assumption]
    },
    acquisition: {
      probabilityPerPeriod: 0.02, // [assumption]
      distressCashPeriods: 1, // [assumption]
    },
  },
  behaviour: {
    riskAversion: C.riskAversion, // [calibrated]
    // [assumption] the markup with one bidder. With the 20-50 eligible bidders of a lot it shrinks to
    // a few per cent whatever its scale, so the moments cannot pin it down (docs/calibration.md); fixed
    // where the fits put it.
    markupScale: 1.35,
    bidCost: 30000, // [assumption] about one person-week of bid writing
    growthPerTender: C.growthPerTender, // [calibrated] how far a supplier can grow at once to take a place
    payoutShare: 0.25, // [assumption] owners take out cash above the buffer within about a year (a quarter of the excess each quarter)
    capacityShedRate: 0.1, // [assumption] staff not needed leave over about two and a half years (10 % a quarter)
    hiringCostPerWeek: 300, // [assumption]
    firingCostPerWeek: 600, // [assumption]
    otherRevenuePersistence: 0.7, // [assumption]
    qualityEvaluationNoise: 0.1, // [assumption]
    outcomePaymentRisk: 0.3, // [assumption]
    competenceLearningRate: 0.1, // [assumption]
    competenceLossOnShedding: 0.5, // [fact] losing a re-tender breaks staff and competence (section 4.6); size [assumption]
    competenceDecayRate: 0.05, // [assumption]
    qualityAdjustmentRate: 0.1, // [assumption]
    qualityInvestmentShare: 0.2, // [assumption]
    fullQualitySpendingRate: 0.03, // [assumption]
    qualityWeights: { competence: 0.2, spending: 0.2, scoring: 0.1 }, // [assumption]
  },
  outcomes: {
    // [derived] from the IPS trial [fact]: 37 % vs 27 % in work after 18 months (section 3.2), a 10-point
    // gap between a high-quality and an ordinary measure, mapped to half the quality range [assumption]:
    // 0.10 / 0.5.
    qualityEffectOnWorkRate: 0.2,
    referenceQuality: 0.5, // [assumption]
    // [fact] its top: up to about 900 000 NOK per additional person employed, over 10 years (Steen et
    // al. 2012). [assumption] its bottom: a third of that, for gains that fade after about 3 of
    // the 10 years; uniform in between, since the source gives only the upper figure.
    valuePerTransition: { dist: 'uniform', min: 300000, max: 900000 },
    measureEffect: MEASURE_EFFECT, // [fact] +4.5 percentage points employment probability on average (Card, Kluve, Weber 2018)
    marginalCostOfPublicFunds: 0.2, // [fact] 0.20 NOK per NOK of public spending (Ministry of Finance circular)
    // [assumption] the providers the report says are squeezed: too small for NAV's large contracts
    // (facts.md), here with capacity below a median lot; about 46 % of suppliers at policy start. By the report's 25 MNOK revenue threshold ('revenue') 95 % would be small, so the
    // cohort would be nearly the whole market (docs/validation.md, section 4).
    smallCohort: 'tooSmallForLot',
  },
  effects: {
    // [assumption] each well below the 10-point IPS gap, so no soft lever dominates the hard ones.
    innovativeProcurement: { qualityGain: 0.05, bidCostIncrease: 0.5 },
    coCreation: { learningRateGain: 0.5, qualityGain: 0.02 },
    // Work-rate gains: uniform from no effect to a top; the tops add up to the meta-analytic average
    // effect of a measure, +4.5 pp [fact], split 2 : 1 : 1 [assumption] (WORK_RATE_GAIN_TOP).
    crossSectorCollaboration: { workRateGain: { dist: 'uniform', min: 0, max: WORK_RATE_GAIN_TOP.crossSectorCollaboration } },
    employerInsight: { workRateGain: { dist: 'uniform', min: 0, max: WORK_RATE_GAIN_TOP.employerInsight } },
    dataSharing: { variableCostReduction: 0.05, workRateGain: { dist: 'uniform', min: 0, max: WORK_RATE_GAIN_TOP.dataSharing } },
    // [fact] centred on no effect: Norway's trial of results-based financing of follow-up services
    // (Refino, 2018-2022) measured no effect on employment. [assumption] the spread: at most 0.1 of
    // quality either way for a supplier paid wholly by results, +-2 pp of work rate at
    // qualityEffectOnWorkRate 0.2, most likely near none.
    outcomePayment: { qualityResponse: { dist: 'triangular', min: -0.1, mode: 0, max: 0.1 } },
  },
  burnInPolicy: TODAY_POLICY,
  policy: TODAY_POLICY,
};
