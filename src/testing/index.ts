/**
 * framework-agreement-sim/testing: a property-based testing kit for the library and for models
 * built on it. Arbitraries (fast-check generators) of valid configs and their parts, shrinking
 * towards the baseline, arbitraries of malformed configs for negative tests, and statistical
 * helpers for assertions about simulated outcomes.
 *
 * fast-check is a peer dependency of this entry only: install it beside the library
 * (`npm install --save-dev fast-check`). The core entry does not import it.
 * @module framework-agreement-sim/testing
 */
export * from './arbitraries.js';
export * from './statistics.js';
