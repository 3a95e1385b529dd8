/**
 * Mechanisms 1, 2, 4 and 6 at the moment of bidding: what price a supplier asks.
 *
 *   price = breakEven x (1 + riskPremium + markup), capped at the buyer's ceiling.
 *
 * Plain scalar functions, so each part can be checked by hand.
 */

/**
 * Price per participant-week at which expected revenue covers expected delivery cost.
 * Per committed participant-week the supplier pays variable x u + capacity (u = expected
 * utilisation) and is paid for `paidShare` weeks: its use, plus under a minimum-volume guarantee
 * the expected top-up to the guaranteed share (placeShortfall in utilisation.ts), never less than
 * u; times the outcome payment factor.
 *
 *   breakEven = (variable x u + capacity) / (max(u, paidShare) x payFactor)
 *
 * @example breakEvenPrice(800, 2400, 0.8, 0, 1) // (640 + 2400) / 0.8 = 3800
 */
export function breakEvenPrice(
  variableCost: number,
  capacityCost: number,
  expectedUtilisation: number,
  paidShare: number,
  payFactor: number,
): number {
  const paid = Math.max(expectedUtilisation, paidShare);
  return (variableCost * expectedUtilisation + capacityCost) / (Math.max(paid, 1e-9) * Math.max(payFactor, 1e-9));
}

/**
 * How strongly one supplier dislikes risk: a thin cash buffer doubles the aversion at the limit
 * (cash cover in periods of fixed cost).
 *
 *   riskFactor = riskAversion x (1 + 1 / (1 + max(0, cashCover)))
 *
 * @example riskFactor(1, 0) // 2: no buffer
 */
export function riskFactor(riskAversion: number, cashCover: number): number {
  return riskAversion * (1 + 1 / (1 + Math.max(0, cashCover)));
}

/**
 * Utilisation risk a supplier bears, as a standard deviation of log demand. Mechanism 2: the
 * national (macro) part is common to every contract, but the part of each cell (region x measure
 * type) is independent of the others, so it is spread over the distinct cells a supplier already
 * holds places in, which large suppliers have and small ones do not. Several places in one cell
 * carry the same shock and spread nothing.
 *
 *   demandRisk = sqrt(macroVariance + cellVariance / (1 + cellsHeld))
 *
 * @example demandRisk(0.0045, 0.0125, 0) // sqrt(0.017) = 0.130
 */
export function demandRisk(macroVariance: number, cellVariance: number, cellsHeld: number): number {
  return Math.sqrt(macroVariance + cellVariance / (1 + Math.max(0, cellsHeld)));
}

/**
 * Share of a place's expected delivery cost that is capacity cost (the part at risk from low
 * utilisation): capacity / (variable x u + capacity). A supplier with no delivery cost at all (a
 * valid config: `capacityCostShare` 0 with `variableCostReduction` and `dataSharing` at 1) has
 * nothing at risk, so the share is 0 rather than 0 / 0.
 * @example capacityShareOfCost(800, 2400, 0.8) // 2400 / 3040 = 0.789
 * @example capacityShareOfCost(0, 0, 0.8) // 0: no cost, no risk
 */
export function capacityShareOfCost(variableCost: number, capacityCost: number, expectedUtilisation: number): number {
  const cost = variableCost * expectedUtilisation + capacityCost;
  return cost > 0 ? capacityCost / cost : 0;
}

/**
 * Risk premium as a share of the break-even price. Only capacity cost is at risk from low
 * utilisation; mechanism 6: a minimum-volume guarantee takes the part of the utilisation downside
 * below the guaranteed share off the supplier (`uncoveredShare`, from uncoveredDownside in
 * utilisation.ts: 1 without a guarantee, 0 with one at or above expected use). Outcome-based
 * payment adds its own risk.
 *
 *   premium = factor x (demandRisk x capacityShare x uncoveredShare + outcomeShare x outcomeRisk)
 *
 * @example riskPremium(2, 0.13, 0.79, 1, 0, 0.3) // 2 x 0.13 x 0.79 = 0.2054
 */
export function riskPremium(
  factor: number,
  demandRisk: number,
  capacityCostShare: number,
  uncoveredShare: number,
  outcomePaymentShare: number,
  outcomePaymentRisk: number,
): number {
  return factor * (demandRisk * capacityCostShare * uncoveredShare + outcomePaymentShare * outcomePaymentRisk);
}

/**
 * Markup over cost against expected competition. Mechanism 4: with more bidders and more weight
 * on price, a higher price loses more often, so the markup falls.
 *
 *   markup = markupScale / (1 + priceWeight x (bidders - 1))
 *
 * @example bidMarkup(0.35, 0.7, 6) // 0.35 / 4.5 = 0.0778
 */
export function bidMarkup(markupScale: number, priceWeight: number, bidders: number): number {
  return markupScale / (1 + priceWeight * Math.max(0, bidders - 1));
}

/**
 * The bid: break-even x (1 + premium + markup), lowered to the ceiling if above it.
 * Returns -1 (no bid) when even break-even plus risk premium exceeds the ceiling.
 * @example bidPrice(3800, 0.2, 0.08, 5250) // 3800 x 1.28 = 4864
 */
export function bidPrice(breakEven: number, premium: number, markup: number, ceiling: number): number {
  const floor = breakEven * (1 + premium);
  if (floor > ceiling) return -1;
  return Math.min(ceiling, breakEven * (1 + premium + markup));
}

/**
 * Whether bidding pays: the slots the supplier can expect to win x expected margin over
 * break-even per slot across the term, minus the bid cost. (The risk premium is part of that
 * margin: on average it is earned.)
 *
 *   expectedGain = expectedSlots x (price - breakEven) x u x slotCapacity x termPeriods - bidCost
 *
 * @example expectedBidGain(0.5, 4400, 3800, 0.8, 100, 12, 30000) // 0.5 x 600 x 960 - 30000 = 258000
 */
export function expectedBidGain(
  expectedSlots: number,
  price: number,
  breakEven: number,
  expectedUtilisation: number,
  slotCapacity: number,
  termPeriods: number,
  bidCost: number,
): number {
  return expectedSlots * (price - breakEven) * expectedUtilisation * slotCapacity * termPeriods - bidCost;
}

/**
 * Slots a bidder can expect to win in a competition for `lots` identical lots of
 * `suppliersPerAgreement` slots each: its naive share of all slots among the eligible bidders,
 * but at most one per lot, at most `maxLots`, and at most as many as its free capacity holds. A
 * competition for many small lots is worth as much as one for a few large ones to a supplier with
 * the capacity to win several, so splitting lots does not by itself make bidding look unprofitable.
 *
 *   expectedSlots = min(lots x suppliersPerAgreement / eligible, lots, maxLots, floor(freeCapacity / slotCapacity))
 *
 * @example expectedSlots(10, 5, 20, Infinity, 250, 100) // min(2.5, 10, Infinity, 2) = 2
 */
export function expectedSlots(
  lots: number,
  suppliersPerAgreement: number,
  eligible: number,
  maxLots: number,
  freeCapacity: number,
  slotCapacity: number,
): number {
  const share = (lots * suppliersPerAgreement) / eligible;
  const byCapacity = Math.floor(freeCapacity / slotCapacity);
  return Math.min(share, lots, maxLots, byCapacity);
}
