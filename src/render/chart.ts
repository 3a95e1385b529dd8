/**
 * A chart of a report and the report's words, and rendering a list of charts for one document.
 * @packageDocumentation
 */
import { anchor, messageOf } from './markup.js';
import { renderSvg } from './svg.js';

/**
 * One chart of a report: a Vega-Lite spec (plain JSON, data inline) and the words around it.
 * @example
 * const chart: ReportChart = { name: 'survival', title: 'Small suppliers still operating', spec, caption: 'Mean and 95 % interval over 200 runs.' };
 */
export interface ReportChart {
  /** Short identifier, used for the chart's anchor in HTML (`#chart-survival`); defaults to the title. */
  readonly name?: string;
  /** Heading shown above the chart. */
  readonly title: string;
  /** A Vega-Lite spec (any top-level spec, for example from `survivalChart(result)`); its data must be inline (`data.values`). */
  readonly spec: object;
  /** A sentence or two shown below the chart. */
  readonly caption?: string;
}

/**
 * Words around the charts of a report.
 * @example
 * const options: ReportOptions = { title: 'Minimum-volume guarantee, 200 runs', intro: 'Baseline against a 30 % guarantee.' };
 */
export interface ReportOptions {
  /** The report's heading (and the HTML page's title). */
  readonly title: string;
  /** Text shown under the heading; blank lines separate paragraphs. */
  readonly intro?: string;
}

/** A chart with its SVG and the document-unique id of its section. */
export interface RenderedChart {
  readonly chart: ReportChart;
  readonly svg: string;
  readonly id: string;
}

/**
 * The chart's spec without its own top-level title when that title is the chart's heading (as the
 * specs of `chartsFor` have, for notebooks), so the report does not show it twice; a subtitle
 * stays, as a plain line above the chart.
 */
function specUnderHeading(chart: ReportChart): object {
  const { title, ...rest } = chart.spec as { title?: unknown };
  const parts = typeof title === 'object' && title !== null && !Array.isArray(title) ? (title as { text?: unknown; subtitle?: unknown }) : { text: title };
  if (parts.text !== chart.title) return chart.spec;
  if (parts.subtitle === undefined || parts.subtitle === null || parts.subtitle === '') return rest;
  const { subtitle, text: _heading, ...style } = parts as Record<string, unknown>;
  return { ...rest, title: { ...style, text: subtitle, fontWeight: 'normal', fontSize: 12 } };
}

/**
 * Renders charts one after another, each with an anchor unique in the document (from its name or
 * title) whose `_`-suffixed form prefixes the SVG's own ids, so no two elements share an id. A
 * spec whose own title is the chart's title is drawn without it (the heading shows it).
 * Rejects with an error naming the first chart that cannot be rendered.
 * @example
 * const [first] = await renderAll([{ title: 'Survival', spec }]); // first.id === 'chart-survival'
 */
export async function renderAll(charts: readonly ReportChart[]): Promise<RenderedChart[]> {
  const taken = new Set<string>();
  const rendered: RenderedChart[] = [];
  // One at a time: each vega view holds its whole scenegraph, and the first failure names its chart.
  for (const chart of charts) {
    const id = anchor(chart.name ?? chart.title, taken);
    try {
      rendered.push({ chart, id, svg: await renderSvg(specUnderHeading(chart), `${id}_`) });
    } catch (error) {
      throw new Error(`cannot render the chart "${chart.title}": ${messageOf(error)}`);
    }
  }
  return rendered;
}

