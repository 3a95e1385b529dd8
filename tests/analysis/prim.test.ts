import { describe, expect, it } from 'vitest';
import { prim } from '../../src/analysis/prim.js';
import { chooseBox, inBox } from '../../src/analysis/primBox.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';

const T = true;
const F = false;

/** The restrictions of a box as [input, lower, upper]. */
const limitsOf = (box: { restrictions: readonly { input: string; lower: number | null; upper: number | null }[] }) =>
  box.restrictions.map((r) => [r.input, r.lower, r.upper]);

describe('prim: peeling and pasting on hand-made data', () => {
  it('peels one point at a time from the side that raises the density, and stops when none does', () => {
    // x = 1..10, bad from 8 on. alpha 0.1 peels one point a step: the low end always gains density.
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1 }));
    const r = prim(rows, (row) => (row.x as number) >= 8, { peelAlpha: 0.1, massMin: 0.05 });
    expect(r.trajectory.map((b) => b.phase)).toEqual(['start', ...Array(7).fill('peel')]);
    expect(r.trajectory.map((b) => b.limits.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((lo) => [lo, 10]));
    expect(r.trajectory.map((b) => b.density)).toEqual([3 / 10, 3 / 9, 3 / 8, 3 / 7, 3 / 6, 3 / 5, 3 / 4, 1]);
    const last = r.trajectory.at(-1)!;
    expect(last).toMatchObject({ count: 3, hits: 3, coverage: 1, density: 1, mass: 0.3, restricted: 1 });
    expect(limitsOf(last)).toEqual([['x', 8, null]]); // the upper side is the data's max: unrestricted
    // Dropping x >= 8 gives back all rows (density 0.3): P(Bin(3, 0.3) >= 3) = 0.027.
    expect(last.restrictions[0]!.qp).toBeCloseTo(0.3 ** 3, 12);
    expect(r.trajectory[0]!.restrictions).toEqual([]);
  });

  it('peels a whole tied value at once when the quantile falls on the edge', () => {
    const rows = [1, 1, 1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ x }));
    const r = prim(rows, [F, F, F, T, T, T, T, T, T, T], { peelAlpha: 0.1 });
    expect(r.trajectory[1]).toMatchObject({ count: 7, hits: 7, density: 1, limits: { x: [2, 8] } });
    expect(r.trajectory).toHaveLength(2);
  });

  it('breaks ties between equally good peels in favour of an input already restricted', () => {
    // Step 1: x1 >= 2 and x2 >= 2 remove one good row each (tie; the first input wins). Steps 2 and 3:
    // again a tie between x1 and x2, and x1, already restricted, wins: the box restricts x1 only.
    const rows = [
      [1, 5],
      [2, 6],
      [3, 1],
      [4, 2],
      [5, 3],
      [6, 4],
      [7, 7],
      [8, 8],
    ].map(([x1, x2]) => ({ x1: x1!, x2: x2! }));
    const r = prim(rows, [F, F, F, T, T, T, T, T], { peelAlpha: 0.125 });
    expect(r.trajectory.map((b) => b.limits.x1![0])).toEqual([1, 2, 3, 4]);
    expect(r.trajectory.map((b) => b.limits.x2)).toEqual(Array(4).fill([1, 8]));
    const last = r.trajectory.at(-1)!;
    expect(limitsOf(last)).toEqual([['x1', 4, null]]);
    expect(last.restrictions[0]!.qp).toBeCloseTo((5 / 8) ** 5, 12); // P(Bin(5, 5/8) >= 5)
  });

  it('pastes back a slice that a coarse peel took, when that raises the density', () => {
    // alpha 0.4 peels x < 5 then x < 7 (density 0.75); pasting adds x = 6 back (density 0.8) and stops
    // before x = 5, which is good.
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1 }));
    const bad = [F, F, T, T, F, T, T, F, T, T];
    const r = prim(rows, bad, { peelAlpha: 0.4, pasteAlpha: 0.05 });
    expect(r.trajectory.map((b) => [b.phase, b.limits.x![0], b.density])).toEqual([
      ['start', 1, 0.6],
      ['peel', 5, 4 / 6],
      ['peel', 7, 0.75],
      ['paste', 6, 0.8],
    ]);
    // P(Bin(5, 0.6) >= 4) = 5 (0.6^4)(0.4) + 0.6^5 = 0.33696: a weak restriction.
    expect(r.trajectory.at(-1)!.restrictions[0]!.qp).toBeCloseTo(0.33696, 12);
    expect(prim(rows, bad, { peelAlpha: 0.4, paste: false }).trajectory.at(-1)!.limits.x).toEqual([7, 10]);
  });

  it('stops peeling at the minimum mass', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: i + 1 }));
    const r = prim(rows, (row) => (row.x as number) >= 8, { peelAlpha: 0.1, massMin: 0.5 });
    expect(r.trajectory.at(-1)!.count).toBe(5);
  });

  it('rejects bad input with paths', () => {
    const rows = [{ x: 1 }, { x: 2 }];
    expect(() => prim([], [])).toThrow(/rows/);
    expect(() => prim(rows, [T])).toThrow(/bad: expected 2 booleans/);
    expect(() => prim(rows, [F, F])).toThrow(/no row has the bad outcome/);
    expect(() => prim([{ x: 1 }, { x: Number.NaN }], [T, F], { inputs: ['x'] })).toThrow(/rows\[1\]\.x/);
    expect(() => prim(rows, [T, F], { peelAlpha: 0.5 })).toThrow(/peelAlpha/);
    expect(() => prim(rows, [T, F], { massMin: 0 })).toThrow(/massMin/);
    expect(() => prim([{ name: 'a' }], [T])).toThrow(/no input columns/);
  });
});

