/**
 * The chapter-5 table in plain words, generated from its numbers only: per policy, what moved
 * most and how sure the runs are, the trade-offs, which policies beat the baseline most often,
 * and what the number of runs allows one to say. Nothing in it is written in advance: change the
 * numbers and the sentences change with them.
 * @packageDocumentation
 */
import { PROBABLE_SHARE, type ComparedPolicy, type ComparisonTable, type TableCell, type TableRow } from './table.js';
import type { TableFormat } from './tableMetrics.js';
import { formatChange, formatNumber, scaleOf } from './tableNumbers.js';
import { costFlags } from './tableText.js';
import { plural } from './words.js';

/** Most changes named per policy; the rest are counted. */
const NAMED_CHANGES = 3;

interface Move {
  readonly row: TableRow;
  readonly cell: TableCell;
  /** |change| relative to the baseline's value, to rank changes of different units. */
  readonly size: number;
}

function sizeOf(row: TableRow, cell: TableCell): number {
  return Math.abs(cell.change) / Math.max(Math.abs(row.baseline), 1e-12);
}

/**
 * The moves of one policy with the given certainty, the biggest per family, biggest first: those the
 * model found (modelled or partly assumed), or with `assumed` those that only assumed sizes reach.
 */
function movesOf(table: ComparisonTable, policy: number, certainty: TableCell['certainty'], assumed = false): Move[] {
  const best = new Map<string, Move>();
  for (const row of table.rows) {
    const cell = row.cells[policy]!;
    if (cell.certainty !== certainty || cell.direction === 'none' || (cell.basis === 'assumed') !== assumed) continue;
    const move = { row, cell, size: sizeOf(row, cell) };
    const seen = best.get(row.family);
    if (seen === undefined || move.size > seen.size) best.set(row.family, move);
  }
  // Changes that are better or worse come first: with them the policy question is answered; a
  // change of a metric with no better direction (the margin) is context.
  const judged = (m: Move) => (m.cell.judgement === null ? 1 : 0);
  return [...best.values()].sort((a, b) => judged(a) - judged(b) || b.size - a.size);
}

