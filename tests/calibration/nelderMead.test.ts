import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/calibration/nelderMead.js';

const bowl = (centre: readonly number[]) => async (x: readonly number[]) => x.reduce((a, v, k) => a + (v - centre[k]!) ** 2, 0);

describe('nelderMead', () => {
  it('finds the minimum of a bowl inside the box', async () => {
    const r = await nelderMead(bowl([0.3, 0.6, 0.8]), [0.5, 0.5, 0.5], { maxEvaluations: 500, pointTolerance: 1e-6 });
    r.x.forEach((v, k) => expect(v).toBeCloseTo([0.3, 0.6, 0.8][k]!, 4));
    expect(r.converged).toBe(true);
  });

  it('stops at the edge of the box when the minimum lies outside it', async () => {
    const r = await nelderMead(bowl([1.4, -0.2]), [0.5, 0.5], { maxEvaluations: 500 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(0, 4);
    // (1 - 1.4)^2 + (0 + 0.2)^2
    expect(r.value).toBeCloseTo(0.2, 6);
  });

  it('never evaluates more than it may, and never outside the box', async () => {
    const seen: number[][] = [];
    const r = await nelderMead(async (x) => { seen.push([...x]); return (x[0]! - 2) ** 2 + x[1]!; }, [0.9, 0.1], { maxEvaluations: 17 });
    expect(seen.length).toBe(17);
    expect(r.evaluations).toBe(17);
    expect(r.converged).toBe(false);
    for (const x of seen) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('follows the same path for the same objective and start', async () => {
    const path = async () => {
      const xs: string[] = [];
      await nelderMead(async (x) => { xs.push(x.join(',')); return Math.abs(x[0]! - 0.2) + Math.abs(x[1]! - 0.7); }, [0.5, 0.5], { maxEvaluations: 60 });
      return xs;
    };
    expect(await path()).toEqual(await path());
  });

  it('refuses an objective that returns NaN, naming the point', async () => {
    await expect(nelderMead(async () => Number.NaN, [0.5], { maxEvaluations: 10 })).rejects.toThrow(/NaN at \[0.5\]/);
  });
});
