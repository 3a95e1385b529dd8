/**
 * One Vega-Lite chart rendered to SVG in Node, without a browser. Nothing is fetched: a chart
 * must carry its data inline. vega and vega-lite are ESM-only and large, so they are loaded with
 * a dynamic `import()` on the first render, which also lets the CommonJS build load them.
 * @packageDocumentation
 */
import { messageOf } from './markup.js';

/** vega and vega-lite, loaded once, on first use. */
interface VegaModules {
  readonly vega: typeof import('vega');
  readonly vegaLite: typeof import('vega-lite');
}

let modules: Promise<VegaModules> | undefined;

/**
 * What a render says when vega or vega-lite is not installed: they are optional peer dependencies
 * (about 11 MB), needed only to draw charts to SVG or HTML; chart specs are plain JSON without them.
 */
export const MISSING_VEGA =
  'rendering charts to SVG or HTML needs vega and vega-lite, optional peer dependencies of framework-agreement-sim: install them with `npm install vega vega-lite` (chart specs, tables and rows need neither)';

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

function loadVega(): Promise<VegaModules> {
  modules ??= Promise.all([import('vega'), import('vega-lite')]).then(
    ([vega, vegaLite]) => ({ vega, vegaLite }),
    (error: unknown) => {
      modules = undefined; // installed later in the same process, the next render finds them
      throw isMissingModule(error) ? new Error(MISSING_VEGA, { cause: error }) : error;
    },
  );
  return modules;
}

/**
 * Refuses every load: a report is rendered offline, so a spec that names a URL (data, image or
 * link) is an error rather than a network request. Vega only warns about a failed load and draws
 * on, so the refused URLs are also kept in `refused` for the caller to fail on.
 */
function offlineLoader(vega: typeof import('vega'), refused: string[]): import('vega').Loader {
  const refuse = (uri: string): Promise<never> => {
    refused.push(uri);
    return Promise.reject(new Error(`refusing to load ${JSON.stringify(uri)}`));
  };
  return { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };
}

/**
 * Renders one Vega-Lite spec to an SVG document (a string starting with `<svg`), in Node and
 * without a browser: Vega-Lite compiles the spec to Vega, and a headless Vega view draws it.
 * Element ids in the SVG (clip paths, gradients) are numbered from 1 with `idPrefix`, so the same
 * spec always gives the same bytes and several SVGs can share one page.
 * Rejects with an error naming the problem if the spec does not compile or wants to load a URL.
 * @example
 * const svg = await renderSvg({
 *   data: { values: [{ year: 1, share: 1 }, { year: 2, share: 0.8 }] },
 *   mark: 'line',
 *   encoding: { x: { field: 'year', type: 'quantitative' }, y: { field: 'share', type: 'quantitative' } },
 * });
 */
export async function renderSvg(spec: object, idPrefix = 'vega_'): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const log = collectingLogger(vega);
  let compiled: import('vega').Spec;
  try {
    compiled = vegaLite.compile(spec as import('vega-lite').TopLevelSpec, { logger: log.logger }).spec;
  } catch (error) {
    const said = [...log.errors, ...log.warnings].join('; ');
    throw new Error(`not a valid Vega-Lite spec: ${messageOf(error)}${said === '' ? '' : ` (vega-lite said: ${said})`}`);
  }
  if (log.errors.length > 0) throw new Error(`not a valid Vega-Lite spec: ${log.errors.join('; ')}`);
  const refused: string[] = [];
  let view: import('vega').View;
  try {
    view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: offlineLoader(vega, refused), logger: log.logger, logLevel: vega.Warn });
  } catch (error) {
    throw new Error(`vega cannot draw the spec: ${messageOf(error)}`);
  }
  try {
    const svg = await view.toSVG();
    if (refused.length > 0) {
      throw new Error(`charts in a report must carry their data inline (data.values); refusing to load ${refused.map((u) => JSON.stringify(u)).join(', ')}`);
    }
    // Vega logs a failed data load or a bad expression and draws on without it; a report must not.
    if (log.errors.length > 0) throw new Error(`vega cannot draw the spec: ${log.errors.join('; ')}`);
    return renumberIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

/**
 * A vega logger that keeps errors and warnings instead of printing them: a render either
 * succeeds quietly or fails with what vega said.
 */
function collectingLogger(vega: typeof import('vega')) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method, _level, args) => {
    const text = args.map(messageOf).join(' ');
    (method === 'error' ? errors : warnings).push(text);
  });
  return { logger, errors, warnings };
}

/**
 * Vega numbers clip paths and gradients with a counter shared by the whole process, so the same
 * chart rendered twice would differ; this renumbers them per chart, in order of appearance.
 */
function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(id!)) ids.set(id!, `${prefix}${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}${ids.get(id)}${b}` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : all))
    .replace(/(href=")#([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}#${ids.get(id)}${b}` : all));
}

