import { defineConfig } from 'vitest/config';
import { common } from './vitest.config.js';
import { SLOW_TESTS } from './tests/slowTests.js';

// The slow suite (tests/slowTests.ts): `npm run test:slow`; CI runs it after `npm test`.
export default defineConfig({ test: { ...common, include: [...SLOW_TESTS] } });
