/**
 * Pairs of numeric parameters at their bounds (tests/engine/bounds.test.ts has each alone): a config
 * the decoder accepts must run without throwing and satisfy the invariants of docs/testing.md. In the
 * slow suite (`npm run test:slow`, run by CI after `npm test`): 300 pairs take about 10 s alone.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ALL, PARAMETERS, runWith, SIZE, type Scope, type Setting } from '../helpers/bounds.js';

describe('every numeric parameter at its bounds', () => {
  it('in pairs: two parameters at bounds at once, for all or one ownership type or list entry (fast-check, fixed seed)', () => {
    const setting = fc
      .tuple(fc.integer({ min: 0, max: PARAMETERS.length - 1 }), fc.nat(), fc.oneof(fc.constant(ALL), fc.nat({ max: 4 }).map((index): Scope => ({ kind: 'one', index }))))
      .map(([i, b, scope]): Setting => [PARAMETERS[i]!, PARAMETERS[i]!.bounds[b % PARAMETERS[i]!.bounds.length]!, scope]);
    fc.assert(
      fc.property(
        fc.tuple(setting, setting).filter(([a, b]) => a[0] !== b[0] && !(SIZE.has(a[0].name) && SIZE.has(b[0].name))),
        (pair) => {
          runWith(pair);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });
});
