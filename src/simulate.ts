/**
 * The public way into the engine: these functions take a config as a user writes it (or as
 * decoded), decode it with its codecs, draw its distributions for the seed, and hand the engine a
 * config of numbers. The engine itself never decodes, so it reaches neither io-ts nor fp-ts.
 * @packageDocumentation
 */
import { profileOf } from './engine/profile.js';
import { burnInDrawn, checkSeed, frozenParts, simulateDrawnFrom, type MarketSnapshot, type SimulateOptions } from './engine/simulate.js';
import type { MarketProfile } from './model/profile.js';
import type { ConfigInput, UncertainConfig } from './model/config.js';
import { ConfigError, decodeConfig, resolveConfig } from './model/decode.js';
import type { SimulationResult } from './model/result.js';
import { resolveUncertain } from './model/resolve.js';
import type { Seed } from './random/streams.js';

export type { MarketSnapshot, SimulateOptions } from './engine/simulate.js';

/** Burn-in on an already decoded config; its distributions are drawn for this seed (`resolveUncertain`). */
export function burnInDecoded(config: UncertainConfig, seed: Seed): MarketSnapshot {
  checkSeed(seed);
  return burnInDrawn(resolveUncertain(config, seed).config, config, seed);
}

/**
 * Generates the initial market from `seed` and runs the burn-in years under the burn-in policy
 * (today's policy by default). The snapshot can then start any number of policies.
 * @throws {ConfigError} if the config or seed is invalid (every problem listed with its path).
 * @example
 * const market = burnIn({}, 42);
 * const today = simulateFrom(market);
 * const guarantee = simulateFrom(market, { policy: { minimumVolumeShare: 0.3 } });
 */
export function burnIn(input: ConfigInput = {}, seed: Seed = 1): MarketSnapshot {
  return burnInDecoded(resolveConfig(input), seed);
}

/**
 * {@link simulateFrom} with a decoded config that `sharesBurnIn` with the snapshot's (not checked
 * here; for experiment loops). Its distributions are drawn for the snapshot's seed. With `consume`,
 * the snapshot is used up.
 */
export function simulateFromDecoded(snapshot: MarketSnapshot, config: UncertainConfig, consume = false, options: SimulateOptions = {}): SimulationResult {
  const drawn = resolveUncertain(config, snapshot.seed);
  return simulateDrawnFrom(snapshot, drawn.config, drawn.inputs, consume, options);
}

/**
 * Simulates the horizon from a burned-in market. `input` is merged over the snapshot's config;
 * it may change the policy, the horizon, scripted demand shocks, effect sizes and outcome values,
 * but not what shaped the market during burn-in. The snapshot is not changed.
 * @throws {ConfigError} if the input is invalid or changes a frozen part.
 */
export function simulateFrom(snapshot: MarketSnapshot, input: ConfigInput = {}, options: SimulateOptions = {}): SimulationResult {
  const decoded = decodeConfig(input, snapshot.source);
  if (decoded._tag === 'Left') throw new ConfigError(decoded.left);
  const { config, inputs } = resolveUncertain(decoded.right, snapshot.seed);
  if (frozenParts(config) !== frozenParts(snapshot.config)) {
    throw new ConfigError([
      {
        path: '(config)',
        message:
          'a burned-in market can only change policy, run.horizonYears, market.shocks, effects and outcomes; run burnIn again to change anything else',
      },
    ]);
  }
  return simulateDrawnFrom(snapshot, config, inputs, false, options);
}

/**
 * {@link simulate} on an already decoded config (skips decoding; for experiment loops). Its
 * distributions are drawn for this seed (`resolveUncertain`).
 */
export function simulateDecoded(config: UncertainConfig, seed: Seed, options: SimulateOptions = {}): SimulationResult {
  checkSeed(seed);
  const drawn = resolveUncertain(config, seed);
  return simulateDrawnFrom(burnInDrawn(drawn.config, config, seed), drawn.config, drawn.inputs, true, options);
}

/**
 * Runs one replication: burn-in under `burnInPolicy`, then the horizon under `policy`.
 * `input` is a partial config merged over the built-in Norwegian baseline. Any number in it may
 * be a distribution: the run draws each from its own stream of the seed (`resolveUncertain`), and
 * `result.inputs` lists the values drawn. The same input and seed always give the same result,
 * byte for byte.
 * @throws {ConfigError} if the config or seed is invalid (every problem listed with its path).
 * @example
 * const r = simulate({ policy: { minimumVolumeShare: 0.3 } }, 42);
 * r.outcomes.smallCohortSurvival; // share of small suppliers still operating after 12 years
 * simulate({}, 42, { suppliers: true }).suppliers; // every supplier's life over the horizon
 */
export function simulate(input: ConfigInput = {}, seed: Seed = 1, options: SimulateOptions = {}): SimulationResult {
  return simulateDecoded(resolveConfig(input), seed, options);
}

/**
 * The make-up of a burned-in market, as it stands when a policy would start: suppliers by size
 * class, ownership and the report's classes of dependence on the buyer (each with how many hold an
 * agreement), and the share too small to take one place, or a whole lot alone, of the lots in
 * force. The snapshot is not changed and nothing is drawn.
 * @throws {TypeError} if `snapshot` is not a market snapshot from {@link burnIn}.
 * @example
 * const profile = marketProfile(burnIn({}, 1));
 * profile.bySize.small.shareOfOperating; // the share of operating suppliers in the small class
 * profile.lotReach.tooSmallForLot;       // the share too small to take a median lot alone
 */
export function marketProfile(snapshot: MarketSnapshot): MarketProfile {
  if (snapshot === null || typeof snapshot !== 'object' || snapshot.kind !== 'framework-agreement-sim/market-snapshot') {
    throw new TypeError('marketProfile: expected a market snapshot from burnIn()');
  }
  return profileOf(snapshot.state, snapshot.config, snapshot.state.period - 1);
}
