import { describe, expect, it } from 'vitest';
import { callOffs, emptyPeriodTotals } from '../../src/engine/callOff.js';
import { phaseContext } from '../../src/engine/context.js';
import { clearPeriodAccumulators, settleFinances } from '../../src/engine/finance.js';
import { outcomePayFactor, outcomeResultsFactor } from '../../src/engine/outcomes.js';
import { openStream, seedRoot, StreamPurpose } from '../../src/random/streams.js';
import { placeOnLot, tinyConfig, tinyMarket } from '../helpers/tinyMarket.js';
import { createWorkspace } from '../../src/engine/workspace.js';

// Issue 11, item 3: outcome payment changes quality only through what it pays for. No abstract
// "incentive" term: the award's quality weight is 1 - priceWeight whatever the outcome share, and a
// supplier steers towards the paid result in proportion to the share of its receipts that paid for
// results, by effects.outcomePayment.qualityResponse.

/** One supplier at reference quality on one lot whose agreement pays `lotShare` by results; quality after one period. */
function qualityAfterOnePeriod(lotShare: number, response: number, policyShare = lotShare) {
  const config = tinyConfig({ suppliers: { initialCount: 1 }, effects: { outcomePayment: { qualityResponse: response } }, policy: { outcomePaymentShare: policyShare } });
  const { state } = tinyMarket(config);
  const ctx = phaseContext(config, config.policy, seedRoot('tiny'));
  const s = state.s;
  s.innateQuality[0] = 0.5;
  s.quality[0] = 0.5;
  s.competence[0] = 0.5;
  s.variableCost[0] = 1000;
  s.capacityCost[0] = 3000;
  s.cash[0] = 1e6;
  state.cellDemand[0] = 100;
  placeOnLot(state, 0, 4000, 125);
  state.lotOutcomeShare[0] = lotShare;
  clearPeriodAccumulators(state);
  callOffs(state, ctx, createWorkspace(), emptyPeriodTotals());
  const resultsShare = s.receipts[0]! > 0 ? s.resultsReceived[0]! / s.receipts[0]! : 0;
  settleFinances(state, ctx, openStream(seedRoot(1), StreamPurpose.supplierShocks, 0), 0);
  return { quality: s.quality[0]!, resultsShare, rate: config.behaviour.qualityAdjustmentRate };
}

describe('outcome-based payment', () => {
  it('does not enter the award incentive: the quality weight of the award is 1 - priceWeight', () => {
    const config = tinyConfig();
    for (const share of [0, 0.3, 1]) {
      expect(phaseContext(config, { ...config.policy, outcomePaymentShare: share }, [0, 0, 0, 0]).scoringIncentive).toBe(1 - config.policy.priceWeight);
    }
  });

  it('the results part of the pay factor is what the factor pays beyond the fixed part', () => {
    expect(outcomeResultsFactor(0, 0.4, 0.27)).toBe(0);
    for (const [share, rate, expected] of [[0.3, 0.27, 0.27], [0.5, 0.4, 0.27], [1, 2, 0.27], [0.2, 0.1, 0]] as const) {
      expect(outcomeResultsFactor(share, rate, expected)).toBeCloseTo(outcomePayFactor(share, rate, expected) - (1 - share), 12);
    }
  });

  it('with no quality response, being paid for results leaves quality where it was heading', () => {
    const paid = qualityAfterOnePeriod(0.5, 0);
    const unpaid = qualityAfterOnePeriod(0, 0);
    expect(paid.resultsShare).toBeCloseTo(0.5, 12); // at reference quality the rate is the expected one
    expect(paid.quality).toBe(unpaid.quality);
  });

  it('a quality response moves target quality by response x the share of receipts that paid for results', () => {
    const base = qualityAfterOnePeriod(0.5, 0);
    const up = qualityAfterOnePeriod(0.5, 0.2);
    const down = qualityAfterOnePeriod(0.5, -0.2);
    // quality' = quality + adjustmentRate x (target - quality); the target moves by 0.2 x 0.5.
    expect(up.quality - base.quality).toBeCloseTo(up.rate * 0.2 * 0.5, 12);
    expect(down.quality - base.quality).toBeCloseTo(-up.rate * 0.2 * 0.5, 12);
  });

  it('acts only on agreements that pay for results: a policy in force does not reach an old agreement', () => {
    const old = qualityAfterOnePeriod(0, 0.2, 0.5);
    expect(old.resultsShare).toBe(0);
    expect(old.quality).toBe(qualityAfterOnePeriod(0, 0).quality);
  });
});
