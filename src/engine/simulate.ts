import type { Config, UncertainConfig } from '../model/config.js';
import { ConfigError } from '../model/configError.js';
import type { SeriesMetric } from '../model/metrics.js';
import type { SimulationResult } from '../model/result.js';
import { canonicalSeed, openStream, seedRoot, StreamPurpose, type Seed, type SeedRoot } from '../random/streams.js';
import { emptyPeriodTotals } from './callOff.js';
import { lotsPerCellUnder } from '../model/lots.js';
import { phaseContext } from './context.js';
import { cellBaseDemand, initialiseDemand } from './demand.js';
import { createRecorder, ledgerOf, markCohorts, recordPeriod, outcomesOf } from './observe.js';
import { generatePopulation } from './population.js';
import { allocateLots, allocateSuppliers, cloneState, emptyLedger, layoutLots, type MarketState } from './state.js';
import { runPeriod } from './step.js';
import { LIBRARY, RESULT_FORMAT_VERSION } from '../version.js';
import { finishLives, recordLivesPeriod, startLives } from './supplierLives.js';
import { createWorkspace, type Workspace } from './workspace.js';

/**
 * A market after burn-in under the burn-in policy: the starting point from which several
 * policies can be simulated on the same world. Treat it as opaque; it can be passed to workers
 * (structured clone) and reused any number of times, since {@link simulateFrom} never changes it.
 */
export interface MarketSnapshot {
  readonly kind: 'framework-agreement-sim/market-snapshot';
  /** The master seed, in its canonical text form (see {@link canonicalSeed}). */
  readonly seed: string;
  /** The config the market was burned in under, with every distribution replaced by this seed's draw. */
  readonly config: Config;
  /** The config as decoded, distributions included: what {@link simulateFrom} merges its input over. */
  readonly source: UncertainConfig;
  readonly initialSuppliers: number;
  /** @internal */
  readonly state: MarketState;
}

/** Throws a ConfigError at path "seed" unless it is a finite number or a string of at most 1000 characters. @internal */
export function checkSeed(seed: unknown): asserts seed is Seed {
  const ok = (typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length <= 1000);
  if (!ok) {
    throw new ConfigError([{ path: 'seed', message: 'expected a finite number or a string of at most 1000 characters' }]);
  }
}

function lotsNeeded(config: Config): Int32Array {
  const a = lotsPerCellUnder(config, config.burnInPolicy);
  const b = lotsPerCellUnder(config, config.policy);
  return a.map((x, i) => Math.max(x, b[i]!));
}

/**
 * A freshly generated market (population drawn, demand shocks initialised, no period run yet).
 * @internal For tests of single mechanisms; not part of the public API.
 */
export function createMarket(config: Config, seed: Seed): MarketState {
  return initialState(config, seedRoot(seed), createWorkspace());
}

function initialState(config: Config, root: SeedRoot, ws: Workspace): MarketState {
  const P = config.run.periodsPerYear;
  const nRegions = config.market.regions.length;
  const nMeasures = config.market.measureTypes.length;
  const nCells = nRegions * nMeasures;
  const state: MarketState = {
    period: 0,
    periodsPerYear: P,
    nRegions,
    nMeasures,
    n: 0,
    operatingCount: 0,
    capacity: config.suppliers.initialCount + 64,
    s: allocateSuppliers(config.suppliers.initialCount + 64, P),
    cellBase: cellBaseDemand(config),
    cellShock: new Float64Array(nCells),
    cellDemand: new Float64Array(nCells),
    macroShock: 0,
    cellCycleEnd: new Int32Array(nCells),
    cellOptionPending: new Uint8Array(nCells),
    cellOptionPeriods: new Int32Array(nCells),
    cellOptionProbability: new Float64Array(nCells),
    cellLotStart: new Int32Array(0),
    cellLotMax: new Int32Array(0),
    cellLotCount: new Int32Array(nCells),
    cellMembers: Array.from({ length: nCells }, () => []),
    lotCount: 0,
    stride: 0,
    ...allocateLots(0, 0),
    ledger: emptyLedger(),
  };
  layoutLots(state, lotsNeeded(config), Math.max(config.burnInPolicy.suppliersPerAgreement, config.policy.suppliersPerAgreement));
  generatePopulation(state, ws, config, openStream(root, StreamPurpose.population));
  initialiseDemand(state, config, openStream(root, StreamPurpose.demand, 0x7fffffff));
  return state;
}

/**
 * Burn-in of a config of numbers (its distributions already drawn for this seed, by
 * `resolveUncertain` at the boundary); `source` is the config as decoded, kept in the snapshot for
 * the policies that start from it. The seed is checked there too (`checkSeed`).
 * @internal The public `burnIn` and `burnInDecoded` (src/simulate.ts) decode and draw, then call this.
 */
