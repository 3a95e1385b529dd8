import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import { distributionMean, supportOf, type Distribution } from '../../src/model/distributions.js';
import { uncertainInputs } from '../../src/model/uncertain.js';
import { POINT_ASSUMPTIONS } from '../helpers/pointAssumptions.js';

// Issue 11, item 3: the defaults of assumed effects are distributions bounded by the evidence.
const inputs = uncertainInputs(BASELINE_CONFIG);
const at = (path: string) => inputs[path] as Distribution;

describe('the baseline\u2019s assumed effects', () => {
  it('are the documented distributions, and nothing else is uncertain', () => {
    expect(Object.keys(inputs)).toEqual([
      'outcomes.valuePerTransition',
      'effects.crossSectorCollaboration.workRateGain',
      'effects.employerInsight.workRateGain',
      'effects.dataSharing.workRateGain',
      'effects.outcomePayment.qualityResponse',
    ]);
  });

  it('work-rate gains run from no effect to tops that add up to the meta-analytic average effect of a measure (+4.5 pp)', () => {
    const gains = ['crossSectorCollaboration', 'employerInsight', 'dataSharing'].map((l) => supportOf(at(`effects.${l}.workRateGain`)));
    for (const [lo] of gains) expect(lo).toBe(0);
    expect(gains.reduce((a, [, hi]) => a + hi, 0)).toBeCloseTo(0.045, 12);
    expect(BASELINE_CONFIG.outcomes.measureEffect).toBe(0.045);
  });

  it('outcome payment\u2019s quality response is centred on no effect (Refino)', () => {
    const d = at('effects.outcomePayment.qualityResponse');
    expect(distributionMean(d)).toBe(0);
    expect(supportOf(d)[0]).toBe(-supportOf(d)[1]);
  });

  it('the value of a transition is a range whose top is the report\u2019s 900 000 NOK; public funds cost 0.20 per NOK', () => {
    expect(supportOf(at('outcomes.valuePerTransition'))[1]).toBe(900000);
    expect(BASELINE_CONFIG.outcomes.marginalCostOfPublicFunds).toBe(0.2);
  });

  it('net benefit is the value of additional transitions less the buyer\u2019s cost at 1.2 NOK per NOK', () => {
    const r = simulate({ run: { burnInYears: 2, horizonYears: 2 }, suppliers: { initialCount: 100 } }, 3);
    const o = r.outcomes;
    expect(o.netBenefitPerYear).toBeCloseTo(o.transitionValuePerYear - 1.2 * o.buyerCostPerYear, 3);
    expect(o.transitionValuePerYear).toBeCloseTo(o.additionalTransitionsPerYear * r.inputs!['outcomes.valuePerTransition']!, 3);
  });

  it('today\u2019s market does not depend on them: only the valued outcomes move with the draws', () => {
    const small = { run: { burnInYears: 3, horizonYears: 3 }, suppliers: { initialCount: 150 } };
    const drawn = simulate(small, 5);
    const fixed = simulate({ ...small, ...POINT_ASSUMPTIONS }, 5);
    expect(Object.keys(drawn.inputs!)).toHaveLength(5);
    const { transitionValuePerYear: _a, netBenefitPerYear: _b, ...market } = drawn.outcomes;
    const { transitionValuePerYear: _c, netBenefitPerYear: _d, ...fixedMarket } = fixed.outcomes;
    expect(market).toEqual(fixedMarket);
  });
});
