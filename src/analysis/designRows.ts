import { ConfigError } from '../model/decode.js';
import type { RangeParameter } from './parameters.js';

/**
 * A design and its outputs as a table: one row per point, with each parameter's value under its path
 * and each output under its name. The table PRIM reads, and what a CSV of a study holds.
 * @example
 * designRows({ parameters: [{ path: 'policy.priceWeight', range: [0, 1] }], values: [[0.4], [0.9]] }, { top15Share: [0.48, 0.55] })
 * // [{ 'policy.priceWeight': 0.4, top15Share: 0.48 }, { 'policy.priceWeight': 0.9, top15Share: 0.55 }]
 */
export function designRows(
  design: { readonly parameters: readonly RangeParameter[]; readonly values: readonly (readonly number[])[] },
  outputs: Readonly<Record<string, readonly number[]>> = {},
): Record<string, number>[] {
  const names = design.parameters.map((p) => p.path);
  for (const [name, column] of Object.entries(outputs)) {
    if (names.includes(name)) throw new ConfigError([{ path: `outputs.${name}`, message: 'an output has the name of a parameter' }]);
    if (column.length !== design.values.length) {
      throw new ConfigError([{ path: `outputs.${name}`, message: `expected ${design.values.length} values, one per point, got ${column.length}` }]);
    }
  }
  return design.values.map((row, k) => {
    const out: Record<string, number> = {};
    // Own properties whatever the name (a path such as "__proto__" is refused by setAt anyway).
    const put = (key: string, value: number) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    names.forEach((name, j) => put(name, row[j]!));
    for (const [name, column] of Object.entries(outputs)) put(name, column[k]!);
    return out;
  });
}
