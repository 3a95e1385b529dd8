/**
 * Arbitraries (fast-check generators) of valid configs and their parts, and of invalid configs,
 * for property-based tests of the library and of models built on it.
 * @packageDocumentation
 */
export { policy, POLICY_DEFAULT_RANGES, type PolicyInput, type PolicyOptions } from './arbitraries/policy.js';
export { runSettings, SMALL_RUN_RANGES, type RunInput, type RunOptions } from './arbitraries/run.js';
export { market, SMALL_MARKET_RANGES, type MarketInput, type MarketOptions } from './arbitraries/market.js';
export { suppliers, SMALL_SUPPLIER_RANGES, type SuppliersInput, type SuppliersOptions } from './arbitraries/suppliers.js';
export { config, SMALL_POLICY_RANGES, type ConfigOptions } from './arbitraries/config.js';
export type { Range, RangesOf } from './arbitraries/ranges.js';
export { distribution, uncertainSections, UNCERTAIN_SECTIONS, type DistributionOptions, type UncertainSectionsOptions } from './arbitraries/distribution.js';
export { invalidConfig, INVALID_KINDS, NON_JSON_KINDS, type InvalidConfig, type InvalidConfigOptions, type InvalidKind } from './arbitraries/invalid.js';
