/**
 * Charts stacked into one SVG document.
 * @packageDocumentation
 */
import { renderAll, type ReportChart, type ReportOptions } from './chart.js';
import { escapeXml, paragraphs } from './markup.js';

/** Size of Vega's SVG, from its root element. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('vega returned an SVG without a width and height');
  return { width, height };
}

/**
 * Breaks text into lines of at most about `chars` characters; SVG text does not wrap by itself.
 * The width of a line is estimated from its length, as the font is the reader's.
 */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

const FONT = 'system-ui, -apple-system, &quot;Segoe UI&quot;, Roboto, &quot;DejaVu Sans&quot;, &quot;Liberation Sans&quot;, Arial, sans-serif';
const MARGIN = 24;

/**
 * Renders charts into one SVG document, stacked top to bottom: the report's title and intro,
 * then each chart under its title with its caption. Each chart keeps the size Vega gave it (as a
 * nested `<svg>`); the document is as wide as the widest chart plus margins. Text is wrapped by
 * an estimate of its width, since SVG text does not wrap. Loads nothing and has no scripts.
 * @example
 * const svg = await renderSvgReport([{ title: 'Survival', spec }], { title: 'Guarantee, 200 runs' });
 * await writeFile('report.svg', svg);
 */
export async function renderSvgReport(charts: readonly ReportChart[], options: ReportOptions): Promise<string> {
  const rendered = await renderAll(charts);
  const sizes = rendered.map((r) => svgSize(r.svg));
  const width = Math.ceil(Math.max(560, ...sizes.map((s) => s.width)) + 2 * MARGIN);
  // About 0.55 em per character in a sans-serif font.
  const charsPerLine = (fontSize: number) => Math.max(20, Math.floor((width - 2 * MARGIN) / (0.55 * fontSize)));
  const body: string[] = [];
  let y = MARGIN;
  // Text on one line first, its white space single spaces: wrap breaks only at spaces.
  const text = (content: string, size: number, weight: 'normal' | 'bold', fill: string): void => {
    for (const line of wrap(content.replace(/\s+/g, ' ').trim(), charsPerLine(size))) {
      y += size * 1.35;
      body.push(`<text x="${MARGIN}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(line)}</text>`);
    }
  };
  text(options.title, 22, 'bold', '#1d1d1b');
  for (const p of paragraphs(options.intro)) {
    y += 6;
    text(p, 14, 'normal', '#1d1d1b');
  }
  if (rendered.length === 0) {
    y += 10;
    text('No charts apply to this result.', 14, 'normal', '#1d1d1b');
  }
  rendered.forEach(({ chart, svg, id }, k) => {
    const size = sizes[k]!;
    y += 28;
    text(chart.title, 17, 'bold', '#1d1d1b');
    y += 8;
    const nested = svg.replace(/^<svg\b[^>]*>/, `<svg id="${id}" x="${MARGIN}" y="${y.toFixed(1)}" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" class="marks">`);
    body.push(nested);
    y += size.height;
    if (chart.caption !== undefined && chart.caption.trim() !== '') {
      y += 4;
      text(chart.caption, 13, 'normal', '#55554f');
    }
  });
  const height = Math.ceil(y + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
