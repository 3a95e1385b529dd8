import { configDefaults, defineConfig } from 'vitest/config';
import { SLOW_TESTS } from './tests/slowTests.js';

/** What both suites share (vitest.slow.config.ts runs the slow one). */
export const common = {
  testTimeout: 60_000,
  pool: 'forks' as const,
  // Bundles the worker thread's script once for the pool tests (see the file).
  globalSetup: ['tests/globalSetup.ts'],
};

export default defineConfig({
  test: {
    ...common,
    include: ['tests/**/*.test.ts', 'examples/**/*.test.ts'],
    // The slow suite runs with `npm run test:slow`, and in CI after this one (tests/slowTests.ts).
    exclude: [...configDefaults.exclude, ...SLOW_TESTS],
  },
});
