/**
 * The slow suite: statistical checks of the whole model over hundreds of simulations, and the
 * pairwise bounds property. `npm test` leaves them out so that it stays quick enough to run after
 * every change; `npm run test:slow` runs them, and CI (.ci/run) runs both suites on every
 * submission, so no assertion is skipped there. Shared by vitest.config.ts (which excludes them) and
 * vitest.slow.config.ts (which runs only them).
 */
export const SLOW_TESTS = [
  // The shipped baseline against every calibration target, 240 runs of the full market.
  'tests/calibration/baseline.test.ts',
  // Each mechanism in isolation and switched off (docs/validation.md), paired runs of the full market.
  'tests/validation/mechanisms.test.ts',
  // 300 pairs of parameters at their bounds.
  'tests/engine/boundsPairs.test.ts',
];
