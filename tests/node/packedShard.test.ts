/**
 * The packed form in which workers post their chunk states (src/node/packedShard.ts): unpacking
 * gives back the state exactly, and merging a packed state gives exactly what merging the state
 * itself gives, so the pool's results stay byte-identical for any number of workers.
 */
import { describe, expect, it } from 'vitest';
import { mergeShardInto, mergeShards, runShard, sortRows, type ShardState } from '../../src/experiment/shard.js';
import type { ExperimentSpec } from '../../src/experiment/spec.js';
import { mergePackedInto, packShard, unpackShard } from '../../src/node/packedShard.js';

// Uncertain inputs too: their totals and rows travel packed with the rest.
const spec: ExperimentSpec = {
  config: { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 }, policy: { priceWeight: { dist: 'uniform', min: 0.4, max: 0.8 } } },
  variants: [{ name: 'guarantee', input: { policy: { minimumVolumeShare: { dist: 'uniform', min: 0.5, max: 0.9 } } } }],
  seed: 3,
  rows: true,
  series: true,
};
const shards = [runShard(spec, 0, 3), runShard(spec, 3, 4), runShard(spec, 4, 4), runShard(spec, 4, 7)];

describe('packed shard states', () => {
  it('unpack the state they were packed from, exactly (partials, buckets, -0 and all)', () => {
    for (const state of shards) {
      const packed = packShard(state);
      expect(packed.data).toBeInstanceOf(Float64Array);
      if (state.ranges.length > 0) expect(state.inputRows.length).toBeGreaterThan(0);
      expect(Object.keys(state.policies[1]!.inputs)).toEqual(expect.arrayContaining(['policy.priceWeight', 'policy.minimumVolumeShare']));
      const back = unpackShard(structuredClone(packed), state.spec);
      expect(JSON.stringify(back)).toBe(JSON.stringify(state));
      expect(back).toEqual(state);
    }
  });

  it('merge as the states themselves merge, in order, for the whole state', () => {
    const expected = mergeShards(shards);
    const merged: ShardState = unpackShard(packShard(shards[0]!), shards[0]!.spec);
    for (const state of shards.slice(1)) mergePackedInto(merged, structuredClone(packShard(state)));
    sortRows(merged);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(expected));
    // And mergeShardInto one by one is mergeShards.
    const byOne = structuredClone(shards[0]!);
    for (const state of shards.slice(1)) mergeShardInto(byOne, state);
    sortRows(byOne);
    expect(JSON.stringify(byOne)).toBe(JSON.stringify(expected));
  });

  it('a series sketch gains buckets in a merge, and adds counts in place when it has them all', () => {
    const merged = unpackShard(packShard(shards[0]!), shards[0]!.spec);
    const sketch = merged.policies[0]!.series!.buyerCost[0]!.sketch;
    const before = sketch.positive;
    mergePackedInto(merged, { ...packShard(shards[0]!), ranges: [], rows: [], inputRows: [] }); // the same buckets again: in place, counts doubled
    expect(sketch.positive).toBe(before);
    expect(sketch.count).toBe(6);
  });
});
