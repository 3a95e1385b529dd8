import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/experiment/compare.js';
import { basisOf, policyInputs } from '../../src/experiment/policyInputs.js';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import type { ConfigInput } from '../../src/model/config.js';
import { parseConfig } from '../../src/model/decode.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../../src/model/metrics.js';
import { EFFECT_SIZES } from '../../src/model/provenance.js';
import { namedPolicy } from '../../src/policies/chapter5.js';

const inputsOf = (input: ConfigInput) => policyInputs(BASELINE_CONFIG, parseConfig(input));
const TRANSITIONS = ['transitionsPerYear', 'additionalTransitionsPerYear', 'transitionValuePerYear', 'netBenefitPerYear'];

describe('policyInputs', () => {
  it('counts a soft lever through its effect sizes, as intensity x size', () => {
    const inputs = inputsOf({ policy: { employerInsight: 0.5 } });
    // The size is a distribution (uniform from 0 to 0.01125): the effect counts at its mean.
    expect(inputs.assumed).toEqual([
      {
        path: 'effects.employerInsight.workRateGain',
        provenance: 'assumption',
        source: expect.any(String),
        baseline: 0,
        policy: 0.5 * 0.005625,
        size: { dist: 'uniform', min: 0, max: 0.01125 },
      },
    ]);
    expect(inputs.modelled).toEqual([]);
    expect(inputs.assumedReach).toEqual(TRANSITIONS);
  });

  it('counts a contract lever as modelled', () => {
    expect(inputsOf({ policy: { lotSplit: 2, name: 'x' } })).toEqual({ assumed: [], modelled: ['policy.lotSplit'], assumedReach: [] });
  });

  it('ignores a lever switched on with zero effect, and a size changed while its lever is off', () => {
    expect(inputsOf({ policy: { employerInsight: 1 }, effects: { employerInsight: { workRateGain: 0 } } }).assumed).toEqual([]);
    expect(inputsOf({ effects: { employerInsight: { workRateGain: 0.04 } } })).toEqual({ assumed: [], modelled: [], assumedReach: [] });
  });

  it('counts a changed effect size that always acts', () => {
    const inputs = inputsOf({ outcomes: { valuePerTransition: 500000 } });
    // Today's value is a range (uniform 300 000 to 900 000 NOK), counted at its mean.
    expect(inputs.assumed.map((a) => [a.path, a.provenance, a.baseline, a.policy])).toEqual([['outcomes.valuePerTransition', 'assumption', 600000, 500000]]);
    expect(inputs.assumedReach).toEqual(['transitionValuePerYear', 'netBenefitPerYear']);
  });

  it('widens a work-rate effect to every outcome when payment depends on results', () => {
    const inputs = inputsOf({ policy: { employerInsight: 1, outcomePaymentShare: 0.2 } });
    expect(inputs.assumedReach).toBe('all');
    expect(inputs.modelled).toEqual(['policy.outcomePaymentShare']);
  });

  it('splits all of chapter 5 into its assumed sizes and its modelled contract levers', () => {
    const { name: _, ...all } = namedPolicy('allOfChapter5');
    const inputs = inputsOf({ policy: all });
    expect(inputs.assumed).toHaveLength(8); // the eight soft-lever sizes; outcome payment is not part of it
    expect(inputs.modelled).toEqual(['policy.baseTermYears', 'policy.lotSplit', 'policy.minimumVolumeShare', 'policy.optionYears', 'policy.priceWeight']);
    expect(inputs.assumedReach).toBe('all');
    expect(basisOf(inputs, 'activeSuppliers')).toBe('partlyAssumed');
  });

  it('gives each metric its basis', () => {
    const soft = inputsOf({ policy: { crossSectorCollaboration: 1 } });
    expect(basisOf(soft, 'transitionsPerYear')).toBe('assumed');
    expect(basisOf(soft, 'hhi')).toBe('unchanged');
    const hard = inputsOf({ policy: { priceWeight: 0.4 } });
    expect(basisOf(hard, 'transitionsPerYear')).toBe('modelled');
  });
});

describe('the reach of an effect size is what the model does', () => {
  // A small, short market: if a work-rate gain reached anything but the transitions (through a
  // bid, a payment or a draw), some run would show a nonzero change on that outcome.
  const base: ConfigInput = { suppliers: { initialCount: 80 }, run: { burnInYears: 2, horizonYears: 3 } };
  const levers: Record<string, ConfigInput> = {
    crossSector: { policy: { crossSectorCollaboration: 1 } },
    employer: { policy: { employerInsight: 1 } },
    value: { outcomes: { valuePerTransition: 300000 } },
  };

  it('a change that nothing reaches is exactly zero in every run, and the result records the inputs', async () => {
    const result = await compare(base, levers, { runs: 4, seed: 11, rows: false, series: false });
    for (const name of Object.keys(levers)) {
      const inputs = result.changes![name]!;
      expect(inputs.modelled).toEqual([]);
      for (const m of Object.keys(OUTCOME_METRICS) as OutcomeMetric[]) {
        const d = result.differences[name]![m];
        if (basisOf(inputs, m) === 'unchanged') {
          expect({ name, m, min: d.min, max: d.max }).toEqual({ name, m, min: 0, max: 0 });
        }
      }
      // And what it reaches does move.
      expect(result.differences[name]!.transitionValuePerYear.mean).not.toBe(0);
    }
  });
});

describe('EFFECT_SIZES', () => {
  const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

  it('names every effect size of the config once, with the provenance docs/model.md gives it', () => {
    const effects = Object.entries(BASELINE_CONFIG.effects).flatMap(([lever, sizes]) => Object.keys(sizes).map((k) => `effects.${lever}.${k}`));
    // outcomes.smallCohort names which suppliers an outcome follows: a definition, not an effect size.
    const outcomes = Object.entries(BASELINE_CONFIG.outcomes)
      .filter(([, value]) => typeof value !== 'string')
      .map(([k]) => `outcomes.${k}`);
    // outcomePaymentRisk sizes what paying by results does to bids (a risk premium): an assumed
    // effect of the outcome-payment policy, though it sits with the suppliers' behaviour.
    expect(EFFECT_SIZES.map((e) => e.path).sort()).toEqual([...effects, ...outcomes, 'behaviour.outcomePaymentRisk'].sort());
    for (const e of EFFECT_SIZES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${e.path}\` |`));
      const source = row?.split('|').map((c) => c.trim())[5];
      expect({ path: e.path, source: source?.split(/[ :,]/)[0] }).toEqual({ path: e.path, source: e.provenance });
    }
  });
});
