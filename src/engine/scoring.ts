/**
 * Mechanism 4 at the award: how bids become points. Three common rules for price points,
 * quality points relative to the best observed quality, and a weighted sum.
 */

/** "relative": lowest price / price. The lowest bid gets 1. */
export const RELATIVE = 0;
/** "linear": linear interpolation, 1 at the lowest bid and 0 at the highest. */
export const LINEAR = 1;
/** "absolute": against the reference price: 1 at half of it or below, 0 at 1.5 times it or above. */
export const ABSOLUTE = 2;

/**
 * Price points in [0, 1] of one bid under a scoring rule.
 * @example priceScore(RELATIVE, 5000, 4000, 5000, 4500) // 0.8
 * @example priceScore(LINEAR, 4500, 4000, 5000, 4500) // 0.5
 * @example priceScore(ABSOLUTE, 4500, 4000, 5000, 4500) // 0.5
 */
export function priceScore(rule: number, price: number, lowest: number, highest: number, referencePrice: number): number {
  if (rule === LINEAR) return highest > lowest ? (highest - price) / (highest - lowest) : 1;
  if (rule === ABSOLUTE) return Math.min(1, Math.max(0, 1.5 - price / referencePrice));
  return price > 0 ? lowest / price : 1;
}

/**
 * Quality points in [0, 1]: observed quality / best observed quality among the bids.
 * @example qualityScore(0.45, 0.6) // 0.75
 */
export function qualityScore(observedQuality: number, bestObserved: number): number {
  return bestObserved > 0 ? observedQuality / bestObserved : 1;
}

/**
 * Total points: priceWeight x price points + (1 - priceWeight) x quality points.
 * @example totalScore(0.7, 0.8, 0.5) // 0.71
 */
export function totalScore(priceWeight: number, pricePoints: number, qualityPoints: number): number {
  return priceWeight * pricePoints + (1 - priceWeight) * qualityPoints;
}