export function burnInDrawn(config: Config, source: UncertainConfig, seed: Seed): MarketSnapshot {
  const root = seedRoot(seed);
  const ws = createWorkspace();
  const state = initialState(config, root, ws);
  const ctx = phaseContext(config, config.burnInPolicy, root);
  const totals = emptyPeriodTotals();
  for (let t = 0; t < ctx.policyStart; t++) runPeriod(state, ctx, ws, t, totals);
  return { kind: 'framework-agreement-sim/market-snapshot', seed: canonicalSeed(seed), config, source, initialSuppliers: config.suppliers.initialCount, state };
}

/**
 * The parts of a config that shaped the burned-in market and so cannot change afterwards, as text.
 * @internal
 */
export function frozenParts(config: UncertainConfig | Config): string {
  const { run, market, suppliers, behaviour, burnInPolicy } = config;
  // The allocation rule shapes burn-in too (who is used, who earns, who survives): a world with
  // another rule is another market, not a policy starting from this one.
  return JSON.stringify([run.periodsPerYear, run.burnInYears, market.regions, market.measureTypes, market.demand, market.allocationRule, suppliers, behaviour, burnInPolicy]);
}

/**
 * True when two configs agree on everything that shapes a market during burn-in, so a market
 * burned in under one can start the other's horizon. Configs with distributions agree when they
 * give the same distributions there: drawn with one seed, they give the same numbers.
 */
export function sharesBurnIn(a: UncertainConfig, b: UncertainConfig): boolean {
  return frozenParts(a) === frozenParts(b);
}

/** What a run can record besides its outcomes. */
export interface SimulateOptions {
  /**
   * Record every supplier's life over the horizon (`SimulationResult.suppliers`): entry, ownership,
   * size class at the start and at each year's end, tenders bid and places won, exit and its cause,
   * censoring. Off by default: it costs memory in proportion to the suppliers. No number changes.
   */
  readonly suppliers?: boolean;
}

/**
 * Runs the horizon of a config of numbers (drawn for the snapshot's seed at the boundary) from a
 * burned-in market. With `consume` the snapshot's state is run in place (the caller will not use
 * the snapshot again: saves a copy of every column per replication in experiment loops); otherwise
 * on a copy. `inputs` are the values drawn, recorded in the result.
 * @internal The public `simulateFrom` and `simulateFromDecoded` (src/simulate.ts) call this.
 */
export function simulateDrawnFrom(snapshot: MarketSnapshot, config: Config, inputs: Readonly<Record<string, number>>, consume = false, options: SimulateOptions = {}): SimulationResult {
  return runHorizon(consume ? snapshot.state : cloneState(snapshot.state), config, snapshot.seed, snapshot.initialSuppliers, inputs, options);
}

/** Runs the horizon on a state this call owns (it is mutated). */
function runHorizon(state: MarketState, config: Config, seed: string, initialSuppliers: number, inputs: Readonly<Record<string, number>>, options: SimulateOptions = {}): SimulationResult {
  const root = seedRoot(seed);
  const ctx = phaseContext(config, config.policy, root);
  const needed = lotsNeeded(config);
  if (needed.some((x, i) => x > state.cellLotMax[i]!) || config.policy.suppliersPerAgreement > state.stride) {
    layoutLots(state, needed, config.policy.suppliersPerAgreement);
  }
  const H = config.run.horizonYears * config.run.periodsPerYear;
  markCohorts(state, config, ctx.policyStart);
  const rec = createRecorder(state, H);
  const lives = options.suppliers === true ? startLives(state, config, ctx.policyStart) : null;
  const ws = createWorkspace();
  const totals = emptyPeriodTotals();
  for (let h = 0; h < H; h++) {
    const t = ctx.policyStart + h;
    runPeriod(state, ctx, ws, t, totals);
    recordPeriod(rec, state, ws, config, totals, h, t);
    if (lives !== null) recordLivesPeriod(lives, state, config, t);
  }
  const series = {} as Record<SeriesMetric, number[]>;
  for (const k of Object.keys(rec.series) as SeriesMetric[]) series[k] = Array.from(rec.series[k]);
  return {
    seed,
    library: LIBRARY,
    version: RESULT_FORMAT_VERSION,
    config,
    policy: config.policy.name,
    periodsPerYear: config.run.periodsPerYear,
    horizonPeriods: H,
    series,
    outcomes: outcomesOf(rec, state, config),
    ledger: ledgerOf(state, initialSuppliers),
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(lives !== null ? { suppliers: finishLives(lives, state, H) } : {}),
  };
}
