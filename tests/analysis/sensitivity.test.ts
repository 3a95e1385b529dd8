import { describe, expect, it } from 'vitest';
import { configPoints } from '../../src/analysis/parameters.js';
import { designOutputs } from '../../src/analysis/designOutputs.js';
import { designSpec } from '../../src/analysis/designSpec.js';
import { morrisEffects } from '../../src/analysis/morrisEffects.js';
import { finaliseExperiment } from '../../src/experiment/result.js';
import { mergeShards, runShard } from '../../src/experiment/shard.js';
import { compare } from '../../src/experiment/compare.js';
import { sensitivity } from '../../src/analysis/sensitivity.js';
import { monteCarlo } from '../../src/experiment/monteCarlo.js';
import { mergeOver } from '../../src/model/decode.js';
import type { ConfigInput } from '../../src/model/config.js';

const tiny = { suppliers: { initialCount: 80 }, run: { burnInYears: 2, horizonYears: 3 } } as const;
// policy.priceWeight shapes every award; outcomes.valuePerTransition only prices the transitions
// (transitionValuePerYear), so the concentration outcome top15Share never reads it.
const parameters = [
  { path: 'policy.priceWeight', range: [0.3, 1] as const },
  { path: 'outcomes.valuePerTransition', range: [500_000, 1_300_000] as const },
];
const zero = { estimate: 0, se: 0, lower: 0, upper: 0 };

describe('sensitivity on the model', () => {
  it('Sobol: a parameter the outcome never reads gets indices of exactly 0; one it reads does not', async () => {
    const s = await sensitivity(tiny, parameters, { method: 'sobol', outcomes: ['top15Share', 'transitionValuePerYear'], n: 4, runs: 2, seed: 3, bootstrap: 200 });
    expect(s.design.values).toHaveLength(4 * 4);
    const n = 4;
    const top15 = s.outputs.top15Share!;
    // Common random numbers: A and A_B^(2) differ only in valuePerTransition, so top15Share is the same.
    for (let j = 0; j < n; j++) expect(top15[3 * n + j]).toBe(top15[j]);
    const [price, value] = s.indices.top15Share!.indices;
    expect(s.indices.top15Share!.variance).toBeGreaterThan(0);
    expect(value!.parameter).toBe('outcomes.valuePerTransition');
    expect(value!.first).toEqual(zero);
    expect(value!.total).toEqual(zero);
    expect(price!.total.estimate!).toBeGreaterThan(0.5);
    // Not vacuous: the outcome that does read it gives it a large total index.
    expect(s.indices.transitionValuePerYear!.indices[1]!.total.estimate!).toBeGreaterThan(0.3);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('Morris: the unread parameter has every elementary effect exactly 0', async () => {
    const s = await sensitivity(tiny, parameters, { method: 'morris', outcomes: ['top15Share'], n: 3, runs: 2, seed: 3, bootstrap: 100 });
    expect(s.design.values).toHaveLength(3 * 3);
    const [price, value] = s.effects.top15Share!.effects;
    expect(value!.elementaryEffects).toEqual([0, 0, 0]);
    expect(value!.muStar).toEqual(zero);
    expect(value!.mu).toBe(0);
    expect(price!.muStar.estimate!).toBeGreaterThan(0);
  });

  it('takes each point\u2019s outcome as its mean over the runs, on the seeds a plain Monte Carlo of that point uses', async () => {
    const s = await sensitivity(tiny, parameters, { method: 'morris', outcomes: ['top15Share', 'smallCohortSurvival'], n: 1, runs: 2, seed: 5, bootstrap: 0 });
    const points = configPoints(s.design);
    for (const k of [0, 2]) {
      const alone = await monteCarlo(mergeOver(tiny, points[k]) as ConfigInput, { runs: 2, seed: 5, series: false, rows: false });
      expect(s.outputs.top15Share![k]).toBe(alone.policies[0]!.outcomes.top15Share.mean);
      expect(s.outputs.smallCohortSurvival![k]).toBe(alone.policies[0]!.outcomes.smallCohortSurvival.mean);
      expect(s.standardErrors.top15Share![k]).toBe(alone.policies[0]!.outcomes.top15Share.se);
    }
  });

  it('gives the same outputs when the design runs as shards merged (the cluster path)', async () => {
    const s = await sensitivity(tiny, parameters, { method: 'morris', outcomes: ['top15Share'], n: 2, runs: 3, seed: 4, bootstrap: 50 });
    const spec = JSON.parse(JSON.stringify(designSpec(tiny, s.design, 4)));
    const merged = finaliseExperiment(mergeShards([runShard(spec, 2, 3), runShard(spec, 0, 2)]));
    expect(designOutputs(merged, 'top15Share')).toEqual(s.outputs.top15Share);
    expect(morrisEffects(s.design, designOutputs(merged, 'top15Share'), { seed: 4, bootstrap: 50 })).toEqual(s.effects.top15Share);
    const notADesign = await compare(tiny, { other: { policy: { priceWeight: 0.5 } } }, { runs: 1, series: false });
    expect(() => designOutputs(notADesign, 'top15Share')).toThrow(/not the result of a design/);
    expect(() => designOutputs(merged, 'top15share' as never)).toThrow(/no outcome/);
  });

  it('rejects bad input before any run', async () => {
    const options = { method: 'sobol', outcomes: ['top15Share'], n: 4, runs: 1 } as const;
    await expect(sensitivity(tiny, parameters, { ...options, outcomes: ['top15share' as never] })).rejects.toThrow(/did you mean "top15Share"/);
    await expect(sensitivity(tiny, parameters, { ...options, outcomes: [] })).rejects.toThrow(/at least one outcome/);
    await expect(sensitivity(tiny, parameters, { ...options, method: 'fast' as never })).rejects.toThrow(/options.method/);
    await expect(sensitivity(tiny, parameters, { ...options, level: 2 })).rejects.toThrow(/level/);
    await expect(sensitivity(tiny, [{ path: 'policy.priceWieght', range: [0, 1] }], options)).rejects.toThrow(/did you mean "priceWeight"/);
  });
});
