import type * as t from 'io-ts/lib/index.js';
import { listOf, name, nullable, numberIn, oneOf, strict } from './codecs.js';
import type { Distribution } from './distributions.js';

export { OWNERSHIP_TYPES, SIZE_CLASSES, ALLOCATION_RULES, SCORING_RULES, SMALL_COHORT_RULES, type OwnershipType, type SizeClass, type AllocationRule, type SmallCohortRule } from './enums.js';
import { ALLOCATION_RULES, SCORING_RULES, SMALL_COHORT_RULES } from './enums.js';

const share = numberIn(0, 1);
const nok = numberIn(0, 1e12);

/** Time: how a run is cut into periods. */
export const RunConfigCodec = strict(
  {
    /** Periods per year (4 = quarters). Integer, 1-52. */
    periodsPerYear: numberIn(1, 52, { integer: true }),
    /** Years simulated under `burnInPolicy` before the policy starts, so the market settles. Integer, 0-100. */
    burnInYears: numberIn(0, 100, { integer: true }),
    /** Years simulated under `policy` and reported. Integer, 1-100. */
    horizonYears: numberIn(1, 100, { integer: true }),
  },
  'RunConfig',
);

/** A region (a county): where suppliers serve and demand arises. */
export const RegionCodec = strict(
  {
    /** Unique name. */
    name: name(),
    /** Relative weight of the region in national demand (unitless; normalised over regions). */
    demandWeight: numberIn(0, 1e9),
  },
  'Region',
);

/** A measure type (a programme such as follow-up or assessment). */
export const MeasureTypeCodec = strict(
  {
    /** Unique name. */
    name: name(),
    /** Mean national demand, participant-weeks per period, tendered. */
    demandPerPeriod: numberIn(0, 1e9),
    /**
     * Lots (service areas) one tender of this measure type is cut into under today's contract
     * sizing, in a region of average demand weight; other regions scale with their weight (rounded,
     * at least 1). A tender is one measure type in one region; each lot is its own framework
     * agreement with its own competition. Integer.
     */
    lotsPerCell: numberIn(1, 1000, { integer: true }),
    /** Mean length of one participant's measure, weeks. Converts participant-weeks to participants. */
    durationWeeks: numberIn(0.1, 520),
    /** Reference price, NOK per participant-week: the buyer's estimate; anchors cost, price ceiling and absolute scoring. */
    referencePrice: numberIn(1, 1e7),
    /** Share of participants in work after the measure at reference quality, 0-1. */
    baseWorkRate: share,
  },
  'MeasureType',
);

/** The stochastic process of demand (log scale). */
export const DemandProcessCodec = strict(
  {
    /** AR(1) persistence of the national (macro) demand shock per period, 0-0.99. */
    macroPersistence: numberIn(0, 0.99),
    /** Standard deviation of the macro shock's innovation per period, log points. */
    macroVolatility: numberIn(0, 1),
    /** AR(1) persistence of each region x measure cell's own shock per period, 0-0.99. */
    cellPersistence: numberIn(0, 0.99),
    /** Standard deviation of a cell shock's innovation per period, log points. */
    cellVolatility: numberIn(0, 1),
  },
  'DemandProcess',
);

/** A scripted, permanent shift in demand. */
export const DemandShockCodec = strict(
  {
    /** Years after policy start when the shift begins (0 = at policy start). */
    fromYear: numberIn(0, 100),
    /** Relative change of the demand level: -0.2 means 20 % lower; -1 means demand vanishes. From -1 to 10. */
    change: numberIn(-1, 10),
    /** The measure type it applies to, or null for all. */
    measureType: nullable(name()),
  },
  'DemandShock',
);

/** Geography, programmes and demand. */
export const MarketConfigCodec = strict(
  {
    regions: listOf(RegionCodec, 1, 32),
    measureTypes: listOf(MeasureTypeCodec, 1, 32),
    demand: DemandProcessCodec,
    shocks: listOf(DemandShockCodec, 0, 100),
    /** How call-offs are split among a lot's parallel suppliers: one of {@link ALLOCATION_RULES}. */
    allocationRule: oneOf(ALLOCATION_RULES),
  },
  'MarketConfig',
);

