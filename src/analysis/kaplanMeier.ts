import { ConfigError } from '../model/decode.js';
import { normalQuantile } from '../random/normalQuantile.js';

/** One step of a Kaplan-Meier curve: the survival just after `time`. */
export interface KaplanMeierStep {
  /** The time (in the observations' unit, periods for supplier lives); the first step is time 0. */
  readonly time: number;
  /** Still observed just before `time`: neither exited nor censored earlier. */
  readonly atRisk: number;
  /** Exits at `time`. */
  readonly events: number;
  /** Censored at `time` (they count as at risk at `time`, and not after). */
  readonly censored: number;
  /** Estimated share surviving past `time`. */
  readonly survival: number;
  /** Lower end of its interval (log-log Greenwood). */
  readonly lower: number;
  /** Upper end of its interval. */
  readonly upper: number;
}

/** A Kaplan-Meier curve and its summary. */
export interface KaplanMeierCurve {
  /** Observations. */
  readonly n: number;
  /** Observed exits. */
  readonly events: number;
  /** The interval's confidence level. */
  readonly level: number;
  /** The steps: time 0, then every time at which something exited or was censored. */
  readonly steps: readonly KaplanMeierStep[];
  /** The first time at which survival is at most one half, or null if it stays above. */
  readonly median: number | null;
}

/**
 * The Kaplan-Meier estimate of a survival curve from times that end in an event (an exit) or are
 * censored (still there when observation stopped), with pointwise intervals from Greenwood's
 * variance on the log(-log) scale (Kalbfleisch and Prentice 1980), which stay inside [0, 1]:
 *
 *   S(t) = product over event times t_j <= t of (1 - d_j / n_j)
 *   V(t) = sum over t_j <= t of d_j / (n_j (n_j - d_j))          (Greenwood: the variance of log S)
 *   interval: S(t) ^ exp(+- z sqrt(V(t)) / log S(t))
 *
 * with d_j the exits and n_j the number at risk at t_j. Where S is 1 the interval is [1, 1]; where
 * everyone at risk exited (S = 0) it is [0, 0]. Censoring at an event time counts after the events.
 * @throws {ConfigError} when the lists differ in length, a time is not finite and non-negative, or the level is not in (0, 1).
 * @example
 * kaplanMeier([1, 2, 2, 3], [true, true, false, false]).steps.map((s) => s.survival) // [1, 0.75, 0.5, 0.5]
 */
export function kaplanMeier(times: readonly number[], events: readonly boolean[], level = 0.95): KaplanMeierCurve {
  if (times.length !== events.length) throw new ConfigError([{ path: 'events', message: `expected one event flag per time (${times.length}), got ${events.length}` }]);
  const bad = times.findIndex((t) => !(Number.isFinite(t) && t >= 0));
  if (bad >= 0) throw new ConfigError([{ path: `times[${bad}]`, message: `expected a finite non-negative time, got ${String(times[bad])}` }]);
  if (!(level > 0 && level < 1)) throw new ConfigError([{ path: 'level', message: `expected a number in (0, 1), got ${String(level)}` }]);
  const z = normalQuantile(0.5 + level / 2);
  const order = times.map((_, k) => k).sort((a, b) => times[a]! - times[b]!);
  const steps: KaplanMeierStep[] = [{ time: 0, atRisk: times.length, events: 0, censored: 0, survival: 1, lower: 1, upper: 1 }];
  let atRisk = times.length;
  let survival = 1;
  let greenwood = 0;
  let exits = 0;
  let median: number | null = null;
  for (let k = 0; k < order.length; ) {
    const time = times[order[k]!]!;
    let d = 0;
    let c = 0;
    while (k < order.length && times[order[k]!] === time) {
      if (events[order[k]!]) d++;
      else c++;
      k++;
    }
    if (d > 0) {
      survival *= 1 - d / atRisk;
      greenwood += d < atRisk ? d / (atRisk * (atRisk - d)) : 0;
      exits += d;
    }
    const [lower, upper] = interval(survival, greenwood, z);
    if (time === 0 && steps.length === 1) steps.pop();
    steps.push({ time, atRisk, events: d, censored: c, survival, lower, upper });
    if (median === null && survival <= 0.5) median = time;
    atRisk -= d + c;
  }
  return { n: times.length, events: exits, level, steps, median };
}

function interval(s: number, v: number, z: number): [number, number] {
  if (s >= 1) return [1, 1];
  if (s <= 0) return [0, 0];
  const spread = (z * Math.sqrt(v)) / Math.log(s);
  // log S < 0, so exp(+spread) lowers the power's base effect: S^exp(-|.|) is the upper end.
  const a = s ** Math.exp(spread);
  const b = s ** Math.exp(-spread);
  return [Math.min(a, b), Math.max(a, b)];
}
