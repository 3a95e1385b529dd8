import type { FitRow } from './calibrate.js';

function format(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e9).toFixed(3)} bn`;
  if (a >= 100) return x.toFixed(0);
  return x.toPrecision(3);
}

/**
 * The fit as a Markdown table: each target, the fitted mean with its 95 % Monte Carlo interval,
 * the tolerance, and whether it is met.
 * @example
 * fitTable(await checkFit({}, BASELINE_TARGETS, { runs: 200 }));
 */
export function fitTable(fit: readonly FitRow[]): string {
  const lines = ['| moment | target | tolerance | fitted (95 % interval) | met |', '| --- | --- | --- | --- | --- |'];
  for (const r of fit) {
    const target = r.range !== null ? `${format(r.range[0])} – ${format(r.range[1])}` : format(r.value!);
    lines.push(`| ${r.metric} | ${target} | ± ${format(r.tolerance)} | ${format(r.fitted)} (${format(r.lower)} – ${format(r.upper)}) | ${r.met ? 'yes' : 'no'} |`);
  }
  return lines.join('\n');
}