/** A change's size in words, and whether it is better: "1.8 percentage points (better)", "45 NOK (1.0 %, worse)". */
function amount(move: Move): string {
  const { row, cell } = move;
  const f: TableFormat = row.format;
  const shown = Math.abs(cell.change) * scaleOf(f);
  const decimals = f === 'index' ? 3 : shown >= 10 ? 0 : shown >= 1 ? 1 : 2;
  const number = formatNumber(shown, decimals);
  const unit = f === 'percent' ? ' percentage points' : f === 'nok' ? ' NOK' : f === 'mnok' ? ' MNOK a year' : f === 'hhiPoints' ? ' points' : f === 'perYear' ? ' a year' : '';
  // Percentage points speak for themselves; other units get the change relative to the baseline.
  const notes = [
    f === 'percent' || row.baseline === 0 ? null : `${formatNumber(100 * move.size, move.size >= 0.1 ? 0 : 1)} %`,
    cell.judgement,
    cell.basis === 'partlyAssumed' ? 'partly by assumption' : null,
  ].filter((x) => x !== null);
  return `${number}${unit}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function verb(cell: TableCell): string {
  return cell.direction === 'higher' ? 'raises' : 'lowers';
}

/** "raises X by Y (..., partly by assumption)": the note when assumed sizes also reach the metric. */
function moveText(m: Move): string {
  return `${verb(m.cell)} ${m.row.phrase} by ${amount(m)}`;
}

function mnok(x: number, signed: boolean): string {
  return `${formatNumber(x / 1e6, Math.abs(x) >= 1e7 ? 0 : 1, signed)} MNOK`;
}

/**
 * The policy's costs, said first: what the buyer pays per participant-week and a year, guarantee
 * payments, and unserved demand, each flagged when it buys the gains (clearly costlier, or
 * unserved demand up by more than the table's threshold).
 */
function costSentence(table: ComparisonTable, policy: ComparedPolicy): string {
  const c = policy.costs;
  const perWeek = `${formatChange(c.costPerParticipantWeekChange, 'nok')} per participant-week, ${mnok(c.buyerCostPerYearChange, true)} a year`;
  const cost = c.costsTheBuyerMore ? `it clearly costs the buyer more (${perWeek})` : `buyer cost ${perWeek}, not clearly more`;
  // Guarantees worth mentioning: at least 0.1 MNOK a year, as shown.
  const guarantee = c.guaranteePaymentsPerYear >= 5e4 ? `, of which ${mnok(c.guaranteePaymentsPerYear, false)} a year pays for guaranteed capacity nobody used` : '';
  const threshold = formatChange(table.unservedThreshold, 'percent');
  const unserved = c.leavesDemandUnserved
    ? `it leaves more demand unserved (${formatChange(c.unservedShareChange, 'percent', 2)}, above the ${threshold} threshold: part of any gain comes from serving fewer people)`
    : `unserved demand ${formatChange(c.unservedShareChange, 'percent', 2)} (within ${threshold})`;
  return `${policy.name}, first its costs: ${cost}${guarantee}; ${unserved}`;
}

/** "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function percent(share: number): string {
  return `${Math.round(100 * share)} %`;
}

/** The sentences about one policy. */
function policySentences(table: ComparisonTable, k: number): string {
  const policy = table.policies[k]!;
  const clear = movesOf(table, k, 'clear');
  const probable = movesOf(table, k, 'probable');
  const assumed = [...movesOf(table, k, 'clear', true), ...movesOf(table, k, 'probable', true)];
  const sentences: string[] = [costSentence(table, policy)];
  if (clear.length === 0) {
    sentences.push(`The model finds no clear change${assumed.length > 0 ? ' of its own' : ''} on any metric`);
  } else {
    const named = clear.slice(0, NAMED_CHANGES).map(moveText);
    const more = clear.length - NAMED_CHANGES;
    sentences.push(`It clearly ${list(named)}${more > 0 ? `; ${plural(more, 'more clear change', 'more clear changes')} in the table` : ''}`);
  }
  if (probable.length > 0) {
    const named = probable.slice(0, 2);
    const phrases = named.map((m) => {
      const share = m.cell.direction === 'higher' ? m.cell.probabilityHigher : m.cell.probabilityLower;
      const how = m.cell.noVariation ? `by the same amount in all ${plural(table.runs, 'run', 'runs')}` : `in ${percent(share)} of the runs`;
      return `${verb(m.cell)} ${m.row.phrase} (${m.cell.judgement === null ? '' : `${m.cell.judgement}, `}${how})`;
    });
    const without = named.filter((m) => m.cell.noVariation).length;
    const caveat =
      without === 0
        ? 'though the intervals include zero'
        : without === named.length
          ? 'though with no variation there is no interval'
          : 'though one interval includes zero and the other, with no variation, is missing';
    sentences.push(`It probably ${list(phrases)}, ${caveat}`);
  }
  if (assumed.length > 0) {
    const named = assumed.slice(0, NAMED_CHANGES).map((m) => `${verb(m.cell)} ${m.row.phrase} by ${amount(m)}`);
    sentences.push(
      `By assumption, not as a finding (only the effect sizes it sets reach ${assumed.length === 1 ? 'this metric' : 'these metrics'}), it ${list(named)}${assumed.length > NAMED_CHANGES ? ` and ${plural(assumed.length - NAMED_CHANGES, 'more metric', 'more metrics')}` : ''}`,
    );
  }
  // Changes that were exactly zero in every run: not "no clear change" from wide intervals, but no interval at all.
  const unmoved = table.rows.filter((r) => r.cells[k]!.noVariation && r.cells[k]!.direction === 'none').map((r) => r.phrase);
  if (unmoved.length > 0) {
    const on = unmoved.length > 3 ? `${unmoved.length} metrics` : list(unmoved);
    sentences.push(
      `On ${on} it gave exactly the same value as ${table.baseline.name} in every run: no variation, so the runs cannot tell whether it does not act on them or acts too rarely to show in ${plural(table.runs, 'run', 'runs')}`,
    );
  }
  const clearRows = (judgement: 'better' | 'worse') =>
    table.rows.filter((r) => r.cells[k]!.certainty === 'clear' && r.cells[k]!.judgement === judgement && r.cells[k]!.basis !== 'assumed').map((r) => r.phrase);
  const better = clearRows('better');
  const worse = clearRows('worse');
  if (better.length > 0 && worse.length > 0) {
    const on = (phrases: string[]) => (phrases.length > 3 ? `${phrases.length} metrics` : list(phrases));
    sentences.push(`Trade-off: it does clearly better on ${on(better)} but clearly worse on ${on(worse)}`);
  }
  return `${sentences.join('. ')}.`;
}

/** Which policies clearly beat the baseline most often, and on which metrics none does. */
function summarySentences(table: ComparisonTable): string {
  const judgedRows = table.rows.filter((r) => r.better !== 'neither');
  const base = table.baseline.name;
  const counts = table.policies
    .map((p, k) => ({
      name: p.name,
      flags: costFlags(p),
      wins: judgedRows.filter((r) => r.cells[k]!.clearlyBetter).length,
      losses: judgedRows.filter((r) => r.cells[k]!.certainty === 'clear' && r.cells[k]!.judgement === 'worse' && r.cells[k]!.basis !== 'assumed').length,
    }))
    .filter((c) => c.wins > 0)
    .sort((a, b) => b.wins - a.wins || a.losses - b.losses);
  const sentences: string[] = [];
  const count = (c: (typeof counts)[number]) => `${c.name} on ${c.wins}${c.losses > 0 ? ` (clearly worse on ${c.losses})` : ''}`;
  // A policy whose gains cost the buyer more or leave demand unserved is never summed up as simply better.
  const free = counts.filter((c) => c.flags.length === 0);
  const costly = counts.filter((c) => c.flags.length > 0);
  if (counts.length === 0) {
    sentences.push(`No policy clearly beats ${base} on any of the ${judgedRows.length} metrics with a better direction`);
  } else {
    sentences.push(
      free.length === 0
        ? `Every policy that clearly beats ${base} on some metric (of the ${judgedRows.length} with a better direction) pays for it`
        : `Most often clearly better than ${base} at no clear extra cost (of the ${judgedRows.length} metrics with a better direction): ${list(free.slice(0, 3).map(count))}`,
    );
    if (costly.length > 0) {
      sentences.push(`Clearly better on some metrics but at a price: ${list(costly.slice(0, 3).map((c) => `${count(c)}, but it ${c.flags.join(' and ')}`))}`);
    }
    const none = judgedRows.filter((r) => r.clearlyBetter.length === 0).map((r) => r.phrase);
    if (none.length > 0) sentences.push(`No policy clearly beats ${base} on ${list(none)}`);
  }
  return `${sentences.join('. ')}.`;
}

function precisionSentences(table: ComparisonTable): string {
  if (table.runs < 2) {
    return `With ${table.runs} run there are no intervals, so nothing is clear; run at least 2, better a hundred or more.`;
  }
  const noVariation = table.rows.some((r) => r.cells.some((c) => c.noVariation))
    ? ` "No variation" means the change was the same in all ${table.runs} runs: not a certain zero but no interval at all; either the policy does not act on the metric, or its effect is too rare to have shown, and more runs may show it.`
    : '';
  return (
    `"Clearly" means the 95 % interval of the paired change excludes zero; "probably" that the policy moved that way in at least ${percent(PROBABLE_SHARE)} of the ${table.runs} runs although the interval includes zero. ` +
    `"No clear change" is not "no effect": an effect smaller than the interval's half-width can hide in it, and four times as many runs halve the intervals.${noVariation}`
  );
}

