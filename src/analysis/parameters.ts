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
    }
  });
  if (issues.length > 0) throw new ConfigError(issues);
}

/**
 * Maps points of the unit cube to the parameters' ranges: x = min + u (max - min), column by column.
 * @example toRanges([[0.5]], [{ path: 'a', range: [2, 4] }]) // [[3]]
 */
export function toRanges(unit: readonly (readonly number[])[], parameters: readonly RangeParameter[]): number[][] {
  return unit.map((row) => row.map((u, j) => parameters[j]!.range[0] + u * (parameters[j]!.range[1] - parameters[j]!.range[0])));
}

/**
 * A design's points as partial configs (each parameter set at its path with {@link setAt}), ready
 * for `runDesign`, `runShard` or any experiment: point k sets every parameter to `values[k]`.
 * @example configPoints({ parameters: [{ path: 'policy.priceWeight', range: [0, 1] }], values: [[0.4]] })
 * // [{ policy: { priceWeight: 0.4 } }]
 */
export function configPoints(design: { readonly parameters: readonly RangeParameter[]; readonly values: readonly (readonly number[])[] }): ConfigInput[] {
  return design.values.map((row) => row.reduce<ConfigInput>((point, value, j) => mergeOver(point, setAt(design.parameters[j]!.path, value)) as ConfigInput, {}));
}
