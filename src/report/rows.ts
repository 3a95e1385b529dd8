/**
 * Tidy rows: every result as long-format rows of one value each, and their CSV and JSON-lines
 * forms. Browser-safe (no Node built-ins).
 * @module
 */
export { TIDY_COLUMNS, TIDY_STATISTICS, tidyRow, type TidyRow, type TidyColumn, type TidyStatistic } from './tidyRow.js';
export { runRows } from './runRows.js';
export { experimentRows, ROW_PARTS, type RowOptions, type RowPart } from './experimentRows.js';
export { sweepRows, parameterValueOf } from './sweepRows.js';
export { toRows, isExperiment, isSweep, type AnyResult } from './toRows.js';
export { toCsv, parseCsv } from './csv.js';
export { toWideCsv } from './wideCsv.js';
export { toJsonLines, parseJsonLines } from './jsonLines.js';