/** How suppliers of one ownership type are generated. Money is in NOK; capacity in participant-weeks per period. */
export const OwnershipProfileCodec = strict(
  {
    /** Share of the initial population (normalised over types). */
    share,
    /** Median maximum capacity, participant-weeks per period (lognormal across suppliers). */
    capacityMedian: numberIn(0.1, 1e7),
    /** Dispersion of capacity: standard deviation of its logarithm. */
    capacitySpread: numberIn(0, 3),
    /** Number of regions served (capped at the number of regions). Integer. */
    regionsServed: numberIn(1, 32, { integer: true }),
    /** Number of measure types offered (capped at the number of measure types). Integer. */
    measureTypesServed: numberIn(1, 32, { integer: true }),
    /** Median full cost of one participant-week at full utilisation and average reference price, NOK. */
    unitCostMedian: numberIn(1, 1e7),
    /** Dispersion of unit cost: standard deviation of its logarithm. */
    unitCostSpread: numberIn(0, 1),
    /** Share of unit cost that is the cost of holding capacity (staff), paid on committed capacity whether used or not. */
    capacityCostShare: share,
    /** Fixed overhead per period as a share of full-capacity cost per period. */
    overheadShare: numberIn(0, 10),
    /** Cash at start, in periods of full-capacity cost. */
    cashBufferPeriods: numberIn(0, 100),
    /** Mean income outside these contracts per period, relative to full-capacity cost per period. */
    otherRevenueRatio: numberIn(0, 100),
    /** Operating margin earned on that outside income. */
    otherRevenueMargin: numberIn(-1, 1),
    /** Volatility of outside income: standard deviation of its log per period. */
    otherRevenueVolatility: numberIn(0, 2),
    /** Most cash a parent group, owner municipality or donors inject over the firm's life, in periods of full-capacity cost. */
    ownerSupportPeriods: numberIn(0, 1000),
    /** Capacity to prepare bids: tenders the firm can enter per year. Integer. */
    bidsPerYear: numberIn(0, 1000, { integer: true }),
    /** Mean innate quality, 0-1 (beta distributed across suppliers). */
    qualityMean: numberIn(0.01, 0.99),
    /** Concentration of the quality distribution (higher = less spread). */
    qualityConcentration: numberIn(0.1, 1e4),
  },
  'OwnershipProfile',
);

const ownershipRecord = <C extends t.Mixed>(codec: C, typeName: string) =>
  strict(
    {
      foreignGroup: codec,
      norwegianGroup: codec,
      standalone: codec,
      municipal: codec,
      nonProfit: codec,
    },
    typeName,
  );

/** The supplier population, entry, exit and acquisition. */
export const SupplierConfigCodec = strict(
  {
    /** Number of suppliers generated at the start of burn-in. Integer, 1-20 000. */
    initialCount: numberIn(1, 20000, { integer: true }),
    /** Generation profile per ownership type. */
    ownership: ownershipRecord(OwnershipProfileCodec, 'OwnershipProfiles'),
    /** Annual revenue thresholds for size classes, NOK. */
    sizeThresholds: strict(
      {
        /** Below this annual revenue a supplier is small. */
        smallBelow: nok,
        /** From this annual revenue a supplier is large. */
        largeFrom: nok,
      },
      'SizeThresholds',
    ),
    entry: strict(
      {
        /** Expected entrants per year when every lot is open to a small entrant and margins are at the reference. */
        ratePerYear: numberIn(0, 1000),
        /** Relative change in the entry rate per unit of (mean margin - reference margin). */
        profitSensitivity: numberIn(0, 1000),
        /**
         * Operating margin of main-income providers (more than 40 % of revenue from the buyer, as the
         * report defines them) at which entry runs at its base rate; entry responds to the mean margin
         * of that same population.
         */
        referenceMargin: numberIn(-1, 1),
        /** Ownership mix of entrants (normalised). */
        ownershipShares: ownershipRecord(share, 'EntryOwnershipShares'),
      },
      'EntryConfig',
    ),
    exit: strict(
      {
        /** Periods without any agreement after which a supplier may leave. Integer. */
        idlePeriodsBeforeExit: numberIn(1, 1000, { integer: true }),
        /** Probability per period that such an idle supplier leaves. */
        idleExitProbability: share,
      },
      'ExitConfig',
    ),
    acquisition: strict(
      {
        /** Probability per period that a group acquires a given distressed standalone supplier holding agreements. */
        probabilityPerPeriod: share,
        /** A supplier is distressed when its cash is below this many periods of fixed cost. */
        distressCashPeriods: numberIn(0, 100),
      },
      'AcquisitionConfig',
    ),
  },
  'SupplierConfig',
);

