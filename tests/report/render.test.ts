import { describe, expect, it } from 'vitest';
import { renderHtml, renderSvg, renderSvgReport, type ReportChart } from '../../src/render/index.js';

/** The paths (one per point, bar or line) drawn by every mark of one kind, e.g. 'symbol' or 'line'. */
function marks(svg: string, kind: string): number {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-${kind} role-mark[^"]*"[^>]*>((?:<path[^>]*/>)*)</g>`, 'g'))];
  return groups.reduce((n, g) => n + (g[1]!.match(/<path/g) ?? []).length, 0);
}

const survival = {
  width: 300,
  height: 200,
  data: { values: [1, 2, 3, 4, 5, 6, 7].map((period) => ({ period, share: 1 - period / 20 })) },
  mark: { type: 'line', point: true },
  encoding: {
    x: { field: 'period', type: 'quantitative', title: 'Period after policy start' },
    y: { field: 'share', type: 'quantitative', title: 'Share still operating' },
  },
};

const band = {
  width: 300,
  height: 200,
  data: {
    values: ['baseline', 'guarantee'].flatMap((policy, k) =>
      [1, 2, 3, 4].map((period) => ({ policy, period, mean: 0.2 + 0.05 * k + 0.01 * period, lower: 0.15 + 0.05 * k, upper: 0.3 + 0.05 * k })),
    ),
  },
  encoding: { x: { field: 'period', type: 'quantitative', title: 'Period' }, color: { field: 'policy', type: 'nominal' } },
  layer: [
    { mark: { type: 'area', opacity: 0.25 }, encoding: { y: { field: 'lower', type: 'quantitative', title: 'HHI' }, y2: { field: 'upper' } } },
    { mark: 'line', encoding: { y: { field: 'mean', type: 'quantitative' } } },
  ],
};

const bars = {
  data: { values: [{ policy: 'a', x: 3 }, { policy: 'b', x: 5 }, { policy: 'c', x: 2 }] },
  mark: 'bar',
  encoding: { y: { field: 'policy', type: 'nominal' }, x: { field: 'x', type: 'quantitative', title: 'Difference' } },
};

describe('renderSvg', () => {
  it('draws a line with one symbol per data point, and the axis titles', async () => {
    const svg = await renderSvg(survival);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(marks(svg, 'line')).toBe(1);
    expect(marks(svg, 'symbol')).toBe(7);
    expect(svg).toContain('>Period after policy start</text>');
    expect(svg).toContain('>Share still operating</text>');
    expect(svg).toMatch(/width="\d+" height="\d+"/);
  });

  it('draws one band and one line per colour in a layered chart, with a legend', async () => {
    const svg = await renderSvg(band);
    expect(marks(svg, 'area')).toBe(2);
    expect(marks(svg, 'line')).toBe(2);
    expect(svg).toContain('>guarantee</text>');
    expect(svg).toContain('>HHI</text>');
  });

  it('draws one rect per bar', async () => {
    const svg = await renderSvg(bars);
    expect(marks(svg, 'rect')).toBe(3);
  });

  it('gives the same bytes for the same spec, however many charts were rendered before', async () => {
    const clipped = { ...band, layer: band.layer.map((l) => ({ ...l, mark: { type: typeof l.mark === 'string' ? l.mark : l.mark.type, clip: true } })) };
    const first = await renderSvg(clipped);
    await renderSvg(survival);
    const second = await renderSvg(clipped);
    expect(second).toBe(first);
    expect(first).toContain('id="vega_1"');
    expect(first).toContain('url(#vega_1)');
    expect(await renderSvg(clipped, 'x-')).toContain('id="x-1"');
  });

  it('refuses a spec that is not Vega-Lite, naming the problem', async () => {
    await expect(renderSvg({ data: { values: [] }, mark: 'nonsense' })).rejects.toThrow(/^not a valid Vega-Lite spec: /);
  });

  it('refuses to load data from a URL instead of fetching it', async () => {
    await expect(renderSvg({ ...survival, data: { url: 'https://example.org/data.json' } })).rejects.toThrow(/inline.*https:\/\/example\.org\/data\.json/);
  });
});

const charts: ReportChart[] = [
  { name: 'survival', title: 'Small suppliers still operating', spec: survival, caption: 'Mean over 7 periods & more.' },
  { name: 'concentration', title: 'Concentration <HHI>', spec: band },
];

describe('renderHtml', () => {
  it('is one self-contained page with every chart, its title and caption, and nothing to load', async () => {
    const html = await renderHtml(charts, { title: 'Guarantee vs "baseline"', intro: 'First paragraph.\n\nSecond & last.' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Guarantee vs &quot;baseline&quot;</title>');
    expect(html).toContain('<h1>Guarantee vs &quot;baseline&quot;</h1>');
    expect(html).toContain('<p class="intro">First paragraph.</p>');
    expect(html).toContain('<p class="intro">Second &amp; last.</p>');
    expect(html).toContain('<section class="chart" id="chart-survival">');
    expect(html).toContain('<h2>Small suppliers still operating</h2>');
    expect(html).toContain('<h2>Concentration &lt;HHI&gt;</h2>');
    expect(html).toContain('<figcaption>Mean over 7 periods &amp; more.</figcaption>');
    expect(html.match(/<svg\b/g)).toHaveLength(2);
    expect(html.match(/<\/svg>/g)).toHaveLength(2);
    // Both charts' marks are in the page.
    expect(marks(html, 'symbol')).toBe(7);
    expect(marks(html, 'area')).toBe(2);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b|@import|@font-face|src=/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
  });

  it('gives every element id once, so charts do not share clip paths', async () => {
    const clipped = { ...survival, mark: { type: 'line', point: true, clip: true } };
    const html = await renderHtml(
      [
        { title: 'A', spec: clipped },
        { title: 'A', spec: clipped },
      ],
      { title: 'Twice' },
    );
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('chart-a');
    expect(ids).toContain('chart-a-2');
  });

  it('shows a title once: a spec titled like its chart loses its own title, keeping the subtitle', async () => {
    const html = await renderHtml(
      [
        { title: 'Survival', spec: { ...survival, title: { text: 'Survival', subtitle: 'Mean over 7 runs' } } },
        { title: 'Bars', spec: { ...bars, title: 'Bars' } },
        { title: 'Heading', spec: { ...bars, title: 'Its own title' } },
      ],
      { title: 'T' },
    );
    expect(html.match(/>Survival</g)).toHaveLength(1);
    expect(html).toContain('>Mean over 7 runs</text>');
    expect(html.match(/>Bars</g)).toHaveLength(1);
    expect(html).toContain('<h2>Heading</h2>');
    expect(html).toContain('>Its own title</text>');
  });

  it('is the same bytes for the same charts', async () => {
    expect(await renderHtml(charts, { title: 'T' })).toBe(await renderHtml(charts, { title: 'T' }));
  });

  it('names the chart that cannot be rendered', async () => {
    await expect(renderHtml([...charts, { title: 'Broken', spec: { mark: 42 } }], { title: 'T' })).rejects.toThrow(/the chart "Broken"/);
  });

  it('says so when there are no charts', async () => {
    expect(await renderHtml([], { title: 'Empty' })).toContain('No charts apply');
  });
});

describe('renderSvgReport', () => {
  it('stacks the charts under the report title into one SVG, each with its title', async () => {
    const svg = await renderSvgReport(charts, { title: 'Guarantee & baseline', intro: 'Two charts.' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<svg\b/g)).toHaveLength(3);
    expect(svg.match(/<\/svg>/g)).toHaveLength(3);
    expect(svg).toContain('<title>Guarantee &amp; baseline</title>');
    expect(svg).toContain('>Small suppliers still operating</text>');
    expect(svg).toContain('>Concentration &lt;HHI&gt;</text>');
    expect(svg).toContain('>Mean over 7 periods &amp; more.</text>');
    expect(marks(svg, 'symbol')).toBe(7);
    expect(marks(svg, 'area')).toBe(2);
    expect(svg).not.toMatch(/<script/i);
    // The charts are placed one below the other, and the document is tall enough for both.
    const ys = [...svg.matchAll(/<svg id="[^"]+" x="\d+" y="([\d.]+)" width="\d+" height="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(ys).toHaveLength(2);
    expect(ys[1]![0]).toBeGreaterThan(ys[0]![0] + ys[0]![1]);
    const height = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(svg)![1]);
    expect(height).toBeGreaterThan(ys[1]![0] + ys[1]![1]);
  });
});
