/**
 * The `$schema` of every chart: Vega-Lite 5, which Vega-Lite 6 also reads, for the widest notebook support.
 * @example survivalChart(result).$schema === VEGA_LITE_SCHEMA // true
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/**
 * The MIME type under which notebooks (Jupyter, the Deno kernel) render a Vega-Lite 5 spec.
 * @example Deno.jupyter.display({ [VEGA_LITE_MIME]: JSON.parse(JSON.stringify(spec)) }, { raw: true });
 */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * The symbol the Deno Jupyter kernel calls to display an object (`Deno.jupyter.$display`).
 * @example (spec as any)[JUPYTER_DISPLAY]() // { 'application/vnd.vegalite.v5+json': { ... } }
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/**
 * A Vega-Lite top-level spec as plain JSON, its data inline in `data.values`. It also carries a
 * non-enumerable `Symbol.for('Jupyter.display')` method, so that in the Deno Jupyter kernel the
 * chart renders when it is the value of a cell; `JSON.stringify` and spreading leave it out.
 * @example
 * const spec: VegaLiteSpec = survivalChart(result);
 * JSON.stringify(spec); // the plain spec, for vega-embed, Altair or the Vega editor
 */
export interface VegaLiteSpec {
  readonly $schema: string;
  readonly [key: string]: unknown;
}

/**
 * Makes a spec from its body: `$schema` first, then the body, plus the display method (which
 * returns `{ 'application/vnd.vegalite.v5+json': <a plain copy of the spec> }`).
 * @example
 * const spec = vegaLiteSpec({ data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } });
 * spec[Symbol.for('Jupyter.display')](); // { 'application/vnd.vegalite.v5+json': { $schema: ..., data: ..., mark: 'point', ... } }
 */
export function vegaLiteSpec(body: Readonly<Record<string, unknown>>): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: VEGA_LITE_SCHEMA, ...body };
  Object.defineProperty(spec, JUPYTER_DISPLAY, {
    // A fresh copy at display time, so later edits to the spec show and the bundle is plain JSON.
    value: () => ({ [VEGA_LITE_MIME]: JSON.parse(JSON.stringify(spec)) as unknown }),
    enumerable: false,
  });
  return spec;
}
