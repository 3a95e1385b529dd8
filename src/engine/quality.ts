/**
 * Mechanisms 5 and 8: competence builds with delivery and breaks when staff are shed; quality
 * moves towards a target set by innate quality, competence, quality spending (funded by margins),
 * the weight of quality in the award, and (in `leverGain`) the soft levers and the steering of a
 * supplier paid for results towards the paid result.
 */

/**
 * Competence after one period, in [0, 1].
 *
 *   c' = c + learningRate x utilisation x (1 - c)          (delivering builds it)
 *   c' = c' x (1 - lossOnShedding x shedShare)             (a lost contract breaks the team)
 *   c' = c' x (1 - decayRate)      if the supplier holds no agreement
 *
 * @example nextCompetence(0.5, 0.1, 1, 0, 0.5, false, 0.05) // 0.55
 * @example nextCompetence(0.8, 0.1, 0, 0.5, 0.5, false, 0.05) // 0.6: half the staff shed
 */
export function nextCompetence(
  competence: number,
  learningRate: number,
  utilisation: number,
  shedShare: number,
  lossOnShedding: number,
  idle: boolean,
  decayRate: number,
): number {
  let c = competence + learningRate * Math.min(1, Math.max(0, utilisation)) * (1 - competence);
  c *= 1 - lossOnShedding * Math.min(1, Math.max(0, shedShare));
  if (idle) c *= 1 - decayRate;
  return c < 0 ? 0 : c > 1 ? 1 : c;
}

/**
 * Quality the supplier is heading for, in [0, 1]: innate quality shifted by competence, quality
 * spending and the buyer's quality incentive (the weight of quality in the award, 1 - priceWeight),
 * each measured from the middle of its range, plus the gains of the soft levers and of outcome
 * payment's steering (`leverGain`).
 *
 *   target = clamp01(innate + wc (competence - 0.5) + ws (spending - 0.5) + wi (incentive - 0.5) + leverGain)
 *
 * @example targetQuality(0.55, 1, 1, 0.3, 0.2, 0.2, 0.1, 0) // 0.55 + 0.1 + 0.1 - 0.02 = 0.73
 */
export function targetQuality(
  innate: number,
  competence: number,
  spending: number,
  incentive: number,
  competenceWeight: number,
  spendingWeight: number,
  incentiveWeight: number,
  leverGain: number,
): number {
  const q =
    innate +
    competenceWeight * (competence - 0.5) +
    spendingWeight * (spending - 0.5) +
    incentiveWeight * (incentive - 0.5) +
    leverGain;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/**
 * Quality after one period of partial adjustment: q' = q + rate x (target - q).
 * @example nextQuality(0.5, 0.7, 0.1) // 0.52
 */
export function nextQuality(quality: number, target: number, rate: number): number {
  return quality + rate * (target - quality);
}
