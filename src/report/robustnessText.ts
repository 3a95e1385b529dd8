/**
 * A robustness check as text: one short line per policy (which effects hold in every world,
 * which depend on a setting, which reverse) and, in full, one block per policy with its paired
 * change in each world.
 * @packageDocumentation
 */
import type { RobustnessCell, RobustnessResult, WorldEffect } from '../experiment/robustness.js';
import { REFERENCE_SETTING } from '../scenarios/worlds.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { NAMED_POLICIES } from '../policies/chapter5.js';
import { MARKS } from './tableText.js';
import type { TableFormat } from './tableMetrics.js';
import { changeDecimalsFor, formatChange } from './tableNumbers.js';
import { plural } from './words.js';

/** Short names of outcomes in robustness lines; others go by their metric name. */
export const SHORT_LABELS: Partial<Record<OutcomeMetric, string>> = {
  smallCohortSurvival: 'small survival',
  nonProfitCohortSurvival: 'non-profit survival',
  top15Share: 'top-15 share',
  hhi: 'HHI',
  activeSuppliers: 'active',
  tenderedSuppliers: 'on agreements',
  unservedShare: 'unserved',
  buyerCostPerYear: 'cost/year',
  costPerParticipantWeek: 'cost/week',
  guaranteePaymentsPerYear: 'guarantees',
  meanQuality: 'quality',
  additionalTransitionsPerYear: 'extra transitions',
};

/** Width the per-policy lines are wrapped to. */
const WIDTH = 110;

function shortLabel(metric: OutcomeMetric): string {
  return SHORT_LABELS[metric] ?? metric;
}

/** How a change of an outcome is shown, from its unit. */
function formatOf(metric: OutcomeMetric): TableFormat {
  const unit = OUTCOME_METRICS[metric].unit;
  if (metric === 'hhi') return 'hhiPoints';
  if (unit.startsWith('share')) return 'percent';
  if (unit.startsWith('index')) return 'index';
  if (unit === 'NOK per year') return 'mnok';
  if (unit.startsWith('NOK')) return 'nok';
  return 'count';
}

/** ✓ or ✗ by the verdict's judgement, an arrow when no direction is better or the change is only assumed. */
function markOf(cell: RobustnessCell): string {
  const arrow = cell.direction === 'higher' ? '↑' : '↓';
  if (cell.basis === 'assumed') return `${arrow} ${MARKS.assumed}`;
  const mark = cell.judgement === 'better' ? MARKS.clearlyBetter : cell.judgement === 'worse' ? MARKS.clearlyWorse : arrow;
  return cell.basis === 'partlyAssumed' ? `${mark} ${MARKS.partlyAssumed}` : mark;
}

/** The verdict of one policy on every outcome, as groups of units never split: ["holds:", "small survival ✓,", "top-15 share ✓"]. */
function verdictGroups(cells: readonly RobustnessCell[]): string[][] {
  if (cells.every((c) => c.unchanged)) return [['no change in any world']];
  const groups = new Map<string, string[]>();
  const add = (key: string, token: string) => groups.set(key, [...(groups.get(key) ?? []), token]);
  for (const c of cells) {
    const label = shortLabel(c.metric);
    const on = c.dependsOn.join(', ');
    const clear = c.higherIn.length + c.lowerIn.length;
    if (c.verdict === 'holds') add('holds', `${label} ${markOf(c)}`);
    else if (c.verdict === 'depends') add(on === '' ? 'depends' : `depends on ${on}`, `${label} ${markOf(c)} ${clear}/${c.worlds.length}`);
    else if (c.verdict === 'reverses') add(on === '' ? 'reverses' : `reverses with ${on}`, label);
    else add(c.unchanged ? 'no change' : 'no clear effect', label);
  }
  const order = (key: string) => (key === 'holds' ? 0 : key.startsWith('depends') ? 1 : key.startsWith('reverses') ? 2 : key === 'no clear effect' ? 3 : 4);
  return [...groups.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([key, tokens]) => [`${key}:`, ...tokens.map((t, k) => (k < tokens.length - 1 ? `${t},` : t))]);
}

/** Units wrapped to {@link WIDTH} between units: the first line after `first`, the others indented by `indent`. */
function wrapUnits(first: string, units: readonly string[], indent: number): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of units) {
    if (line.length + 1 + word.length > WIDTH && line.trim().length > 0 && line.length > indent + 2) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent + 2);
    }
    line += line.endsWith(' ') || line === '' ? word : ` ${word}`;
  }
  lines.push(line.trimEnd());
  return lines;
}

/**
 * One line (wrapped) per policy: which of its effects hold in every world, depend on a setting
 * (naming it), reverse, or are clear nowhere; with a heading saying what was run and a legend.
 * @example
 * console.log(formatRobustnessSummary(await robustness({}, policies, { runs: 20 })));
 * //   riskSharing  holds: on agreements ✓ | depends on allocation rule: small survival ✓ | reverses with allocation rule: cost/week
 */
