/**
 * Every numeric parameter of the config at the ends of its range, one at a time (the pairs are in
 * tests/engine/boundsPairs.test.ts, in the slow suite: `npm run test:slow`): a
 * config the decoder accepts must run, never throw (above all not "internal error: outcome ... is
 * not finite"), and give a result that satisfies the invariants of docs/testing.md, section 3.
 * A combination the decoder rejects (say `run.horizonYears` 1 with a shock in year 2) is fine: that
 * is a ConfigError with its path, the documented answer to an impossible config.
 *
 * The parameters and their ranges are read off the decoder's own codecs (`schemaOf(ConfigCodec)`),
 * so a parameter added to the config is tested here without editing this file.
 *
 * Issue 13, item 6: `capacityCostShare` 0, `variableCostReduction` 1 and `dataSharing` 1 together
 * (a supplier with no delivery cost) made every replication throw; relative price points and the
 * capacity share of cost were 0 / 0.
 */
import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG, OWNERSHIP_TYPES } from '../../src/index.js';
import { simulateDecoded } from '../../src/simulate.js';
import { ALL, PARAMETERS, runWith, SMALL, type Setting } from '../helpers/bounds.js';
import { checkInvariants } from '../helpers/invariants.js';

describe('every numeric parameter at its bounds', () => {
  it('the parameter list comes from the codecs and covers every section of the config', () => {
    expect(PARAMETERS.length).toBeGreaterThan(100);
    const sections = new Set(PARAMETERS.map((p) => p.path[0]));
    expect([...sections].sort()).toEqual(Object.keys(BASELINE_CONFIG).sort());
    for (const name of ['suppliers.ownership.*.capacityCostShare', 'effects.dataSharing.variableCostReduction', 'policy.dataSharing', 'policy.maxLotsPerSupplier']) {
      expect(PARAMETERS.map((p) => p.name)).toContain(name);
    }
  });

  it('one at a time: each bound (and null where allowed) runs or is refused with a ConfigError', () => {
    let ran = 0;
    for (const p of PARAMETERS) for (const v of p.bounds) if (runWith([[p, v, ALL]]) === 'ran') ran++;
    // Almost every single bound is a valid config; only combinations like "every type's share 0" are refused.
    expect(ran).toBeGreaterThan(0.9 * PARAMETERS.reduce((a, p) => a + p.bounds.length, 0));
  });

  it('issue 13, item 6: no delivery cost at all (capacityCostShare 0, variableCostReduction 1, dataSharing 1)', () => {
    const p = (name: string) => PARAMETERS.find((q) => q.name === name)!;
    const noCost: Setting[] = [
      [p('suppliers.ownership.*.capacityCostShare'), 0, ALL],
      [p('effects.dataSharing.variableCostReduction'), 1, ALL],
      [p('policy.dataSharing'), 1, ALL],
    ];
    for (const seed of [1, 2]) expect(runWith(noCost, seed)).toBe('ran');
    // In the burn-in too, and under every allocation rule (mini-competitions score prices again each period).
    for (const rule of ['rank', 'shares', 'qualityChoice', 'miniCompetition'] as const) {
      const input = structuredClone(SMALL);
      input.market.allocationRule = rule;
      for (const o of OWNERSHIP_TYPES) input.suppliers.ownership[o].capacityCostShare = 0;
      input.effects.dataSharing.variableCostReduction = 1;
      input.policy.dataSharing = 1;
      input.burnInPolicy.dataSharing = 1;
      checkInvariants(simulateDecoded(input, 3));
    }
  });
});
