import { describe, expect, it } from 'vitest';
import { morrisDesign } from '../../src/analysis/morrisDesign.js';
import { morrisEffects } from '../../src/analysis/morrisEffects.js';
import { ishigami, ISHIGAMI_PARAMETERS } from '../helpers/ishigami.js';

/**
 * The exact mean, mean absolute value and sd of the Ishigami elementary effects of a p-level Morris
 * design, by enumeration: at the step of parameter i, x_i is on a level of the lower half and moves
 * Delta = p / (2 (p - 1)) up (or the reverse), and every other coordinate is uniform on all p levels.
 */
function exactIshigamiEffects(p: number): { mu: number; muStar: number; sigma: number }[] {
  const delta = p / (2 * (p - 1));
  const levels = Array.from({ length: p }, (_, j) => -Math.PI + (2 * Math.PI * j) / (p - 1));
  return [0, 1, 2].map((i) => {
    const effects: number[] = [];
    for (let low = 0; low < p / 2; low++) {
      for (const a of levels) {
        for (const b of levels) {
          const x = i === 0 ? [0, a, b] : i === 1 ? [a, 0, b] : [a, b, 0];
          x[i] = levels[low]!;
          const before = ishigami(x);
          x[i] = levels[low + p / 2]!;
          effects.push((ishigami(x) - before) / delta);
        }
      }
    }
    const mu = effects.reduce((s, e) => s + e, 0) / effects.length;
    const muStar = effects.reduce((s, e) => s + Math.abs(e), 0) / effects.length;
    return { mu, muStar, sigma: Math.sqrt(effects.reduce((s, e) => s + (e - mu) ** 2, 0) / effects.length) };
  });
}

