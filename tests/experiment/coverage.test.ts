import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/experiment/index.js';
import { bernoulliExecutor } from '../helpers/bernoulliExecutor.js';

/**
 * Interval coverage on a model with a known answer: a 0/1 outcome that is 1 in a share p = 0.05 of
 * the replications (a rare event, like an acquisition in a small cohort), run through the
 * library's own summaries, merging and stop rule by a synthetic executor (no market model, so
 * hundreds of experiments take about a second). Fixed seeds: the count is the same on every run.
 */
describe('coverage of the 95 % interval', () => {
  it('a stopped experiment on a rare 0/1 outcome covers its true mean 90-98 % of the time', async () => {
    const p = 0.05;
    const experiments = 400;
    let covered = 0;
    for (let seed = 0; seed < experiments; seed++) {
      const r = await monteCarlo({}, {
        runs: 1000,
        seed,
        rows: false,
        series: false,
        executor: bernoulliExecutor('smallCohortAcquired', p),
        stopWhen: { metric: 'smallCohortAcquired', halfWidth: 0.1, batch: 10 },
      });
      const s = r.policies[0]!.outcomes.smallCohortAcquired;
      if (!s.noVariation && s.lower <= p && p <= s.upper) covered++;
      // Never a stop on a first batch, on too few runs, or on a batch of zeros.
      if (r.convergence!.converged) expect(r.runs >= 30 && !s.noVariation).toBe(true);
    }
    // The old rule, which stopped on the first batch of 10 whenever it had no event (0.95^10 = 60 % of them), covered 37 %.
    expect(covered / experiments).toBeGreaterThanOrEqual(0.9);
    expect(covered / experiments).toBeLessThanOrEqual(0.98);
  });
});
