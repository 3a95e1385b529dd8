import { hasSeries, overRuns } from './chartParts.js';
import { plural } from './words.js';
import { concentrationChart } from './concentrationChart.js';
import { forestPlot } from './forestPlot.js';
import { HEADLINE_OUTCOMES } from './headline.js';
import { runChart } from './runChart.js';
import { survivalChart } from './survivalChart.js';
import { sweepChart } from './sweepChart.js';
import { isExperiment, isSweep, type AnyResult } from './toRows.js';
import type { VegaLiteSpec } from './vegaLite.js';

/**
 * A chart with its words, ready for a report (it fits the HTML writer's `ReportChart`).
 * @example const [first]: NamedChart[] = chartsFor(result); // { name: 'survival', title: ..., caption: ..., spec }
 */
export interface NamedChart {
  /** Short identifier, unique in the list: usable as a file name or an anchor. */
  readonly name: string;
  /** Heading in plain words. */
  readonly title: string;
  /** What the chart shows and what its bands mean, in a sentence or two. */
  readonly caption: string;
  readonly spec: VegaLiteSpec;
}

const POINTWISE = 'The bands are pointwise: each period on its own, not the whole path at once.';

/**
 * A chart named and captioned, its heading taken from the spec's own title: the HTML and SVG
 * reports leave a spec's title out when it equals the heading, so the two must not drift apart.
 */
function named(name: string, spec: VegaLiteSpec, caption: string): NamedChart {
  const title = (spec.title as { readonly text: string }).text;
  return { name, title, caption, spec };
}

/**
 * The charts that apply to a result, in reading order:
 * - a sweep: a response curve ({@link sweepChart}) for each of the {@link HEADLINE_OUTCOMES};
 * - an experiment with series: survival ({@link survivalChart}) and concentration ({@link concentrationChart});
 * - an experiment with variants (a sweep included): the forest plot of differences ({@link forestPlot});
 * - one run: its series ({@link runChart}).
 * @example
 * for (const chart of chartsFor(await compare({}, { guarantee: { policy: { minimumVolumeShare: 0.3 } } }, { runs: 100 }))) console.log(chart.name, chart.title);
 */
export function chartsFor(result: AnyResult): NamedChart[] {
  if (!isExperiment(result)) {
    return [named('run', runChart(result), 'The series of a single run: one random future, without uncertainty bands.')];
  }
  const charts: NamedChart[] = [];
  if (isSweep(result)) {
    for (const metric of HEADLINE_OUTCOMES) {
      charts.push(
        named(`sweep-${metric}`, sweepChart(result, metric), `Mean ${overRuns(result.runs)} for each value of ${result.parameter}, with its 95 % confidence interval.`),
      );
    }
  }
  if (hasSeries(result)) {
    charts.push(
      named(
        'survival',
        survivalChart(result),
        `Share of the small suppliers and of the non-profits operating at policy start that still operate, by year: mean ${overRuns(result.runs)} with its 95 % confidence band. ${POINTWISE}`,
      ),
    );
    charts.push(
      named(
        'concentration',
        concentrationChart(result),
        `Top-15 share of the buyer's payments in each period and the number of suppliers operating: mean ${overRuns(result.runs)} with its 95 % confidence band. ${POINTWISE}`,
      ),
    );
  }
  if (Object.keys(result.differences).length > 0) {
    const baseline = result.policies[0]!.name;
    charts.push(
      named(
        'differences',
        forestPlot(result),
        `Mean difference from ${baseline}, run by run on the same replications, with its 95 % confidence interval. An interval that does not cross the dashed zero line is a difference the ${plural(result.runs, 'run', 'runs')} can tell apart from none.`,
      ),
    );
  }
  return charts;
}