export function formatRobustnessSummary(result: RobustnessResult): string {
  const width = Math.max(...result.policies.map((p) => p.length)) + 2;
  const worlds = result.worlds.map((w, k) => `${w.name} (${w.setting === REFERENCE_SETTING ? w.description : w.setting})${k < result.worlds.length - 1 ? ',' : '.'}`);
  const out = [
    `Does it hold in other worlds? Each policy against ${result.baseline} in ${plural(result.worlds.length, 'world', 'worlds')}, ${plural(result.runs, 'paired run', 'paired runs')} in each:`,
    ...wrapUnits('', worlds, -2),
    `holds: clear the same way in every world (the 95 % interval of the paired change on one side of zero);`,
    `depends on <setting>: clear in some worlds (n/${result.worlds.length}: in n of them), not in the others; it names the settings`,
    `whose worlds differ from the first; reverses: clearly better in one world and clearly worse in another;`,
    `${MARKS.clearlyBetter}/${MARKS.clearlyWorse}: better/worse where clear; ↑/↓: higher/lower where only assumed effect sizes move it.`,
  ];
  for (const policy of result.policies) {
    const cells = result.metrics.map((m) => result.verdicts[policy]![m]!);
    verdictGroups(cells).forEach((units, k) => out.push(...wrapUnits(`  ${(k === 0 ? policy : '').padEnd(width)}`, units, width + 2)));
  }
  return `${out.join('\n')}\n`;
}

/** A world's change as a table cell: the change, and ✓/✗ when clear (↑/↓ when no direction is better). */
function effectText(effect: WorldEffect, metric: OutcomeMetric, decimals: number): string {
  const better = OUTCOME_METRICS[metric].better;
  const mark =
    effect.status === 'unclear'
      ? ''
      : better === 'neither'
        ? effect.status === 'higher'
          ? '↑'
          : '↓'
        : effect.status === better
          ? MARKS.clearlyBetter
          : MARKS.clearlyWorse;
  const text = formatChange(effect.mean, formatOf(metric), decimals).replace(/ (pp|NOK|MNOK)$/, '');
  return `${text}${mark === '' ? '  ' : ` ${mark}`}`;
}

function titleOf(policy: string): string {
  return NAMED_POLICIES.find((p) => p.name === policy)?.title ?? policy;
}

/**
 * Splits the columns after the first into consecutive groups that each fit in `width` characters
 * beside the first (two spaces before every column and at the start), so a table of many outcomes
 * prints as a few blocks rather than lines too long for a terminal. Column numbers are 1-based.
 * @example fitColumns([10, 20, 20, 20], 60) // [[1, 2], [3]]
 */
export function fitColumns(widths: readonly number[], width: number): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let used = 2 + widths[0]!;
  for (let j = 1; j < widths.length; j++) {
    if (current.length > 0 && used + 2 + widths[j]! > width) {
      groups.push(current);
      current = [];
      used = 2 + widths[0]!;
    }
    current.push(j);
    used += 2 + widths[j]!;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The full per-world table: per policy, one row per world with its paired change on each outcome
 * (✓/✗ where the 95 % interval is on the better/worse side) and a last row with the verdicts, in
 * blocks of as many outcomes as fit in 110 characters; then the worlds with what each assumes.
 * @example console.log(formatRobustnessTable(await robustness({}, policies, { runs: 40, worlds: WORLDS })));
 */
export function formatRobustnessTable(result: RobustnessResult): string {
  const metrics = result.metrics;
  const unit = (m: OutcomeMetric) => {
    const f = formatOf(m);
    return f === 'percent' ? ' (pp)' : f === 'nok' ? ' (NOK)' : f === 'mnok' ? ' (MNOK)' : '';
  };
  const headers = metrics.map((m) => `${shortLabel(m)}${unit(m)}`);
  const decimals = metrics.map((m) => {
    const halfWidths = result.policies.flatMap((p) => result.verdicts[p]![m]!.worlds.map((w) => (w.lower === null || w.upper === null ? 0 : (w.upper - w.lower) / 2)));
    return changeDecimalsFor(formatOf(m), halfWidths);
  });
  const verdictText = (c: RobustnessCell) => (c.unchanged ? 'no change' : c.verdict === 'none' ? 'no clear effect' : c.verdict);
  const rowsOf = (policy: string) => [
    ...result.worlds.map((w, k) => [w.name, ...metrics.map((m, j) => effectText(result.verdicts[policy]![m]!.worlds[k]!, m, decimals[j]!))]),
    ['verdict', ...metrics.map((m) => verdictText(result.verdicts[policy]![m]!))],
  ];
  const all = result.policies.flatMap(rowsOf);
  const widths = [Math.max(5, ...result.worlds.map((w) => w.name.length), 'verdict'.length), ...headers.map((h, j) => Math.max(h.length, ...all.map((r) => r[j + 1]!.length)))];
  const columnGroups = fitColumns(widths, WIDTH);
  const line = (cells: readonly string[], columns: readonly number[]) =>
    `  ${[cells[0]!.padEnd(widths[0]!), ...columns.map((j) => cells[j]!.padStart(widths[j]!))].join('  ')}`.trimEnd();
  const out = [
    `Paired change from ${result.baseline} in each world (${plural(result.runs, 'paired run', 'paired runs')} per world, seed ${String(result.seed)});`,
    `${MARKS.clearlyBetter}/${MARKS.clearlyWorse}: the 95 % interval of the change lies on the better/worse side of zero; pp: percentage points.`,
  ];
  for (const policy of result.policies) {
    out.push('', `${policy}: ${titleOf(policy)}`);
    columnGroups.forEach((columns, k) => {
      if (k > 0) out.push('');
      out.push(line(['world', ...headers], columns));
      for (const row of rowsOf(policy)) out.push(line(row, columns));
    });
  }
  out.push('', 'Worlds:');
  const nameWidth = Math.max(...result.worlds.map((w) => w.name.length));
  for (const w of result.worlds) out.push(`  ${w.name.padEnd(nameWidth)}  ${w.setting === REFERENCE_SETTING ? '' : `${w.setting}: `}${w.description}`);
  return `${out.join('\n')}\n`;
}
