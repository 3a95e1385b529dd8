import { describe, expect, it } from 'vitest';
import { MECHANISM_CHECKS, runCheck } from './mechanismChecks.js';

// docs/validation.md, section 1, on fewer runs and a shorter horizon: each mechanism moves its
// outcome the way it should (the whole 95 % interval on the expected side), and where a carrying
// mechanism is named for these checks, switching it off shrinks the effect.
const RUNS = 12;
const HORIZON = 4;
const byClaim = (text: string) => MECHANISM_CHECKS.find((c) => c.claim.startsWith(text))!;

describe('each mechanism in isolation (paired, fixed seeds)', () => {
  it.each([
    ['lots twice as large'],
    ['more weight on price (0.9 instead of 0.7) lowers the price'],
    ['more weight on price lowers the margin of the providers main-income at policy start'],
    ['a 90 % guarantee (above expected use) lowers the price'],
    ['a 90 % guarantee makes the buyer pay'],
    ['without acquisitions'],
    ['less weight on price (0.4) raises quality'],
  ])('%s', async (claim) => {
    const check = byClaim(claim);
    const r = await runCheck(check, {}, RUNS, 'mechanism-test', HORIZON);
    if (check.direction === 'up') expect(r.lower, `${check.claim}: ${JSON.stringify(r)}`).toBeGreaterThan(0);
    else expect(r.upper, `${check.claim}: ${JSON.stringify(r)}`).toBeLessThan(0);
  });

  it.each([['a 90 % guarantee (above expected use) lowers the price'], ['less weight on price (0.4) raises quality']])(
    'switched off, the effect shrinks: %s',
    async (claim) => {
      const check = byClaim(claim);
      const on = await runCheck(check, {}, RUNS, 'mechanism-test', HORIZON);
      const off = await runCheck(check, check.off!.world, RUNS, 'mechanism-test', HORIZON);
      // The effect with the mechanism off is less than a third of the effect with it on.
      expect(Math.abs(off.mean), `${check.claim}: on ${on.mean}, off ${off.mean}`).toBeLessThan(Math.abs(on.mean) / 3);
    },
  );
});