/**
 * Plain-language paragraphs about a chapter-5 table, from its numbers only: how many paired runs
 * over which horizon; per policy, its biggest clear changes (the 95 % interval of the paired
 * change excludes zero; better or worse ones before those of metrics with no better direction,
 * then by size relative to the baseline; one per family of metrics), its
 * probable ones (same direction in at least 75 % of runs, or by the same amount in every run when
 * the change did not vary), the metrics on which it gave exactly the baseline's value in every run
 * (no variation: no information, not a certain zero), and its trade-offs (clearly better on
 * some metrics, clearly worse on others); which policies clearly beat the baseline most often;
 * and what "clearly", "probably" and "no variation" mean at this number of runs.
 * @example
 * console.log(narrative(comparisonTable(result)));
 * // "From 200 paired runs over 12 years ... riskSharing clearly raises small-supplier survival after 12 years by 1.8 percentage points (better) ..."
 */
export function narrative(table: ComparisonTable): string {
  const base = table.baseline.name;
  const paragraphs = [
    `From ${plural(table.runs, 'paired run', 'paired runs')} over ${table.horizonYears} years (each policy and ${base} from the same burned-in markets, with the same random numbers), compared with ${base}:`,
    ...table.policies.map((_, k) => policySentences(table, k)),
    summarySentences(table),
    precisionSentences(table),
  ];
  return `${paragraphs.join('\n\n')}\n`;
}