/** How suppliers price, bid and build quality. All are assumptions unless the docs say otherwise. */
export const BehaviourConfigCodec = strict(
  {
    /** Risk premium per unit of uncovered utilisation risk, for a supplier with one contract and a thick buffer. */
    riskAversion: numberIn(0, 100),
    /** Markup over cost with no price competition; divided by 1 + priceWeight x (bidders - 1). */
    markupScale: numberIn(0, 10),
    /** Cost of preparing one bid, NOK. */
    bidCost: nok,
    /**
     * How far a supplier can grow at once to take a place: it may commit up to (1 + this) times
     * its current capacity (hiring for the rest). 0 = only what it has. Share, 0-10.
     */
    growthPerTender: numberIn(0, 10),
    /** Share per period of the capacity it no longer has committed (above its core capacity at entry) that a supplier sheds. Share, 0-1. */
    capacityShedRate: share,
    /**
     * Share per period of the cash above a supplier's buffer (its ownership type's cashBufferPeriods
     * of full-capacity cost) that its owners take out. Share, 0-1.
     */
    payoutShare: share,
    /** Cost of hiring per participant-week of capacity added, NOK. */
    hiringCostPerWeek: nok,
    /** Cost of shedding staff per participant-week of capacity removed, NOK. */
    firingCostPerWeek: nok,
    /** AR(1) persistence of outside income shocks per period. */
    otherRevenuePersistence: numberIn(0, 0.99),
    /** Standard deviation of the buyer's error when it scores quality (quality units, 0-1 scale). */
    qualityEvaluationNoise: numberIn(0, 1),
    /** Coefficient of variation suppliers attach to outcome-based payment. */
    outcomePaymentRisk: numberIn(0, 10),
    /** Share of the gap to full competence closed per period of full delivery. */
    competenceLearningRate: share,
    /** Share of competence lost per unit share of capacity shed (a lost contract breaks the team). */
    competenceLossOnShedding: share,
    /** Share of competence lost per period with no agreement. */
    competenceDecayRate: share,
    /** Share of the gap to target quality closed per period. */
    qualityAdjustmentRate: share,
    /** Share of positive operating profit spent on quality (training, methods). */
    qualityInvestmentShare: share,
    /** Quality spending per NOK of revenue at which its effect on quality saturates. */
    fullQualitySpendingRate: numberIn(0.0001, 1),
    /** Weights of competence, quality spending and the weight of quality in the award (1 - priceWeight) in target quality. */
    qualityWeights: strict(
      { competence: numberIn(0, 1), spending: numberIn(0, 1), scoring: numberIn(0, 1) },
      'QualityWeights',
    ),
  },
  'BehaviourConfig',
);

/** Participants' transitions to work and their value. */
export const OutcomeConfigCodec = strict(
  {
    /** Change in the work rate per unit of quality above the reference, percentage points / 100. */
    qualityEffectOnWorkRate: numberIn(0, 1),
    /** Quality at which the work rate equals the measure's base work rate, 0-1. */
    referenceQuality: share,
    /** Societal value of one additional person in work (one who would not have found work without the measure), NOK. */
    valuePerTransition: nok,
    /**
     * Effect of a measure at reference quality on the work rate: the share of participants in work
     * because of it, 0-1. The work rate without any measure is baseWorkRate - measureEffect.
     */
    measureEffect: share,
    /**
     * Marginal cost of public funds: the cost to society of each NOK the buyer pays, beyond the NOK
     * itself (the deadweight loss of raising it in taxes). Net benefit counts the buyer's payments at
     * (1 + this). Share, 0-1.
     */
    marginalCostOfPublicFunds: share,
    /**
     * Which suppliers the small-supplier cohort (`smallCohortSurvival` and its kin) follows, chosen
     * when the policy starts: one of {@link SMALL_COHORT_RULES}.
     */
    smallCohort: oneOf(SMALL_COHORT_RULES),
  },
  'OutcomeConfig',
);

