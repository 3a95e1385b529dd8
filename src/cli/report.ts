/**
 * `framework-agreement-sim report`: the charts of an experiment result, written as one
 * self-contained HTML page or one SVG. Also the helpers another command uses to write a report of
 * a result it holds ({@link checkReportFile} before the work, {@link writeReportFile} after).
 * @packageDocumentation
 */
import type { ExperimentResult } from '../experiment/result.js';
import { renderHtml } from '../render/html.js';
import { reportFormatOf, reportText } from '../render/report.js';
import { renderSvgReport } from '../render/svgReport.js';
import { chartsFor } from '../report/chartsFor.js';
import { checkNotInput, checkWritable, EXIT, messageOf, parse, required, UsageError, writeAtomically, type CliIo } from './io.js';
import { readExperimentResult } from './resultFile.js';

/** Help of the command. */
export const REPORT_USAGE = `Usage: framework-agreement-sim report <result.json> --out <report.html | report.svg> [--title <text>]

Writes the charts of an experiment result (as written by "run" or "merge --out"): survival of the
suppliers present at policy start and concentration over time (when the result has series), and
each variant's differences from the baseline with their 95 % intervals.

  --out <file>     report.html (or .htm): one self-contained web page, each chart under its title
                   and caption; no scripts, nothing loaded from the network.
                   report.svg: one image, the charts stacked top to bottom.
  --title <text>   the report's heading (default: the policies and the number of runs)
  -h, --help       this help
`;

/**
 * Checks, before any work, that a report can be written to `file`: its extension names a format
 * (.html, .htm or .svg) and its directory is writable. `flag` names the option, for the message.
 * Throws a {@link UsageError} otherwise.
 * @example
 * await checkReportFile('out/report.html', 'report'); // before a long run with --report
 */
export async function checkReportFile(file: string, flag: string): Promise<void> {
  if (reportFormatOf(file) === null) throw new UsageError(`--${flag} ${file}: name the report .html (a web page) or .svg (one image)`);
  await checkWritable(file, flag);
}

/**
 * Writes the report of an experiment result to `file` (HTML or SVG by its extension), atomically.
 * Returns the number of charts. A result the charts cannot use, or a file that cannot be written,
 * is a {@link UsageError}; nothing is written then.
 * @example
 * const charts = await writeReportFile(result, 'report.html');
 */
export async function writeReportFile(result: ExperimentResult, file: string, options: { readonly title?: string | undefined } = {}): Promise<number> {
  const format = reportFormatOf(file);
  if (format === null) throw new UsageError(`cannot write the report ${file}: name it .html (a web page) or .svg (one image)`);
  let text: string;
  let charts: number;
  try {
    const list = chartsFor(result);
    const words = { ...reportText(result), ...(options.title === undefined ? {} : { title: options.title }) };
    text = format === 'html' ? await renderHtml(list, words) : await renderSvgReport(list, words);
    charts = list.length;
  } catch (error) {
    throw new UsageError(`cannot draw the report of this result: ${messageOf(error)}`);
  }
  await writeAtomically(file, text);
  return charts;
}

/**
 * Runs `report <result.json> --out <file> [--title <text>]` and resolves to the exit code; user
 * errors throw {@link UsageError}, which `main` prints.
 * @example
 * await reportCommand(['result.json', '--out', 'report.html'], io);
 */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, title: { type: 'string' } }, true);
  if (values['help'] === true) {
    io.stdout.write(REPORT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'no result file: give the experiment result to chart (see --help)' : `one result file at a time, got ${positionals.length} (see --help)`);
  }
  const input = positionals[0]!;
  const out = required(values, 'out');
  await checkReportFile(out, 'out');
  await checkNotInput(out, 'out', [{ file: input, what: 'the result to chart' }]);
  const result = await readExperimentResult(input);
  const title = typeof values['title'] === 'string' && values['title'].trim() !== '' ? values['title'] : undefined;
  const charts = await writeReportFile(result, out, { title });
  io.stderr.write(`wrote ${out}: ${charts} chart${charts === 1 ? '' : 's'} of ${result.runs} replications\n`);
  return EXIT.ok;
}
