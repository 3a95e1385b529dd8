import { normalQuantile } from '../random/normalQuantile.js';
import type { Rng } from '../random/rng.js';
import { MAIN_INCOME_SHARE, MIN_REVENUE_FOR_MARGIN } from './codes.js';
import type { PhaseContext } from './context.js';
import { nextCompetence, nextQuality, targetQuality } from './quality.js';
import type { MarketState } from './state.js';

/**
 * One supplier's operating result for a period, NOK (mechanisms 1, 2 and 4).
 *
 *   result = receipts + other - (delivery + overhead + bids + hiring + firing + otherCost)
 *
 * `delivery` already holds capacity cost on everything committed, used or not (mechanism 1).
 * `otherCost` is the cost of the outside activity, committed at its expected scale, so shocks to
 * outside income hit cash in full (mechanism 2: small suppliers living on many small, volatile sources).
 * @example operatingResult(1000, 200, 180, 700, 100, 0, 0, 0) // 1200 - 980 = 220
 */
export function operatingResult(
  receipts: number,
  otherRevenue: number,
  otherCost: number,
  deliveryCost: number,
  overhead: number,
  bidCost: number,
  hiringCost: number,
  firingCost: number,
): number {
  return receipts + otherRevenue - (deliveryCost + overhead + bidCost + hiringCost + firingCost + otherCost);
}

/** Zeroes the per-period accumulators (receipts, volumes, costs due) at the start of a period. */
export function clearPeriodAccumulators(state: MarketState): void {
  const s = state.s;
  const n = state.n;
  s.receipts.fill(0, 0, n);
  s.guaranteeReceived.fill(0, 0, n);
  s.resultsReceived.fill(0, 0, n);
  s.used.fill(0, 0, n);
  s.deliveryCost.fill(0, 0, n);
  s.bidCostDue.fill(0, 0, n);
}

/**
 * Settles every active supplier's period: outside income (an AR(1) shock per supplier), costs,
 * quality spending out of profit, cash, owner support when cash runs out, rolling annual sums,
 * competence and quality. Returns the mean operating margin over the last year of the active
 * suppliers living mainly on the buyer's measures (more than 40 % of revenue from it, the
 * population of the report's 7 % margin), which entry responds to; 0 when there are none.
 *
 * The shock stream `rng` gives one uniform to every supplier index, active or not (up to the last
 * active one), turned into a standard normal through the normal quantile function for active
 * ones (as `fillNormals` does), so a supplier's fortunes do not depend on how many others exist
 * before it. The walk goes over the operating list; an exited supplier's index only takes its
 * uniform.
 */
