import type { ConfigInput } from '../model/config.js';
import { ConfigError, mergeOver } from '../model/decode.js';
import type { ConfigIssue } from '../model/codecs.js';
import { setAt } from '../experiment/sweep.js';

/**
 * An uncertain input of a sensitivity analysis: a dotted config path (or, for a function of your
 * own, any name) and the range its values are drawn from, uniformly on [min, max].
 * @example { path: 'policy.priceWeight', range: [0.3, 1] }
 */
export interface RangeParameter {
  readonly path: string;
  readonly range: readonly [number, number];
  /**
   * Draw whole numbers: uniform on the integers in [min, max] (each gets an equal share of the unit
   * interval), for config values that must be integers, such as policy.suppliersPerAgreement.
   */
  readonly integer?: boolean;
}

/** Throws a ConfigError naming every parameter without a finite range min <= max, and every path given twice. */
export function checkParameters(parameters: readonly RangeParameter[]): void {
  const issues: ConfigIssue[] = [];
  if (!Array.isArray(parameters) || parameters.length === 0) {
    throw new ConfigError([{ path: 'parameters', message: 'give at least one parameter with a path and a range [min, max]' }]);
  }
  const seen = new Set<string>();
  parameters.forEach((p, k) => {
    const path = typeof p?.path === 'string' && p.path.length > 0 ? p.path : `parameters[${k}]`;
    if (typeof p?.path !== 'string' || p.path.length === 0) issues.push({ path, message: 'expected a path (a non-empty string)' });
    else if (seen.has(p.path)) issues.push({ path, message: 'this path is given twice; each parameter needs its own path' });
    seen.add(path);
    const range = p?.range;
    if (!Array.isArray(range) || range.length !== 2 || !Number.isFinite(range[0]) || !Number.isFinite(range[1]) || !(range[0] <= range[1])) {
      issues.push({ path, message: 'expected a finite range [min, max] with min <= max' });
    } else if (p.integer === true && Math.ceil(range[0]) > Math.floor(range[1])) {
      issues.push({ path, message: 'an integer parameter needs at least one integer in its range' });
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
}

/**
 * Maps a coordinate u in [0, 1] of the unit cube to a parameter's range: x = min + u (max - min); for
 * an integer parameter with integers lo..hi in its range, x = lo + floor(u (hi - lo + 1)), with u = 1
 * (a Morris grid's top level) mapped to hi.
 * @example toRange(0.5, { path: 'a', range: [2, 4] }) // 3
 * @example toRange(0.5, { path: 'n', range: [1, 4], integer: true }) // 3
 */
export function toRange(u: number, parameter: RangeParameter): number {
  const [min, max] = parameter.range;
  if (parameter.integer !== true) return min + u * (max - min);
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
}

/**
 * Maps points of the unit cube to the parameters' ranges, column by column (see {@link toRange}).
 * @example toRanges([[0.5]], [{ path: 'a', range: [2, 4] }]) // [[3]]
 */
export function toRanges(unit: readonly (readonly number[])[], parameters: readonly RangeParameter[]): number[][] {
  return unit.map((row) => row.map((u, j) => toRange(u, parameters[j]!)));
}

/**
 * A design's points as partial configs (each parameter set at its dotted path), ready
 * for `runDesign`, `runShard` or any experiment: point k sets every parameter to `values[k]`.
 * @example configPoints({ parameters: [{ path: 'policy.priceWeight', range: [0, 1] }], values: [[0.4]] })
 * // [{ policy: { priceWeight: 0.4 } }]
 */
export function configPoints(design: { readonly parameters: readonly RangeParameter[]; readonly values: readonly (readonly number[])[] }): ConfigInput[] {
  return design.values.map((row) => row.reduce<ConfigInput>((point, value, j) => mergeOver(point, setAt(design.parameters[j]!.path, value)) as ConfigInput, {}));
}