/** A procurement policy: how the buyer contracts. */
export const PolicyCodec = strict(
  {
    /** A label that appears in results. */
    name: name(80),
    /** Base term of a framework agreement, years. */
    baseTermYears: numberIn(0.01, 50),
    /** Optional extension, years. */
    optionYears: numberIn(0, 50),
    /** Probability that the buyer takes up the option. */
    optionExerciseProbability: share,
    /** Multiplies today's lots per cell (2 = twice as many lots, half as large). The result is rounded, at least 1. */
    lotSplit: numberIn(0.01, 100),
    /** Most lots one supplier can win in one tender, or null for no cap. */
    maxLotsPerSupplier: nullable(numberIn(1, 1000, { integer: true })),
    /** Suppliers admitted to each framework agreement (lot). Integer. */
    suppliersPerAgreement: numberIn(1, 20, { integer: true }),
    /**
     * Periods a lot may stay short of suppliers (after an exit, or when a competition found too few
     * acceptable bids) before its empty places are tendered again; a place that still finds no
     * taker is tried again after the same delay. Integer, 1-40.
     */
    retenderDelayPeriods: numberIn(1, 40, { integer: true }),
    /** Total capacity the buyer asks the suppliers of a lot to commit, relative to the lot's forecast demand. */
    capacityCommitment: numberIn(0.1, 10),
    /** Minimum-volume guarantee: share of committed capacity paid for even if not called off. */
    minimumVolumeShare: share,
    /** Weight of price in the award (quality gets 1 - priceWeight). */
    priceWeight: share,
    /** How price becomes points: "relative" (lowest / price), "linear" (between lowest and highest), "absolute" (against the reference price). */
    scoringRule: oneOf(SCORING_RULES),
    /** Highest acceptable bid, as a multiple of the reference price. */
    priceCeilingRatio: numberIn(0.1, 10),
    /** Share of the price paid in proportion to the supplier's transition rate relative to the expected rate. */
    outcomePaymentShare: share,
    /** Chapter 5 (1): specify needs and results, supplier dialogue, pilots. Intensity 0-1. */
    innovativeProcurement: share,
    /** Chapter 5 (2): co-creation between buyer and providers. Intensity 0-1. */
    coCreation: share,
    /** Chapter 5 (3): collaboration with health services and other sectors. Intensity 0-1. */
    crossSectorCollaboration: share,
    /** Chapter 5 (4): insight into employers who include on their own initiative. Intensity 0-1. */
    employerInsight: share,
    /** Chapter 5 (5): sharing of participant information and data. Intensity 0-1. */
    dataSharing: share,
  },
  'Policy',
);

/** Effect sizes of the softer chapter-5 levers at intensity 1, and suppliers' response to outcome-based payment. All are assumptions. */
export const EffectsConfigCodec = strict(
  {
    innovativeProcurement: strict(
      {
        /** Added to target quality (0-1 scale). */
        qualityGain: numberIn(0, 1),
        /** Relative increase in bid preparation cost (dialogue, pilots). */
        bidCostIncrease: numberIn(0, 10),
      },
      'InnovativeProcurementEffects',
    ),
    coCreation: strict(
      {
        /** Relative increase in the competence learning rate. */
        learningRateGain: numberIn(0, 10),
        /** Added to target quality. */
        qualityGain: numberIn(0, 1),
      },
      'CoCreationEffects',
    ),
    crossSectorCollaboration: strict(
      { /** Added to the work rate (share of participants). */ workRateGain: numberIn(0, 1) },
      'CrossSectorEffects',
    ),
    employerInsight: strict(
      { /** Added to the work rate. */ workRateGain: numberIn(0, 1) },
      'EmployerInsightEffects',
    ),
    dataSharing: strict(
      {
        /** Relative reduction in variable (intake) cost per participant-week. */
        variableCostReduction: share,
        /** Added to the work rate (better matching). */
        workRateGain: numberIn(0, 1),
      },
      'DataSharingEffects',
    ),
    outcomePayment: strict(
      {
        /**
         * Change in the target quality of a supplier whose receipts all pay for results, in
         * proportion to the share of its receipts that does (outcome-based payment steers its
         * methods towards the paid result). Negative values stand for effort moved to what is
         * measured rather than to employment. Quality units, -1 to 1.
         */
        qualityResponse: numberIn(-1, 1),
      },
      'OutcomePaymentEffects',
    ),
  },
  'EffectsConfig',
);

