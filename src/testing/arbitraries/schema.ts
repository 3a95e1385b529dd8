import { CALL_OFF_RULES, OWNERSHIP_TYPES, SCORING_RULES } from '../../model/config.js';

/*
 * The shape of a Config and the range of every value, as the decoder checks them
 * (src/model/config.ts). The arbitraries take their default ranges from here, and the arbitrary of
 * invalid configs finds the values to break here. tests/testing/arbitraries.test.ts checks that this
 * table covers every key of BASELINE_CONFIG and that its edges are exactly the decoder's.
 */

/** A number in [min, max]; an integer there with `integer`; `null` allowed too with `nullable`. */
export interface NumberLeaf {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly nullable: boolean;
}

/** A string of 1 to `maxLength` characters (`null` allowed too with `nullable`). */
export interface NameLeaf {
  readonly kind: 'name';
  readonly maxLength: number;
  readonly nullable: boolean;
}

/** One of the listed strings. */
export interface EnumLeaf {
  readonly kind: 'enum';
  readonly values: readonly string[];
}

/** An object with exactly these keys. */
export interface ObjectNode {
  readonly kind: 'object';
  /** The io-ts type name the decoder uses in "expected an object (...)". */
  readonly typeName: string;
  readonly fields: Readonly<Record<string, SchemaNode>>;
}

/** A list of `min` to `max` objects. */
export interface ListNode {
  readonly kind: 'list';
  readonly item: ObjectNode;
  readonly min: number;
  readonly max: number;
}

export type Leaf = NumberLeaf | NameLeaf | EnumLeaf;
export type SchemaNode = Leaf | ObjectNode | ListNode;

const num = (min: number, max: number): NumberLeaf => ({ kind: 'number', min, max, integer: false, nullable: false });
const int = (min: number, max: number): NumberLeaf => ({ kind: 'number', min, max, integer: true, nullable: false });
const share = num(0, 1);
const nok = num(0, 1e12);
const name = (maxLength = 64, nullable = false): NameLeaf => ({ kind: 'name', maxLength, nullable });
const obj = (typeName: string, fields: Record<string, SchemaNode>): ObjectNode => ({ kind: 'object', typeName, fields });
const list = (item: ObjectNode, min: number, max: number): ListNode => ({ kind: 'list', item, min, max });
const perOwnership = (typeName: string, node: SchemaNode): ObjectNode =>
  obj(typeName, Object.fromEntries(OWNERSHIP_TYPES.map((o) => [o, node])));

export const RUN_SCHEMA = obj('RunConfig', {
  periodsPerYear: int(1, 52),
  burnInYears: int(0, 100),
  horizonYears: int(1, 100),
});

export const REGION_SCHEMA = obj('Region', { name: name(), demandWeight: num(0, 1e9) });

export const MEASURE_TYPE_SCHEMA = obj('MeasureType', {
  name: name(),
  demandPerPeriod: num(0, 1e9),
  lotsPerCell: int(1, 1000),
  durationWeeks: num(0.1, 520),
  referencePrice: num(1, 1e7),
  baseWorkRate: share,
});

export const DEMAND_SCHEMA = obj('DemandProcess', {
  macroPersistence: num(0, 0.99),
  macroVolatility: num(0, 1),
  cellPersistence: num(0, 0.99),
  cellVolatility: num(0, 1),
});

export const SHOCK_SCHEMA = obj('DemandShock', { fromYear: num(0, 100), change: num(-1, 10), measureType: name(64, true) });

export const MARKET_SCHEMA = obj('MarketConfig', {
  regions: list(REGION_SCHEMA, 1, 32),
  measureTypes: list(MEASURE_TYPE_SCHEMA, 1, 32),
  demand: DEMAND_SCHEMA,
  shocks: list(SHOCK_SCHEMA, 0, 100),
});

export const OWNERSHIP_PROFILE_SCHEMA = obj('OwnershipProfile', {
  share,
  capacityMedian: num(0.1, 1e7),
  capacitySpread: num(0, 3),
  regionsServed: int(1, 32),
  measureTypesServed: int(1, 32),
  unitCostMedian: num(1, 1e7),
  unitCostSpread: num(0, 1),
  capacityCostShare: share,
  overheadShare: num(0, 10),
  cashBufferPeriods: num(0, 100),
  otherRevenueRatio: num(0, 100),
  otherRevenueMargin: num(-1, 1),
  otherRevenueVolatility: num(0, 2),
  ownerSupportPeriods: num(0, 1000),
  bidsPerYear: int(0, 1000),
  qualityMean: num(0.01, 0.99),
  qualityConcentration: num(0.1, 1e4),
});