export function settleFinances(state: MarketState, ctx: PhaseContext, rng: Rng, t: number): number {
  const s = state.s;
  const b = ctx.config.behaviour;
  const P = state.periodsPerYear;
  const slot = t % P;
  const rho = b.otherRevenuePersistence;
  const innovationScale = Math.sqrt(1 - rho * rho);
  const { hiringCostPerWeek, firingCostPerWeek, qualityInvestmentShare, fullQualitySpendingRate } = b;
  const { competenceLossOnShedding, competenceDecayRate, qualityAdjustmentRate, capacityShedRate } = b;
  const { maxCapacity, baseCapacity, bufferPeriods, variableCost, capacityCost } = s;
  const payoutShare = b.payoutShare;
  const { competence: wc, spending: ws, scoring: wi } = b.qualityWeights;
  const { learningRate, scoringIncentive, qualityGain, outcomeQualityResponse } = ctx;
  const { alive, otherShock, otherRevenueVolatility, otherRevenueMean, otherRevenueMargin, committed, prevCommitted } = s;
  const { receipts, deliveryCost, overhead, bidCostDue, cash, supportLeft, revenueYear, profitYear, receiptsYear } = s;
  const { revenueRing, profitRing, receiptsRing, spendingIntensity, competence, innateQuality, quality, idlePeriods, used, resultsReceived } = s;
  let receiptsTotal = 0;
  let otherTotal = 0;
  let costsTotal = 0;
  let supportTotal = 0;
  let payoutTotal = 0;
  let marginSum = 0;
  let marginCount = 0;
  const operating = s.operating;
  let drawn = 0; // the stream's next uniform is this index's
  for (let k = 0; k < state.operatingCount; k++) {
    const i = operating[k]!;
    // Exited suppliers' indices take their uniforms too, to keep the stream aligned by index.
    for (; drawn < i; drawn++) rng.next();
    drawn = i + 1;
    const u = rng.next();
    if (alive[i] !== 1) continue;
    const z = rho * otherShock[i]! + innovationScale * normalQuantile(u);
    otherShock[i] = z;
    const sigma = otherRevenueVolatility[i]!;
    const otherMean = otherRevenueMean[i]!;
    const other = otherMean * Math.exp(sigma * z - 0.5 * sigma * sigma);
    const held = committed[i]!;
    const prev = prevCommitted[i]!;
    const change = held - prev;
    const hiring = change > 0 ? change * hiringCostPerWeek : 0;
    const firing = change < 0 ? -change * firingCostPerWeek : 0;
    const got = receipts[i]!;
    const before = operatingResult(
      got,
      other,
      otherMean * (1 - otherRevenueMargin[i]!),
      deliveryCost[i]!,
      overhead[i]!,
      bidCostDue[i]!,
      hiring,
      firing,
    );
    const spending = before > 0 ? qualityInvestmentShare * before : 0;
    const result = before - spending;
    const revenue = got + other;
    receiptsTotal += got;
    otherTotal += other;
    costsTotal += revenue - result;
    let money = cash[i]! + result;
    if (money < 0 && supportLeft[i]! > 0) {
      const injection = Math.min(supportLeft[i]!, -money);
      money += injection;
      supportLeft[i]! -= injection;
      supportTotal += injection;
    }
    // Owners take out part of the cash above the firm's buffer (dividends, a parent's cash pool, a
    // non-profit's other work), so buffers stay as thin as the ownership type keeps them instead of
    // growing without end.
    const buffer = bufferPeriods[i]! * maxCapacity[i]! * (variableCost[i]! + capacityCost[i]!);
    if (money > buffer) {
      const payout = payoutShare * (money - buffer);
      money -= payout;
      payoutTotal += payout;
    }
    cash[i] = money;

    const r = i * P + slot;
    const yearRevenue = revenueYear[i]! + revenue - revenueRing[r]!;
    const yearProfit = profitYear[i]! + result - profitRing[r]!;
    revenueYear[i] = yearRevenue;
    profitYear[i] = yearProfit;
    receiptsYear[i]! += got - receiptsRing[r]!;
    revenueRing[r] = revenue;
    profitRing[r] = result;
    receiptsRing[r] = got;
    const intensity = spendingIntensity[i]! + (spending / Math.max(revenue, 1) - spendingIntensity[i]!) / P;
    spendingIntensity[i] = intensity;
    if (yearRevenue >= MIN_REVENUE_FOR_MARGIN && receiptsYear[i]! > MAIN_INCOME_SHARE * yearRevenue) {
      marginSum += yearProfit / yearRevenue;
      marginCount++;
    }

    const idle = held <= 0;
    const c = nextCompetence(
      competence[i]!,
      learningRate,
      held > 0 ? used[i]! / held : 0,
      change < 0 && prev > 0 ? -change / prev : 0,
      competenceLossOnShedding,
      idle,
      competenceDecayRate,
    );
    competence[i] = c;
    // Outcome-based payment acts on quality only through what it pays for: a supplier steers
    // towards the paid result in proportion to the share of its receipts that paid for results
    // (none on agreements made before the policy, or without outcome payment).
    const results = resultsReceived[i]!;
    const leverGain = results > 0 && got > 0 ? qualityGain + outcomeQualityResponse * Math.min(1, results / got) : qualityGain;
    const target = targetQuality(
      innateQuality[i]!,
      c,
      Math.min(1, intensity / fullQualitySpendingRate),
      scoringIncentive,
      wc,
      ws,
      wi,
      leverGain,
    );
    quality[i] = nextQuality(quality[i]!, target, qualityAdjustmentRate);
    idlePeriods[i] = idle ? idlePeriods[i]! + 1 : 0;
    prevCommitted[i] = held;
    // Size follows the places held: it grew to what it committed (hiring is paid above), and staff
    // not needed drift away down to its core capacity.
    const staff = maxCapacity[i]! > held ? maxCapacity[i]! : held;
    const floor = held > baseCapacity[i]! ? held : baseCapacity[i]!;
    maxCapacity[i] = staff > floor ? staff - capacityShedRate * (staff - floor) : staff;
  }
  const ledger = state.ledger;
  ledger.supplierReceipts += receiptsTotal;
  ledger.otherRevenue += otherTotal;
  ledger.costs += costsTotal;
  ledger.ownerSupport += supportTotal;
  ledger.payouts += payoutTotal;
  return marginCount > 0 ? marginSum / marginCount : 0;
}