describe('morrisDesign', () => {
  const parameters = [
    { path: 'a', range: [0, 1] as const },
    { path: 'b', range: [10, 20] as const },
    { path: 'c', range: [-1, 1] as const },
    { path: 'd', range: [5, 6] as const },
  ];

  it('moves exactly one parameter by +-Delta per step, each once per trajectory, on the grid', () => {
    const p = 6;
    const d = morrisDesign(parameters, 50, p, 3);
    expect(d.delta).toBeCloseTo(0.6, 15); // p / (2 (p - 1))
    expect(d.unit).toHaveLength(50 * 5);
    for (let t = 0; t < 50; t++) {
      expect([...d.order[t]!].sort()).toEqual([0, 1, 2, 3]);
      for (let s = 0; s < 4; s++) {
        const from = d.unit[t * 5 + s]!;
        const to = d.unit[t * 5 + s + 1]!;
        const moved = from.map((x, i) => (x === to[i] ? -1 : i)).filter((i) => i >= 0);
        expect(moved).toEqual([d.order[t]![s]]);
        expect(Math.abs(to[moved[0]!]! - from[moved[0]!]!)).toBeCloseTo(d.delta, 12);
      }
    }
    for (const x of d.unit.flat()) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(Math.abs(x * (p - 1) - Math.round(x * (p - 1)))).toBeLessThan(1e-12);
    }
    d.values.forEach((row, r) => row.forEach((x, c) => expect(x).toBeCloseTo(parameters[c]!.range[0] + d.unit[r]![c]! * (parameters[c]!.range[1] - parameters[c]!.range[0]), 12)));
  });

  it('visits every level about equally often, and steps up and down about equally often', () => {
    const p = 4;
    const d = morrisDesign(parameters, 4000, p, 1);
    const counts = new Array<number>(p).fill(0);
    for (const x of d.unit.flat()) counts[Math.round(x * (p - 1))]!++;
    const expected = d.unit.flat().length / p;
    for (const c of counts) expect(Math.abs(c - expected)).toBeLessThan(4 * Math.sqrt(expected)); // binomial sd below sqrt(expected)
    let up = 0;
    d.order.forEach((steps, t) => steps.forEach((i, s) => (d.unit[t * 5 + s + 1]![i]! > d.unit[t * 5 + s]![i]! ? up++ : 0)));
    expect(Math.abs(up - 8000)).toBeLessThan(4 * Math.sqrt(4000));
  });

  it('is seeded, and a design with more trajectories begins with the same ones', () => {
    const d = morrisDesign(parameters, 10, 4, 9);
    expect(morrisDesign(parameters, 10, 4, 9)).toEqual(d);
    expect(morrisDesign(parameters, 20, 4, 9).unit.slice(0, 50)).toEqual(d.unit);
    expect(morrisDesign(parameters, 10, 4, 10).unit).not.toEqual(d.unit);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('rejects bad arguments with their names', () => {
    expect(() => morrisDesign(parameters, 0)).toThrow(/trajectories/);
    expect(() => morrisDesign(parameters, 5, 5)).toThrow(/levels: expected an even integer/);
    expect(() => morrisDesign([{ path: 'x', range: [0, Number.NaN] }], 5)).toThrow(/x: expected a finite range/);
  });
});

describe('morrisEffects', () => {
  it('gives a linear function its exact effects: c_i times the range, sigma 0, and 0 for an unused input', () => {
    const parameters = [
      { path: 'x1', range: [0, 1] as const },
      { path: 'x2', range: [0, 4] as const },
      { path: 'x3', range: [-1, 1] as const },
    ];
    const d = morrisDesign(parameters, 30, 4, 2);
    const r = morrisEffects(d, d.values.map(([a, b, c]) => 2 * a! - 0.5 * b! + 0 * c!));
    expect(r.effects[0]!.mu).toBeCloseTo(2, 12);
    expect(r.effects[0]!.muStar.estimate!).toBeCloseTo(2, 12);
    expect(r.effects[1]!.mu).toBeCloseTo(-2, 12); // -0.5 x a range of 4
    expect(r.effects[1]!.muStar.estimate!).toBeCloseTo(2, 12);
    for (const e of r.effects.slice(0, 2)) expect(e.sigma!).toBeLessThan(1e-12);
    const unused = r.effects[2]!;
    expect(unused.elementaryEffects.every((e) => e === 0)).toBe(true);
    expect(unused.muStar).toEqual({ estimate: 0, se: 0, lower: 0, upper: 0 });
    expect(unused.sigma).toBe(0);
  });

  it('matches the exact Ishigami effects of a 4-level design (2000 trajectories): mu* within 3 bootstrap SE', () => {
    const exact = exactIshigamiEffects(4);
    // With 4 levels: mu* = 7.70, 7.875, 6.25. x2 moves by 4 pi / 3 between sin^2 = 0 and 3/4, so
    // its every effect is +-7.875; x3 acts only through its interaction with x1: mu = 0, sigma large.
    expect(exact.map((e) => e.muStar)).toEqual([expect.closeTo(7.704, 3), expect.closeTo(7.875, 3), expect.closeTo(6.249, 3)]);
    const d = morrisDesign(ISHIGAMI_PARAMETERS, 2000, 4, 1);
    const r = morrisEffects(d, d.values.map((x) => ishigami(x)), { seed: 1 });
    r.effects.forEach((e, i) => {
      const se = Math.max(e.muStar.se!, 1e-9);
      expect(Math.abs(e.muStar.estimate! - exact[i]!.muStar), e.parameter).toBeLessThanOrEqual(3 * se);
      expect(Math.abs(e.mu - exact[i]!.mu)).toBeLessThan((3 * exact[i]!.sigma) / Math.sqrt(2000));
      expect(e.sigma! / exact[i]!.sigma).toBeGreaterThan(0.9);
      expect(e.sigma! / exact[i]!.sigma).toBeLessThan(1.1);
    });
    const [x1, x2, x3] = r.effects;
    expect(x3!.muStar.estimate!).toBeGreaterThan(5); // important through interaction alone...
    expect(Math.abs(x3!.mu)).toBeLessThan(x3!.sigma! / 10); // ...with effects of both signs
    expect(x3!.sigma!).toBeGreaterThan(x3!.muStar.estimate!); // and a spread above its mean
    expect(x1!.mu).toBeCloseTo(x1!.muStar.estimate!, 12); // x1's effects are all positive
    expect(Math.min(x1!.muStar.estimate!, x2!.muStar.estimate!)).toBeGreaterThan(x3!.muStar.estimate!);
  });

  it('with 8 levels ranks x1 > x3 > x2, since a step of about pi hides x2\u2019s period-pi effect', () => {
    const exact = exactIshigamiEffects(8);
    const d = morrisDesign(ISHIGAMI_PARAMETERS, 2000, 8, 1);
    const r = morrisEffects(d, d.values.map((x) => ishigami(x)), { seed: 1 });
    r.effects.forEach((e, i) => expect(Math.abs(e.muStar.estimate! - exact[i]!.muStar)).toBeLessThanOrEqual(3 * e.muStar.se!));
    const [x1, x2, x3] = r.effects.map((e) => e.muStar.estimate!);
    expect(x1!).toBeGreaterThan(x3!);
    expect(x3!).toBeGreaterThan(x2!);
  });

  it('is seeded, plain JSON, and rejects bad outputs', () => {
    const d = morrisDesign(ISHIGAMI_PARAMETERS, 20, 4, 1);
    const values = d.values.map((x) => ishigami(x));
    const r = morrisEffects(d, values, { seed: 3, bootstrap: 100 });
    expect(morrisEffects(d, values, { seed: 3, bootstrap: 100 })).toEqual(r);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(() => morrisEffects(d, values.slice(1))).toThrow(/expected 80 outputs/);
    expect(() => morrisEffects(d, values.map((v, i) => (i === 3 ? Infinity : v)))).toThrow(/values\[3\]/);
    const one = morrisDesign(ISHIGAMI_PARAMETERS, 1, 4, 1);
    const single = morrisEffects(one, one.values.map((x) => ishigami(x)));
    expect(single.effects[0]!.sigma).toBeNull();
    expect(single.effects[0]!.muStar.se).toBeNull();
  });
});
