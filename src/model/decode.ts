import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { BASELINE_CONFIG } from './baseline.js';
import { describeValue, isPlainObject, toIssues, type ConfigIssue } from './codecs.js';
import { ConfigError } from './configError.js';
import { lotsPerCellUnder } from './lots.js';
import { OWNERSHIP_TYPES, type Config, type ConfigInput, type Policy, type UncertainConfig } from './config.js';
import { isDistributionLike } from './distributions.js';
import { configAtEnd, hasDistributions, UncertainConfigCodec } from './uncertain.js';

export { MAX_SUPPLIER_PERIODS, MAX_SUPPLIERS_EVER, MAX_AGREEMENT_SLOTS } from './enums.js';
import { MAX_SUPPLIER_PERIODS, MAX_AGREEMENT_SLOTS } from './enums.js';
export { ConfigError, OptionsError, inputError } from './configError.js';

/**
 * Merges a partial input over a base: objects merge key by key, anything else (numbers,
 * strings, lists, null) replaces the base value. A distribution (an object with a `dist` key) is
 * one value: it replaces whatever the base has, and anything given over a distribution replaces
 * it whole, so a uniform over a base's triangular never keeps the triangular's mode. Keys are
 * copied as own data properties, so a `__proto__` key in parsed JSON cannot reach a prototype; the
 * decoder then reports it as unknown.
 */
