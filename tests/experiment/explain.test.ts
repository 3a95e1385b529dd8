import { describe, expect, it } from 'vitest';
import { explain, EXPLAINED_OUTCOMES } from '../../src/experiment/explain.js';
import type { ConfigInput } from '../../src/model/config.js';
import { ConfigError } from '../../src/model/decode.js';
import { MECHANISMS } from '../../src/model/mechanisms.js';
import { formatExplanation } from '../../src/report/explanationText.js';

// A small, short market: a few runs take a second or two.
const world: ConfigInput = { suppliers: { initialCount: 80 }, run: { burnInYears: 2, horizonYears: 3 } };
const split: ConfigInput = { policy: { lotSplit: 2 } };

describe('explain', () => {
  it('splits the effect per run: carried = effect - effect with the mechanism off', async () => {
    const e = await explain(world, 'split', split, { runs: 4, seed: 3, mechanisms: MECHANISMS.slice(0, 2) });
    expect(e.metrics).toEqual(EXPLAINED_OUTCOMES);
    expect(e.mechanisms.map((m) => m.name)).toEqual(['pricedRisk', 'lotSize']);
    for (const m of e.mechanisms) {
      for (const metric of e.metrics) {
        const p = m.parts[metric]!;
        expect(p.carried.mean).toBeCloseTo(e.effect[metric]!.mean - p.withoutMechanism.mean, 9);
        expect(p.carried.n).toBe(4);
      }
    }
    expect(JSON.parse(JSON.stringify(e))).toEqual(e);
  });

  it('a switch that is the policy itself carries the whole effect; one that changes nothing carries none', async () => {
    const e = await explain(world, 'split', split, {
      runs: 4,
      seed: 3,
      metrics: ['tenderedSuppliers'],
      mechanisms: [
        { name: 'thePolicy', title: 't', off: split, offMeans: 'the policy is in force for both' },
        { name: 'nothing', title: 'n', off: {}, offMeans: 'nothing changes' },
      ],
    });
    const effect = e.effect['tenderedSuppliers']!;
    expect(effect.mean).toBeGreaterThan(0); // more lots, more places
    const [all, none] = e.mechanisms;
    // Both policies are the same in that world: no effect at all, in every run.
    expect(all!.parts['tenderedSuppliers']!.withoutMechanism).toMatchObject({ mean: 0, noVariation: true });
    expect(all!.parts['tenderedSuppliers']!.shareCarried).toBe(1);
    // The same world again, on the same seeds: nothing carried, in every run.
    expect(none!.parts['tenderedSuppliers']!.carried).toMatchObject({ mean: 0, noVariation: true });
    expect(none!.parts['tenderedSuppliers']!.shareCarried).toBe(0);
  });

  it('gives the same numbers for the same seed, and prints them as text', async () => {
    const options = { runs: 3, seed: 'x', metrics: ['top15Share' as const], mechanisms: MECHANISMS.slice(1, 2) };
    const a = await explain(world, 'split', split, options);
    const b = await explain(world, 'split', split, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const text = formatExplanation(a);
    expect(text).toMatch(/^Where the effect of split comes from: 3 paired runs, seed x$/m);
    expect(text).toMatch(/^Top-15 share of payments, last year: effect [+−]\d+\.\d\d pp \[/m);
    expect(text).toMatch(/^ {2}lotSize +[+−]\d/m);
  });

  it('refuses an unknown outcome and mechanisms without their own names, before any run', async () => {
    await expect(explain(world, 'split', split, { runs: 2, metrics: ['nope' as never] })).rejects.toThrow(ConfigError);
    await expect(explain(world, 'split', split, { runs: 2, mechanisms: [MECHANISMS[0]!, MECHANISMS[0]!] })).rejects.toThrow(/its own name/);
  });
});