/** A whole model configuration. Build one with {@link decodeConfig} from a partial input. */
export const ConfigCodec = strict(
  {
    run: RunConfigCodec,
    market: MarketConfigCodec,
    suppliers: SupplierConfigCodec,
    behaviour: BehaviourConfigCodec,
    outcomes: OutcomeConfigCodec,
    effects: EffectsConfigCodec,
    /** The policy in force during burn-in (today's policy by default). */
    burnInPolicy: PolicyCodec,
    /** The policy whose effects are measured over the horizon. */
    policy: PolicyCodec,
  },
  'Config',
);

// `@interface` below makes the API docs (TypeDoc) list each field with its documentation from the
// codec, instead of showing `TypeOf<typeof SomeCodec>`.
/**
 * A complete, validated model configuration.
 * @interface
 */
export type Config = t.TypeOf<typeof ConfigCodec>;
/**
 * A procurement policy.
 * @interface
 */
export type Policy = t.TypeOf<typeof PolicyCodec>;
/**
 * Time settings.
 * @interface
 */
export type RunConfig = t.TypeOf<typeof RunConfigCodec>;
/**
 * Market settings.
 * @interface
 */
export type MarketConfig = t.TypeOf<typeof MarketConfigCodec>;
/**
 * One measure type.
 * @interface
 */
export type MeasureType = t.TypeOf<typeof MeasureTypeCodec>;
/**
 * One region.
 * @interface
 */
export type Region = t.TypeOf<typeof RegionCodec>;
/**
 * A scripted demand shift.
 * @interface
 */
export type DemandShock = t.TypeOf<typeof DemandShockCodec>;
/**
 * Supplier population settings.
 * @interface
 */
export type SupplierConfig = t.TypeOf<typeof SupplierConfigCodec>;
/**
 * Generation profile of one ownership type.
 * @interface
 */
export type OwnershipProfile = t.TypeOf<typeof OwnershipProfileCodec>;
/**
 * Supplier behaviour settings.
 * @interface
 */
export type BehaviourConfig = t.TypeOf<typeof BehaviourConfigCodec>;
/**
 * Outcome settings.
 * @interface
 */
export type OutcomeConfig = t.TypeOf<typeof OutcomeConfigCodec>;
/**
 * Effect sizes of the softer levers.
 * @interface
 */
export type EffectsConfig = t.TypeOf<typeof EffectsConfigCodec>;

/**
 * A type with every number replaced by "a number or a {@link Distribution}", at any depth (lists
 * included): the shape of a config whose inputs may be uncertain.
 */
export type Uncertain<T> = T extends number
  ? number | Distribution
  : T extends readonly (infer E)[]
    ? Uncertain<E>[]
    : T extends object
      ? { [K in keyof T]: Uncertain<T[K]> }
      : T;

/**
 * A validated config in which any number may still be a distribution: what {@link decodeConfig}
 * returns. A run draws each distribution once (`resolveUncertain`) and simulates the {@link Config}
 * that results. A {@link Config} is an UncertainConfig without distributions.
 */
export type UncertainConfig = Uncertain<Config>;

/**
 * A partial config: any subset of keys, at any depth; any number may be given as a distribution.
 * Lists (regions, measure types, shocks) and distributions replace the baseline's whole.
 */
export type ConfigInput = DeepPartial<UncertainConfig>;
/** A partial config of plain numbers (no distributions): what the testing kit's arbitraries generate. */
export type PlainConfigInput = DeepPartial<Config>;
/** Makes every key optional, recursively; arrays and distributions are taken whole. */
export type DeepPartial<T> = T extends readonly unknown[] ? T : T extends Distribution ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

