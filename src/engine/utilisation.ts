/**
 * Mechanisms 1 and 2 at the moment of bidding: how much of the capacity a supplier commits to a
 * place on a lot the buyer can be expected to use, given the allocation rule and the place.
 *
 * Demand on a lot relative to the forecast it was sized on is taken as lognormal with mean 1 and
 * log standard deviation `sigma` (the stationary spread of national and cell shocks together).
 * Each of the lot's `places` suppliers commits `commitment / places` of the forecast.
 */
import { normalCdf } from '../metrics/normalCdf.js';

/**
 * E[min(X, a)] for X lognormal with mean 1 and log standard deviation sigma (a >= 0):
 *
 *   E[min(X, a)] = Phi((ln a - mu - sigma^2) / sigma) + a (1 - Phi((ln a - mu) / sigma)),  mu = -sigma^2 / 2
 *
 * With sigma = 0 demand is certain: min(1, a).
 * @example expectedMinimum(1e9, 0.2) // 1: a cap that never binds
 * @example expectedMinimum(0.5, 0) // 0.5
 */
export function expectedMinimum(a: number, sigma: number): number {
  if (a <= 0) return 0;
  if (!(sigma > 0)) return Math.min(1, a);
  const mu = -0.5 * sigma * sigma;
  const la = Math.log(a);
  return normalCdf((la - mu - sigma * sigma) / sigma) + a * (1 - normalCdf((la - mu) / sigma));
}

/**
 * The general form behind the three rules: a place whose use is what demand X (relative to the
 * forecast) leaves above `(place - 1) x a`, up to `a`, all as shares of the forecast; its
 * utilisation is U = min(max(X - (place - 1) a, 0), a) / a. Equal shares and choice by quality are
 * place 1 with a = commitment (or commitment / qualityRatio).
 *
 *   E[U] = (E[min(X, place x a)] - E[min(X, (place - 1) x a)]) / a
 *
 * @example placeUse(1, 1.25, 0) // 0.8
 */
export function placeUse(place: number, a: number, sigma: number): number {
  if (!(a > 0)) return 0;
  return (expectedMinimum(place * a, sigma) - expectedMinimum((place - 1) * a, sigma)) / a;
}

/**
 * Expected shortfall of a place's utilisation below a level c in [0, 1]: E[(c - U)^+], with U as in
 * {@link placeUse}. Under a minimum-volume guarantee g the buyer pays E[(g - U)^+] of committed
 * capacity for unused places on top of use.
 *
 *   E[(c - U)^+] = (c a - E[min(X, (place - 1 + c) a)] + E[min(X, (place - 1) a)]) / a
 *
 * @example placeShortfall(0.9, 1, 1.25, 0) // 0.1: use is 0.8 for certain
 */
export function placeShortfall(c: number, place: number, a: number, sigma: number): number {
  if (!(a > 0) || !(c > 0)) return 0;
  const level = Math.min(1, c);
  const below = level * a - expectedMinimum((place - 1 + level) * a, sigma) + expectedMinimum((place - 1) * a, sigma);
  return Math.max(0, below / a) + (c - level);
}

/**
 * Mechanism 6: the share of a place's utilisation downside that a minimum-volume guarantee of g
 * leaves with the supplier. The downside is the expected shortfall below the mean use m; the
 * guarantee pays the part below g, so what is left is
 *
 *   uncovered = (E[(m - U)^+] - E[(g - U)^+]) / E[(m - U)^+]    for g < m;  0 for g >= m
 *
 * A guarantee far below any likely use covers almost nothing, however large it sounds. With no
 * downside at all (certain demand) an uncovered share of 1 is returned for g < m (there is no risk
 * to cover, and the premium is 0 through the demand risk anyway).
 * @example uncoveredDownside(0, 1, 1.25, 0.2) // 1: no guarantee
 * @example uncoveredDownside(0.9, 1, 1.25, 0.2) // 0: guaranteed above the mean use
 */
export function uncoveredDownside(g: number, place: number, a: number, sigma: number): number {
  const m = placeUse(place, a, sigma);
  if (g >= m) return 0;
  if (!(g > 0)) return 1;
  const downside = placeShortfall(m, place, a, sigma);
  if (!(downside > 0)) return 1;
  return Math.min(1, Math.max(0, (downside - placeShortfall(g, place, a, sigma)) / downside));
}

/**
 * Expected utilisation of the capacity held at place `place` (1 = first in the ranking) of a lot
 * whose `places` suppliers each commit `commitment / places` of forecast demand, when call-offs go
 * down the ranking (a ranked cascade, or a mini-competition whose order the place predicts): the
 * place is used for what demand exceeds the places above it, up to its own capacity.
 *
 *   a = commitment / places;  u(place) = (E[min(X, place x a)] - E[min(X, (place - 1) x a)]) / a
 *
 * @example cascadeUtilisation(1, 4, 1.25, 0) // 1: the first quarter of 125 % is always used
 * @example cascadeUtilisation(4, 4, 1.25, 0) // 0.2: of the last 31.25 %, only 6.25 points are used
 */
export function cascadeUtilisation(place: number, places: number, commitment: number, sigma: number): number {
  return placeUse(place, commitment / places, sigma);
}

/**
 * Expected utilisation under a fixed allocation key with equal shares: every place gets an equal
 * part of demand up to its capacity, so every place is used alike.
 *
 *   u = E[min(X, commitment)] / commitment
 *
 * @example sharedUtilisation(1.25, 0) // 0.8
 */
export function sharedUtilisation(commitment: number, sigma: number): number {
  return placeUse(1, commitment, sigma);
}

/**
 * Expected utilisation when caseworkers or participants choose in proportion to quality: a
 * supplier whose quality is `qualityRatio` times the mean of the lot's suppliers gets that multiple
 * of an equal share of demand, up to its capacity (the overflow others cannot take is left out,
 * so this slightly understates utilisation of the weakest).
 *
 *   u = E[min(X, commitment / qualityRatio)] / (commitment / qualityRatio)
 *
 * @example choiceUtilisation(1.25, 1, 0) // 0.8, as under equal shares
 * @example choiceUtilisation(1.25, 0.5, 0) // 0.4: half the average quality, half the share
 */
export function choiceUtilisation(commitment: number, qualityRatio: number, sigma: number): number {
  if (!(qualityRatio > 0)) return 0;
  return placeUse(1, commitment / qualityRatio, sigma);
}
