/**
 * Self-describing results: every result records the library, the result format and its whole
 * spec, and `rerun(result)` reproduces a saved result byte for byte from that alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { monteCarlo } from '../../src/experiment/monteCarlo.js';
import { rerun } from '../../src/experiment/rerun.js';
import { finaliseExperiment, type ExperimentResult } from '../../src/experiment/result.js';
import { robustness } from '../../src/experiment/robustness.js';
import { mergeShards, runShard } from '../../src/experiment/shard.js';
import { runDesign, sweep } from '../../src/experiment/sweep.js';
import { allocationWorld, REFERENCE_WORLD } from '../../src/scenarios/worlds.js';
import { LIBRARY, LIBRARY_VERSION } from '../../src/version.js';

const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
const policies = { guarantee: { policy: { minimumVolumeShare: 0.5 } } };
/** Saved as a file would be: JSON text, parsed back. */
const saved = <T>(result: T): T => JSON.parse(JSON.stringify(result)) as T;

describe('self-describing results', () => {
  it('LIBRARY_VERSION is package.json\u2019s version', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(LIBRARY_VERSION).toBe(manifest.version);
  });

  it('a comparison records the library, the format and its whole spec, variants\u2019 inputs included', async () => {
    const r = await compare(small, policies, { runs: 3, seed: 'x', rows: false });
    expect(r.library).toBe(LIBRARY);
    expect(r.version).toBe(3);
    expect(r.spec).toEqual({ config: small, variants: [{ name: 'guarantee', input: policies.guarantee }], seed: 'x', rows: false, series: true });
    expect('ranges' in r).toBe(false);
  });
});

describe('rerun(result) reproduces a saved result byte for byte', () => {
  it.each([
    ['monteCarlo', () => monteCarlo(small, { runs: 3, seed: 2 })],
    ['compare', () => compare(small, policies, { runs: 3, seed: 2, series: false })],
    ['a stop rule that stopped early', () => compare(small, policies, { runs: 200, seed: 2, rows: false, series: false, stopWhen: { metric: 'hhi', halfWidth: 1e9, batch: 3 } })],
    ['a stop rule that ran out', () => compare(small, policies, { runs: 7, seed: 2, rows: false, series: false, stopWhen: { metric: 'hhi', halfWidth: 1e-12, batch: 3 } })],
    ['sweep over text values', () => sweep(small, 'market.allocationRule', ['shares', 'rank'], { runs: 2, seed: 2, rows: false, series: false })],
    ['runDesign', () => runDesign(small, [{ policy: { priceWeight: 0.4 } }, { policy: { priceWeight: 0.8 } }], { runs: 2, seed: 2, rows: false, series: false })],
  ] as const)('%s', async (_name, run) => {
    const result = saved(await run());
    const again = await rerun(result);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });

  it('a stop rule records its rule, batch included', async () => {
    const r = await compare(small, policies, { runs: 200, seed: 2, rows: false, series: false, stopWhen: { metric: 'hhi', halfWidth: 1e9, batch: 3 } });
    expect(r.convergence?.rule).toEqual({ metric: 'hhi', halfWidth: 1e9, batch: 3 });
    expect(r.runs).toBeLessThan(200);
  });

  it('a partial merge (gaps) records its ranges and reruns exactly them', async () => {
    const spec = { config: small, variants: [], seed: 4, rows: true, series: false, runs: 6 };
    const partial = saved(finaliseExperiment(mergeShards([runShard(spec, 0, 2), runShard(spec, 4, 6)])));
    expect(partial.ranges).toEqual([[0, 2], [4, 6]]);
    expect([partial.runs, partial.plannedRuns]).toEqual([4, 6]);
    expect(JSON.stringify(await rerun(partial))).toBe(JSON.stringify(partial));
  });

  it('a robustness check reruns every world and judges them again', async () => {
    const r = saved(await robustness(small, policies, { runs: 2, seed: 3, worlds: [REFERENCE_WORLD, allocationWorld('rank')] }));
    expect(r.library).toBe(LIBRARY);
    expect(JSON.stringify(await rerun(r))).toBe(JSON.stringify(r));
  });

  it('refuses, saying why, a result of another library version, another format, or without a spec', async () => {
    const r = saved(await monteCarlo(small, { runs: 2, seed: 2 }));
    await expect(rerun({ ...r, library: 'framework-agreement-sim 0.1.0' })).rejects.toThrow(
      'cannot rerun this result: it was written by framework-agreement-sim 0.1.0, and this is framework-agreement-sim 0.2.0: install that version to reproduce it',
    );
    await expect(rerun({ ...r, version: 1 } as unknown as ExperimentResult)).rejects.toThrow('it is of result format 1');
    const { spec: _spec, ...old } = r;
    await expect(rerun(old as unknown as ExperimentResult)).rejects.toThrow('it does not carry its spec');
    await expect(rerun({ kind: 'framework-agreement-sim/experiments' } as never)).rejects.toThrow('it is an experiments study; use rerunExperiments(study)');
    await expect(rerun({ kind: 'framework-agreement-sim/sensitivity' } as never)).rejects.toThrow('rerun takes what an experiment function or robustness returned, and this is "framework-agreement-sim/sensitivity"');
  });
});
