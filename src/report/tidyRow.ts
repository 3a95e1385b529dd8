/**
 * What `value` holds in a tidy row:
 * - `'value'`: one run's value (a single simulation, or one replication of an experiment);
 * - `'mean'`: the mean over an experiment's replications, with its 95 % interval (when it has
 *   one), `n` and `sd`;
 * - `'difference'`: the mean paired difference (policy - baseline) over replications, with the
 *   paired 95 % interval (when it has one), `n`, `sd` and `probabilityBetter`.
 * @example rows.filter((r) => r.statistic === 'difference')
 */
export type TidyStatistic = 'value' | 'mean' | 'difference';

/**
 * The statistics a tidy row can carry, in the order rows list them.
 * @example TIDY_STATISTICS.includes(row.statistic) // true for every valid row
 */
export const TIDY_STATISTICS: readonly TidyStatistic[] = ['value', 'mean', 'difference'];

/**
 * One number of a result in long format: one value per row, with the columns that say what it is.
 * Keys always come in the order of {@link TIDY_COLUMNS}; optional keys are left out (never
 * `undefined` or `null`) when they do not apply. A row with `period` is a per-period series value;
 * a row without one is a scalar outcome.
 * @example
 * const row: TidyRow = { policy: 'today', statistic: 'mean', metric: 'top15Share', unit: 'share 0-1', value: 0.61, lower: 0.6, upper: 0.62, n: 100, sd: 0.05 };
 */
export interface TidyRow {
  /** The policy's name (in a sweep, `"path=value"`). */
  readonly policy: string;
  /** Sweeps only: the swept config path, e.g. `policy.minimumVolumeShare`. */
  readonly parameter?: string;
  /** Sweeps only: the policy's value of the parameter; a number stays a number, anything else is its JSON text (`true`, `"rank"`). */
  readonly parameterValue?: number | string;
  readonly statistic: TidyStatistic;
  /** Difference rows only: the policy the difference is measured from. */
  readonly baseline?: string;
  /** Per-run rows of an experiment: the replication index (0, 1, ...). */
  readonly replication?: number;
  /** Per-run rows: the seed that reproduces the run with `simulate(config, seed)`. */
  readonly seed?: string;
  /** Series rows: the horizon period (0 = first period of the horizon). */
  readonly period?: number;
  /** Series rows: period / periodsPerYear, in years since the start of the horizon. */
  readonly year?: number;
  /** The outcome (rows without period) or series (rows with period) name. */
  readonly metric: string;
  /** The metric's unit, from OUTCOME_METRICS or SERIES_METRICS. */
  readonly unit?: string;
  readonly value: number;
  /**
   * Lower end of the 95 % confidence interval of `value` (mean and difference rows). Left out when
   * there is no interval: one replication, or no variation (every replication gave the same value:
   * `n` >= 2 and `sd` 0), whose zero width would read as certainty.
   */
  readonly lower?: number;
  /** Upper end of the 95 % confidence interval of `value`; present exactly when `lower` is. */
  readonly upper?: number;
  /** Replications behind a mean or difference. */
  readonly n?: number;
  /** Sample standard deviation across replications (of the values, or of the paired differences). */
  readonly sd?: number;
  /** Difference rows of outcomes with a better direction: share of replications in which the policy did better than the baseline. */
  readonly probabilityBetter?: number;
}

/**
 * Every column of a tidy row, in order: the header of every CSV the library writes.
 * @example toCsv(rows).split('\r\n')[0] === TIDY_COLUMNS.join(',') // true
 */
export const TIDY_COLUMNS = [
  'policy',
  'parameter',
  'parameterValue',
  'statistic',
  'baseline',
  'replication',
  'seed',
  'period',
  'year',
  'metric',
  'unit',
  'value',
  'lower',
  'upper',
  'n',
  'sd',
  'probabilityBetter',
] as const satisfies readonly (keyof TidyRow)[];

/**
 * Name of a tidy-row column.
 * @example const column: TidyColumn = 'probabilityBetter';
 */
export type TidyColumn = (typeof TIDY_COLUMNS)[number];

/** Columns every row has. */
export const REQUIRED_COLUMNS: readonly TidyColumn[] = ['policy', 'statistic', 'metric', 'value'];

/** What each column holds: text, a number, or (parameterValue) either. */
export const COLUMN_TYPES: Readonly<Record<TidyColumn, 'string' | 'number' | 'mixed'>> = {
  policy: 'string',
  parameter: 'string',
  parameterValue: 'mixed',
  statistic: 'string',
  baseline: 'string',
  replication: 'number',
  seed: 'string',
  period: 'number',
  year: 'number',
  metric: 'string',
  unit: 'string',
  value: 'number',
  lower: 'number',
  upper: 'number',
  n: 'number',
  sd: 'number',
  probabilityBetter: 'number',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds a row with its keys in column order, leaving out those that are undefined or null.
 * @example tidyRow({ value: 1, metric: 'lots', statistic: 'value', policy: 'today' }) // { policy, statistic, metric, value } in that order
 */
export function tidyRow(fields: { readonly [K in keyof TidyRow]?: TidyRow[K] | null }): TidyRow {
  const row: Partial<Mutable<TidyRow>> = {};
  for (const column of TIDY_COLUMNS) {
    const v = fields[column];
    if (v !== undefined && v !== null) (row as Record<string, unknown>)[column] = v;
  }
  return row as TidyRow;
}
