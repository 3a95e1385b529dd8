import type { SweepOutput } from '../experiment/sweep.js';
import { experimentRows, type RowOptions } from './experimentRows.js';
import { tidyRow, type TidyRow } from './tidyRow.js';

/**
 * How a swept value appears in the `parameterValue` column: a number or a text as itself, anything
 * else as its JSON text (`true`, `[1,2]`). (The policy's name quotes a text, `path="rank"`, to
 * tell it from a number; the column holds the value a user would filter or plot by.)
 * @example parameterValueOf(0.3) // 0.3
 * @example parameterValueOf('rank') // 'rank'
 */
export function parameterValueOf(value: unknown): number | string {
  return typeof value === 'number' || typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * A sweep as tidy rows: {@link experimentRows} with `parameter` (the swept path) and
 * `parameterValue` (the policy's value of it) on every row. Difference rows are measured from the
 * first value, whose policy name is in `baseline`.
 * @example
 * const s = await sweep({}, 'policy.minimumVolumeShare', [0, 0.3], { runs: 20 });
 * sweepRows(s, { parts: ['outcomes'], metrics: ['guaranteePaymentsPerYear'] });
 * // [{ policy: 'policy.minimumVolumeShare=0', parameter: 'policy.minimumVolumeShare', parameterValue: 0, statistic: 'mean', ... }, ...]
 */
export function sweepRows(result: SweepOutput, options: RowOptions = {}): TidyRow[] {
  if (result.values.length !== result.policies.length) {
    throw new Error(`sweepRows: the sweep has ${result.values.length} values but ${result.policies.length} policies; expected one policy per value`);
  }
  const valueOf = new Map(result.policies.map((p, k) => [p.name, parameterValueOf(result.values[k])]));
  return experimentRows(result, options).map((row) => tidyRow({ ...row, parameter: result.parameter, parameterValue: valueOf.get(row.policy) }));
}