export const SUPPLIERS_SCHEMA = obj('SupplierConfig', {
  initialCount: int(1, 20000),
  ownership: perOwnership('OwnershipProfiles', OWNERSHIP_PROFILE_SCHEMA),
  sizeThresholds: obj('SizeThresholds', { smallBelow: nok, largeFrom: nok }),
  entry: obj('EntryConfig', {
    ratePerYear: num(0, 1000),
    profitSensitivity: num(0, 1000),
    referenceMargin: num(-1, 1),
    ownershipShares: perOwnership('EntryOwnershipShares', share),
  }),
  exit: obj('ExitConfig', { idlePeriodsBeforeExit: int(1, 1000), idleExitProbability: share }),
  acquisition: obj('AcquisitionConfig', { probabilityPerPeriod: share, distressCashPeriods: num(0, 100) }),
});

export const BEHAVIOUR_SCHEMA = obj('BehaviourConfig', {
  riskAversion: num(0, 100),
  markupScale: num(0, 10),
  bidCost: nok,
  hiringCostPerWeek: nok,
  firingCostPerWeek: nok,
  otherRevenuePersistence: num(0, 0.99),
  qualityEvaluationNoise: num(0, 1),
  outcomePaymentRisk: num(0, 10),
  competenceLearningRate: share,
  competenceLossOnShedding: share,
  competenceDecayRate: share,
  qualityAdjustmentRate: share,
  qualityInvestmentShare: share,
  fullQualitySpendingRate: num(0.0001, 1),
  qualityWeights: obj('QualityWeights', { competence: num(0, 1), spending: num(0, 1), scoring: num(0, 1) }),
});

export const OUTCOMES_SCHEMA = obj('OutcomeConfig', {
  qualityEffectOnWorkRate: num(0, 1),
  referenceQuality: share,
  valuePerTransition: nok,
  measureEffect: share,
});

export const POLICY_SCHEMA = obj('Policy', {
  name: name(80),
  baseTermYears: num(0.01, 50),
  optionYears: num(0, 50),
  optionExerciseProbability: share,
  lotSplit: num(0.01, 100),
  maxLotsPerSupplier: { kind: 'number', min: 1, max: 1000, integer: true, nullable: true },
  suppliersPerAgreement: int(1, 20),
  callOffRule: { kind: 'enum', values: CALL_OFF_RULES },
  capacityCommitment: num(0.1, 10),
  minimumVolumeShare: share,
  priceWeight: share,
  scoringRule: { kind: 'enum', values: SCORING_RULES },
  priceCeilingRatio: num(0.1, 10),
  outcomePaymentShare: share,
  innovativeProcurement: share,
  coCreation: share,
  crossSectorCollaboration: share,
  employerInsight: share,
  dataSharing: share,
});

export const EFFECTS_SCHEMA = obj('EffectsConfig', {
  innovativeProcurement: obj('InnovativeProcurementEffects', { qualityGain: num(0, 1), bidCostIncrease: num(0, 10) }),
  coCreation: obj('CoCreationEffects', { learningRateGain: num(0, 10), qualityGain: num(0, 1) }),
  crossSectorCollaboration: obj('CrossSectorEffects', { workRateGain: num(0, 1) }),
  employerInsight: obj('EmployerInsightEffects', { workRateGain: num(0, 1) }),
  dataSharing: obj('DataSharingEffects', { variableCostReduction: share, workRateGain: num(0, 1) }),
});

/** The whole config. */
export const CONFIG_SCHEMA = obj('Config', {
  run: RUN_SCHEMA,
  market: MARKET_SCHEMA,
  suppliers: SUPPLIERS_SCHEMA,
  behaviour: BEHAVIOUR_SCHEMA,
  outcomes: OUTCOMES_SCHEMA,
  effects: EFFECTS_SCHEMA,
  burnInPolicy: POLICY_SCHEMA,
  policy: POLICY_SCHEMA,
});
