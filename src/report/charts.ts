/**
 * Charts of results as Vega-Lite specs: plain JSON with the data inline, no rendering dependency.
 * Browser-safe (no Node built-ins, no vega import).
 * @module
 */
export { VEGA_LITE_SCHEMA, VEGA_LITE_MIME, JUPYTER_DISPLAY, vegaLiteSpec, type VegaLiteSpec } from './vegaLite.js';
export { survivalChart } from './survivalChart.js';
export { kaplanMeierChart, type KaplanMeierChartOptions } from './kaplanMeierChart.js';
export { sensitivityChart } from './sensitivityChart.js';
export { primChart } from './primChart.js';
export { designHeatMap, type DesignHeatMapOptions } from './designHeatMap.js';
export { concentrationChart } from './concentrationChart.js';
export { forestPlot } from './forestPlot.js';
export { sweepChart } from './sweepChart.js';
export { runChart, RUN_CHART_SERIES } from './runChart.js';
export { chartsFor, type NamedChart } from './chartsFor.js';
export { HEADLINE_OUTCOMES } from './headline.js';
export { OUTCOME_LABELS, SERIES_LABELS, outcomeTitle, seriesTitle } from './labels.js';
