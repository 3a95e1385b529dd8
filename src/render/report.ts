/**
 * A result's report: the charts that apply to it ({@link chartsFor}), rendered to HTML or SVG and
 * written to a file.
 * @packageDocumentation
 */
import { writeFileAtomically } from '../node/atomicWrite.js';
import { chartsFor } from '../report/chartsFor.js';
import { parameterValueOf } from '../report/sweepRows.js';
import { isExperiment, isSweep, type AnyResult } from '../report/toRows.js';
import { plural } from '../report/words.js';
import type { ReportOptions } from './chart.js';
import { renderHtml } from './html.js';
import { renderSvgReport } from './svgReport.js';

/**
 * What a report file is: a self-contained HTML page, or one SVG with the charts stacked.
 * @example
 * const format: ReportFormat = 'html';
 */
export type ReportFormat = 'html' | 'svg';

/**
 * The report format a file name asks for, by its extension (`.html` or `.htm`, `.svg`; any case),
 * or null for any other name.
 * @example
 * reportFormatOf('out/report.HTML'); // 'html'
 * reportFormatOf('report.pdf'); // null
 */
export function reportFormatOf(file: string): ReportFormat | null {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  return extension === 'html' || extension === 'htm' ? 'html' : extension === 'svg' ? 'svg' : null;
}

/**
 * A report's default heading and intro, from what the result says about itself: the policies (or
 * the swept parameter), the number of replications and the seed.
 * @example
 * reportText(await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 100 })).title;
 * // 'guarantee against baseline: 100 paired runs'
 */
export function reportText(result: AnyResult): ReportOptions {
  if (!isExperiment(result)) {
    return {
      title: `One run of ${result.policy}`,
      intro: `A single simulated future (seed ${JSON.stringify(result.seed)}) of ${plural(result.horizonPeriods, 'period', 'periods')}, ${plural(result.periodsPerYear, 'period', 'periods')} a year. One run shows what can happen, not what is likely: compare policies over many runs for that.`,
    };
  }
  const seed = JSON.stringify(result.seed);
  const names = result.policies.map((p) => p.name);
  if (isSweep(result)) {
    const values = result.values.map((v) => String(parameterValueOf(v))).join(', ');
    return {
      title: `Sweep of ${result.parameter}: ${plural(result.values.length, 'value', 'values')}, ${plural(result.runs, 'run', 'runs')} each`,
      intro: `${result.parameter} set to ${values}, each value on the same ${plural(result.runs, 'replication', 'replications')} (seed ${seed}); differences are measured from the first value, run by run.`,
    };
  }
  const baseline = names[0]!;
  // A result merged with --partial says so first: its numbers are of fewer runs than planned.
  const planned = result.plannedRuns;
  const partial = planned !== undefined && result.runs < planned && !('convergence' in result && result.convergence !== undefined) ? `A partial result: ${result.runs} of the ${planned} replications the spec plans. ` : '';
  if (names.length === 1) {
    return { title: `${baseline}: ${plural(result.runs, 'run', 'runs')}`, intro: `${partial}${plural(result.runs, 'replication', 'replications')} (seed ${seed}) of ${baseline}.` };
  }
  const variants = names.slice(1);
  return {
    title: `${variants.join(', ')} against ${baseline}: ${plural(result.runs, 'paired run', 'paired runs')}`,
    intro: `${partial}${plural(result.runs, 'replication', 'replications')} (seed ${seed}) of ${plural(names.length, 'policy', 'policies')}: ${names.join(', ')}. Every policy ran on the same replications, so each difference from ${baseline} is measured run by run.`,
  };
}

/**
 * Renders the report of a result: the charts {@link chartsFor} picks for it, as a self-contained
 * HTML page or as one SVG with the charts stacked (see `renderHtml` and `renderSvgReport`). The
 * heading and intro default to {@link reportText}. Rejects if the result lacks what a chart needs.
 * @example
 * const html = await renderReport(result, 'html', { title: 'Guarantee, first look' });
 */
export async function renderReport(result: AnyResult, format: ReportFormat, options: Partial<ReportOptions> = {}): Promise<string> {
  const charts = chartsFor(result);
  const text = { ...reportText(result), ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as ReportOptions;
  return format === 'html' ? renderHtml(charts, text) : renderSvgReport(charts, text);
}

/**
 * Writes the report of a result to `file`, as HTML (`.html`, `.htm`) or SVG (`.svg`) by its
 * extension: a self-contained page with each chart under its title and caption, or one SVG with
 * the charts stacked top to bottom. The file is written atomically (a temporary file beside it,
 * then a rename), so it is never left half-written. Rejects, writing nothing, for another
 * extension or if rendering fails.
 * @example
 * import { compare } from 'framework-agreement-sim';
 * import { writeReport } from 'framework-agreement-sim/render';
 * await writeReport(await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 200 }), 'report.html');
 */
export async function writeReport(result: AnyResult, file: string, options: Partial<ReportOptions> = {}): Promise<void> {
  const format = reportFormatOf(file);
  if (format === null) throw new Error(`cannot tell the report format of ${file}: name it .html (a web page) or .svg (one image)`);
  await writeFileAtomically(file, await renderReport(result, format, options));
}
