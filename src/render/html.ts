/**
 * Charts as one self-contained HTML page.
 * @packageDocumentation
 */
import { renderAll, type ReportChart, type ReportOptions } from './chart.js';
import { escapeXml, paragraphs } from './markup.js';

// Local fonts only: no @font-face and no @import, so the page renders offline.
const STYLE = `
  body { margin: 0; background: #f6f6f4; color: #1d1d1b; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
  main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
  h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
  h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
  .intro { max-width: 45rem; }
  section.chart { margin: 2rem 0; padding: 1.25rem 1.5rem; background: #fff; border: 1px solid #e2e2dd; border-radius: 6px; }
  figure { margin: 0; }
  figure svg { display: block; max-width: 100%; height: auto; }
  figcaption { margin-top: 0.75rem; color: #55554f; font-size: 0.9rem; max-width: 45rem; }
`;

/** Vega's SVG as an element of an HTML page: the xlink namespace declaration goes when unused. */
function inlineSvg(svg: string): string {
  return svg.includes('xlink:href') ? svg : svg.replace(/\sxmlns:xlink="[^"]*"/, '');
}

/**
 * Renders charts into one self-contained HTML page: a heading, the intro, and each chart as an
 * inline SVG under its title with its caption. The page has no scripts, loads nothing (no
 * external URLs, fonts or styles) and reads the same offline, in any browser, or printed.
 * The same charts and options always give the same bytes.
 * @example
 * const html = await renderHtml([{ title: 'Survival', spec }], { title: 'Guarantee, 200 runs' });
 * await writeFile('report.html', html);
 */
export async function renderHtml(charts: readonly ReportChart[], options: ReportOptions): Promise<string> {
  const rendered = await renderAll(charts);
  const sections = rendered.map(({ chart, svg, id }) =>
    [
      `<section class="chart" id="${id}">`,
      `<h2>${escapeXml(chart.title)}</h2>`,
      '<figure>',
      inlineSvg(svg),
      ...(chart.caption === undefined || chart.caption.trim() === '' ? [] : [`<figcaption>${escapeXml(chart.caption.trim())}</figcaption>`]),
      '</figure>',
      '</section>',
    ].join('\n'),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeXml(options.title)}</h1>`,
    ...paragraphs(options.intro).map((p) => `<p class="intro">${escapeXml(p)}</p>`),
    ...(sections.length === 0 ? ['<p>No charts apply to this result.</p>'] : sections),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

