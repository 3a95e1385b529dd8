import { describe, expect, it } from 'vitest';
import { gridDesign, latinHypercube, runDesign, setAt, sweep } from '../../src/experiment/index.js';

const small = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 80 } } as const;

describe('sweep', () => {
  it('runs every value on the same replications and measures differences from the first', async () => {
    // Equal shares use about 80 % of committed capacity, so guarantees of 85 % and 95 % pay.
    const r = await sweep(small, 'policy.minimumVolumeShare', [0, 0.85, 0.95], { runs: 4, seed: 1, series: false });
    expect(r.parameter).toBe('policy.minimumVolumeShare');
    expect(r.policies.map((p) => p.name)).toEqual(['policy.minimumVolumeShare=0', 'policy.minimumVolumeShare=0.85', 'policy.minimumVolumeShare=0.95']);
    const pay = (name: string) => r.differences[name]!.guaranteePaymentsPerYear.mean;
    expect(pay('policy.minimumVolumeShare=0.85')).toBeGreaterThan(0);
    expect(pay('policy.minimumVolumeShare=0.95')).toBeGreaterThan(pay('policy.minimumVolumeShare=0.85'));
    expect(r.policies[0]!.outcomes.guaranteePaymentsPerYear.mean).toBe(0);
  });

  it('rejects an unknown path with its location', async () => {
    await expect(sweep(small, 'policy.minimumVolumShare', [0, 1], { runs: 2 })).rejects.toThrow(/did you mean "minimumVolumeShare"/);
    expect(() => setAt('policy..x', 1)).toThrow();
    expect(() => setAt('__proto__.x', 1)).toThrow();
  });
});

describe('designs', () => {
  it('a grid has every combination', () => {
    const points = gridDesign([
      { path: 'policy.priceWeight', values: [0.4, 0.7] },
      { path: 'policy.lotSplit', values: [1, 2, 3] },
    ]);
    expect(points).toHaveLength(6);
    expect(points).toContainEqual({ policy: { priceWeight: 0.7, lotSplit: 3 } });
  });

  it('a Latin hypercube uses each stratum of each range exactly once', () => {
    const n = 10;
    const points = latinHypercube(
      [
        { path: 'policy.priceWeight', range: [0, 1] },
        { path: 'policy.minimumVolumeShare', range: [0, 0.5] },
      ],
      n,
      7,
    );
    const strata = (get: (p: any) => number, width: number) => points.map((p) => Math.floor(get(p) / width)).sort((a, b) => a - b);
    expect(strata((p) => p.policy.priceWeight, 1 / n)).toEqual([...Array(n).keys()]);
    expect(strata((p) => p.policy.minimumVolumeShare, 0.5 / n)).toEqual([...Array(n).keys()]);
    expect(latinHypercube([{ path: 'policy.priceWeight', range: [0, 1] }], n, 7)).toEqual(
      latinHypercube([{ path: 'policy.priceWeight', range: [0, 1] }], n, 7),
    );
  });

  it('runs a design as a paired experiment', async () => {
    const r = await runDesign(small, gridDesign([{ path: 'policy.priceWeight', values: [0.3, 1] }]), { runs: 2, series: false });
    expect(Object.keys(r.differences)).toEqual(['point 1', 'point 2']);
  });
});