export function mergeOver(base: unknown, input: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(input) || isDistributionLike(base) || isDistributionLike(input)) return input === undefined ? base : input;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(base)) out[k] = base[k];
  for (const k of Object.keys(input)) {
    Object.defineProperty(out, k, {
      value: mergeOver(Object.prototype.hasOwnProperty.call(base, k) ? base[k] : undefined, input[k]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function policyIssues(policy: Policy, path: string, config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const perYear = config.run.periodsPerYear;
  if (Math.round(policy.baseTermYears * perYear) < 1) {
    issues.push({
      path: `${path}.baseTermYears`,
      message: `a term of ${policy.baseTermYears} years is shorter than one period (1/${perYear} year); lengthen it or raise run.periodsPerYear`,
    });
  }
  const slots = lotsPerCellUnder(config, policy).reduce((a, b) => a + b, 0) * policy.suppliersPerAgreement;
  if (slots > MAX_AGREEMENT_SLOTS) {
    issues.push({
      path: `${path}.lotSplit`,
      message: `this policy creates ${slots} agreement slots (lots x suppliers per agreement), more than the limit of ${MAX_AGREEMENT_SLOTS}; lower lotSplit, suppliersPerAgreement or market.measureTypes[].lotsPerCell`,
    });
  }
  return issues;
}

/** Checks combinations that each value alone cannot: unique names, references, sums, limits. */
export function crossFieldIssues(config: Config): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const { market, suppliers, run } = config;
  const seen = new Set<string>();
  market.regions.forEach((r, i) => {
    if (seen.has(r.name)) issues.push({ path: `market.regions[${i}].name`, message: `region name "${r.name}" is used twice; names must be unique` });
    seen.add(r.name);
  });
  if (market.regions.every((r) => r.demandWeight === 0)) {
    issues.push({ path: 'market.regions', message: 'every region has demandWeight 0; give at least one region a positive weight' });
  }
  const measures = new Set<string>();
  market.measureTypes.forEach((m, i) => {
    if (measures.has(m.name)) issues.push({ path: `market.measureTypes[${i}].name`, message: `measure type "${m.name}" is used twice; names must be unique` });
    measures.add(m.name);
  });
  market.shocks.forEach((s, i) => {
    if (s.measureType !== null && !measures.has(s.measureType)) {
      issues.push({
        path: `market.shocks[${i}].measureType`,
        message: `no measure type is named ${JSON.stringify(s.measureType.length > 40 ? `${s.measureType.slice(0, 40)}…` : s.measureType)}; use one of ${[...measures].map((m) => `"${m}"`).join(', ')} or null for all`,
      });
    }
    // The engine starts a shock at period round(fromYear x periodsPerYear) after policy start.
    if (Math.round(s.fromYear * run.periodsPerYear) >= run.horizonYears * run.periodsPerYear) {
      issues.push({
        path: `market.shocks[${i}].fromYear`,
        message: `year ${s.fromYear} starts after the last period of the ${run.horizonYears}-year horizon, so the shock would never happen; use a smaller fromYear or a longer run.horizonYears`,
      });
    }
  });
  if (OWNERSHIP_TYPES.every((o) => suppliers.ownership[o].share === 0)) {
    issues.push({ path: 'suppliers.ownership', message: 'every ownership type has share 0; give at least one a positive share' });
  }
  if (suppliers.entry.ratePerYear > 0 && OWNERSHIP_TYPES.every((o) => suppliers.entry.ownershipShares[o] === 0)) {
    issues.push({
      path: 'suppliers.entry.ownershipShares',
      message: 'entry is switched on (ratePerYear > 0) but every ownership share of entrants is 0; give one a positive share or set ratePerYear to 0',
    });
  }
  if (suppliers.sizeThresholds.smallBelow > suppliers.sizeThresholds.largeFrom) {
    issues.push({
      path: 'suppliers.sizeThresholds.smallBelow',
      message: `smallBelow (${suppliers.sizeThresholds.smallBelow}) is above largeFrom (${suppliers.sizeThresholds.largeFrom}); the small threshold must not exceed the large one`,
    });
  }
  const supplierPeriods = suppliers.initialCount * (run.burnInYears + run.horizonYears) * run.periodsPerYear;
  if (supplierPeriods > MAX_SUPPLIER_PERIODS) {
    issues.push({
      path: 'suppliers.initialCount',
      message: `${suppliers.initialCount} suppliers over ${(run.burnInYears + run.horizonYears) * run.periodsPerYear} periods is ${supplierPeriods} supplier-periods, above the limit of ${MAX_SUPPLIER_PERIODS}; use fewer suppliers, fewer periods per year or a shorter run`,
    });
  }
  issues.push(...policyIssues(config.burnInPolicy, 'burnInPolicy', config));
  issues.push(...policyIssues(config.policy, 'policy', config));
  return issues;
}

/**
 * Combinations of a config whose numbers may be distributions: those of {@link crossFieldIssues},
 * checked with every distribution at the low end of its values and again at the high end (a
 * problem found at only one end says so). A combination of two distributions that fails only at
 * mixed ends (one high, the other low) is caught when a run draws it (`resolveUncertain`).
 */
export function uncertainCrossFieldIssues(config: UncertainConfig): ConfigIssue[] {
  if (!hasDistributions(config)) return crossFieldIssues(config as Config);
  const low = crossFieldIssues(configAtEnd(config, 'low'));
  const high = crossFieldIssues(configAtEnd(config, 'high'));
  const key = (i: ConfigIssue) => `${i.path}\u0000${i.message}`;
  const atHigh = new Set(high.map(key));
  const atLow = new Set(low.map(key));
  return [
    ...low.map((i) => (atHigh.has(key(i)) ? i : { path: i.path, message: `${i.message} (with every distribution at the low end of its values)` })),
    ...high.filter((i) => !atLow.has(key(i))).map((i) => ({ path: i.path, message: `${i.message} (with every distribution at the high end of its values)` })),
  ];
}

/**
 * Decodes a user's partial config: merges it over `base` (the built-in Norwegian baseline by
 * default), checks every value's type and range, rejects unknown keys, and checks combinations.
 * Any number may be given as a distribution (see `Distribution`), whose every value must lie in
 * the number's range; the result keeps it, and each run draws it (`resolveUncertain`).
 * Returns every problem found, each with its path, or the complete config.
 * @example
 * const r = decodeConfig({ policy: { minimumVolumeShare: 0.3 } });
 * if (r._tag === 'Left') console.error(r.left); else simulate(r.right, 1);
 * @example
 * decodeConfig({ effects: { dataSharing: { workRateGain: { dist: 'uniform', min: 0, max: 1.4 } } } });
 * // Left: effects.dataSharing.workRateGain: uniform max 1.4 outside [0, 1]
 */
export function decodeConfig(input: unknown = {}, base: UncertainConfig = BASELINE_CONFIG): Either<ConfigIssue[], UncertainConfig> {
  if (input !== undefined && !isPlainObject(input)) {
    return left([{ path: '(config)', message: `expected an object, got ${describeValue(input)}` }]);
  }
  const decoded = UncertainConfigCodec.decode(mergeOver(base, input));
  if (decoded._tag === 'Left') return left(toIssues(decoded.left));
  const issues = uncertainCrossFieldIssues(decoded.right);
  return issues.length > 0 ? left(issues) : right(decoded.right);
}

/** Like {@link decodeConfig} but throws a {@link ConfigError} listing every problem. */
export function parseConfig(input: unknown = {}, base: UncertainConfig = BASELINE_CONFIG): UncertainConfig {
  const r = decodeConfig(input, base);
  if (r._tag === 'Left') throw new ConfigError(r.left);
  return r.right;
}

/** Accepts a config input or an already decoded config and returns a decoded one (decoding again is cheap and safe). */
export function resolveConfig(input: ConfigInput | UncertainConfig | undefined): UncertainConfig {
  // Only a missing input means "the baseline"; null is a malformed config like any other non-object.
  return parseConfig(input === undefined ? {} : input);
}
