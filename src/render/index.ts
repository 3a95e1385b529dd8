/**
 * framework-agreement-sim/render: charts rendered in Node, without a browser, into a
 * self-contained HTML page or an SVG file. Separate from the core entry because vega and
 * vega-lite are large and this part needs Node's file system; the chart specs themselves (plain
 * Vega-Lite JSON) come from the core entry and can be rendered by any Vega-Lite tool.
 *
 * vega and vega-lite are loaded on the first render, with a dynamic `import()`, in both the ESM
 * and the CommonJS build.
 * @example
 * import { writeReport } from 'framework-agreement-sim/render';
 * await writeReport(result, 'report.html');
 * @module framework-agreement-sim/render
 */
export { renderSvg } from './svg.js';
export type { ReportChart, ReportOptions } from './chart.js';
export { renderHtml } from './html.js';
export { renderSvgReport } from './svgReport.js';
export { renderReport, reportFormatOf, reportText, writeReport, type ReportFormat } from './report.js';
