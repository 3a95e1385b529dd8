import type { Explanation } from '../experiment/explain.js';
import { hasInterval, type Summary } from '../experiment/summary.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { OUTCOME_LABELS } from './labels.js';
import type { TableFormat } from './tableMetrics.js';
import { formatChange, formatInterval, formatNumber } from './tableNumbers.js';

/** How an outcome's changes are shown: shares in percentage points, kroner in NOK, the rest as counts. */
function formatOf(metric: OutcomeMetric): TableFormat {
  const unit = OUTCOME_METRICS[metric].unit;
  if (unit === 'share 0-1') return 'percent';
  if (metric === 'hhi') return 'hhiPoints';
  if (unit.startsWith('NOK per year')) return 'mnok';
  return unit.startsWith('NOK') ? 'nok' : 'count';
}

/** "+3.3 pp [+3.1, +3.5]", or "+3.3 pp (no variation in N runs)". */
function changeText(s: Summary, format: TableFormat): string {
  const interval = hasInterval(s) ? formatInterval(s.lower, s.upper, format, format === 'percent' ? 2 : undefined) : s.noVariation ? `no variation in ${s.n} runs` : 'n/a';
  return `${formatChange(s.mean, format, format === 'percent' ? 2 : undefined)} ${interval}`;
}

/**
 * An {@link Explanation} as text: per outcome, the policy's effect, and per mechanism the effect
 * with it switched off, the part it carried (with its 95 % interval) and that part's share of the
 * effect; then what each switch means.
 * @example console.log(formatExplanation(await explain({}, 'smallerContracts', { policy: { lotSplit: 2 } }, { runs: 50 })));
 */
export function formatExplanation(e: Explanation): string {
  const width = Math.max(...e.mechanisms.map((m) => m.name.length), 'mechanism'.length);
  const out: string[] = [
    `Where the effect of ${e.policy} comes from: ${e.runs} paired runs, seed ${String(e.seed)}`,
    'effect: the policy minus today, run by run; with it off: the same in the world with the mechanism switched off;',
    'carried: the effect minus the effect with it off, run by run, with its 95 % interval; share: carried / effect.',
    'Parts need not add up: mechanisms interact, and switching one off also changes the burned-in market.',
  ];
  for (const metric of e.metrics) {
    const format = formatOf(metric);
    out.push('', `${OUTCOME_LABELS[metric]}: effect ${changeText(e.effect[metric]!, format)}`);
    const rows = e.mechanisms.map((m) => {
      const p = m.parts[metric]!;
      const share = p.shareCarried === null ? '' : `${formatNumber(100 * p.shareCarried, 0, true)} %`;
      return [m.name, changeText(p.withoutMechanism, format), changeText(p.carried, format), share];
    });
    const w1 = Math.max('with it off'.length, ...rows.map((r) => r[1]!.length));
    const w2 = Math.max('carried'.length, ...rows.map((r) => r[2]!.length));
    out.push(`  ${'mechanism'.padEnd(width)}  ${'with it off'.padEnd(w1)}  ${'carried'.padEnd(w2)}  share`);
    for (const r of rows) out.push(`  ${r[0]!.padEnd(width)}  ${r[1]!.padEnd(w1)}  ${r[2]!.padEnd(w2)}  ${r[3]}`.trimEnd());
  }
  out.push('', 'The mechanisms, and what switching each off means:');
  for (const m of e.mechanisms) out.push(`  ${m.name.padEnd(width)}  ${m.title}; off: ${m.offMeans}`);
  return `${out.join('\n')}\n`;
}