describe('prim: recovering a known box', () => {
  /** 2000 rows uniform on [0, 1]^4; bad with probability 0.95 inside x1 > 0.7 and x2 < 0.4, 0.05 outside. */
  function synthetic(seed: number) {
    const rng = openStream(seedRoot(seed), StreamPurpose.design, 99);
    const rows = Array.from({ length: 2000 }, () => ({ x1: rng.next(), x2: rng.next(), x3: rng.next(), x4: rng.next() }));
    const bad = rows.map((r) => (r.x1 > 0.7 && r.x2 < 0.4 ? rng.next() < 0.95 : rng.next() < 0.05));
    return { rows, bad };
  }

  it('finds x1 >= 0.7 and x2 <= 0.4 and leaves x3 and x4 free, on three data sets', () => {
    for (const seed of [1, 2, 3]) {
      const { rows, bad } = synthetic(seed);
      const r = prim(rows, bad);
      const box = chooseBox(r, { minDensity: 0.9 })!;
      // The restrictions that matter are x1 and x2; a box may also carry a spurious one, which its
      // quasi-p-value shows for what it is (seed 2 restricts x3 a little).
      expect(box.restrictions.filter((x) => x.qp < 0.05).map((x) => x.input), `seed ${seed}`).toEqual(['x1', 'x2']);
      const x1 = box.restrictions.find((x) => x.input === 'x1');
      const x2 = box.restrictions.find((x) => x.input === 'x2');
      expect(Math.abs(x1!.lower! - 0.7)).toBeLessThan(0.03);
      expect(x1!.upper).toBeNull();
      expect(x2!.lower).toBeNull();
      // Within one peel: each peel removes 5 % of the box's rows, about 0.05 of an input's range here.
      expect(Math.abs(x2!.upper! - 0.4)).toBeLessThan(0.05);
      for (const x of [x1!, x2!]) expect(x.qp).toBeLessThan(1e-50);
      // The box holds most of what can be explained: 0.95 x 240 of about 310 bad rows.
      expect(box.coverage).toBeGreaterThan(0.65);
      expect(rows.filter((row) => inBox(box, row)).length).toBe(box.count);
      // Later peels chase noise; the quasi-p-values say so.
      const last = r.trajectory.at(-1)!;
      for (const x of last.restrictions.filter((q) => q.input === 'x3' || q.input === 'x4')) expect(x.qp).toBeGreaterThan(0.05);
    }
  });

  it('trades coverage for density along the trajectory, and is plain JSON', () => {
    const { rows, bad } = synthetic(4);
    const r = prim(rows, bad, { paste: false });
    for (let i = 1; i < r.trajectory.length; i++) {
      expect(r.trajectory[i]!.density).toBeGreaterThan(r.trajectory[i - 1]!.density);
      expect(r.trajectory[i]!.coverage).toBeLessThanOrEqual(r.trajectory[i - 1]!.coverage);
      expect(r.trajectory[i]!.mass).toBeLessThan(r.trajectory[i - 1]!.mass);
    }
    expect(r.trajectory[0]).toMatchObject({ coverage: 1, mass: 1, density: r.baseDensity });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(chooseBox(r, { minDensity: 1.0 })).toBeNull();
    expect(chooseBox(r)).toBe(r.trajectory.at(-1)); // the densest
    const wide = chooseBox(r, { minCoverage: 0.9 })!;
    expect(wide.coverage).toBeGreaterThanOrEqual(0.9);
    expect(r.trajectory.filter((b) => b.coverage >= 0.9).every((b) => b.density <= wide.density)).toBe(true);
    expect(() => chooseBox(r, { minDensity: 2 })).toThrow(/minDensity/);
  });
});
