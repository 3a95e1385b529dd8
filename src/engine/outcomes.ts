/**
 * Participants' transitions to work (mechanism 8's end point): the share of participants in
 * work after a measure rises with the supplier's quality above the reference.
 *
 *   workRate = clamp01(expectedRate + qualityEffect x (quality - referenceQuality))
 *
 * `expectedRate` already includes the soft levers' gains.
 * @example workRate(0.27, 0.2, 0.7, 0.5) // 0.27 + 0.2 x 0.2 = 0.31
 */
export function workRate(expectedRate: number, qualityEffect: number, quality: number, referenceQuality: number): number {
  const r = expectedRate + qualityEffect * (quality - referenceQuality);
  return r < 0 ? 0 : r > 1 ? 1 : r;
}

/**
 * Most that the outcome part of a price can pay relative to its nominal amount (3: an assumption). A contract pays
 * for results against an expectation, but not without bound (with an expected work rate near 0
 * the ratio rate / expected would otherwise make prices arbitrarily large).
 */
export const MAX_OUTCOME_RATIO = 3;

/**
 * Share of the price actually paid under outcome-based payment: a share of the price is scaled by
 * the supplier's work rate relative to the expected one, capped at MAX_OUTCOME_RATIO.
 *
 *   payFactor = 1 - outcomeShare + outcomeShare x min(rate / expectedRate, MAX_OUTCOME_RATIO)
 *
 * @example outcomePayFactor(0.2, 0.31, 0.27) // 0.8 + 0.2 x 1.148 = 1.0296
 */
export function outcomePayFactor(outcomeShare: number, rate: number, expectedRate: number): number {
  // (Kept as written, not as 1 - outcomeShare + outcomeResultsFactor(...), so no bit of a price moves.)
  if (outcomeShare === 0) return 1;
  const ratio = expectedRate > 0 ? Math.min(rate / expectedRate, MAX_OUTCOME_RATIO) : 1;
  return 1 - outcomeShare + outcomeShare * ratio;
}

/**
 * The part of the pay factor that pays for results: outcomeShare x min(rate / expectedRate,
 * MAX_OUTCOME_RATIO). Its share of a supplier's receipts is what outcome-based payment makes the
 * supplier steer towards (engine/quality.ts).
 * @example outcomeResultsFactor(0.2, 0.31, 0.27) // 0.2 x 1.148 = 0.2296
 */
export function outcomeResultsFactor(outcomeShare: number, rate: number, expectedRate: number): number {
  if (outcomeShare === 0) return 0;
  return outcomeShare * (expectedRate > 0 ? Math.min(rate / expectedRate, MAX_OUTCOME_RATIO) : 1);
}
