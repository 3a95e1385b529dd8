/**
 * The architecture's rules, checked over the import graph of src/ (issue 14, item 3): the layers
 * import one way, the engine never reaches the config codecs (io-ts, fp-ts), the root entry stays
 * browser-safe, and no module imports itself through others.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url).pathname;

interface Edge {
  readonly target: string;
  /** `import type` / `export type`: erased at build, so it does not count at run time. */
  readonly typeOnly: boolean;
}

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

/** Every import and re-export of a file: a src-relative path for a local module, else the package or `node:` name. */
function importsOf(file: string): Edge[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm)) {
    edges.push({ target: local(file, m[2]!), typeOnly: m[1] !== undefined });
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) edges.push({ target: local(file, m[1]!), typeOnly: false });
  return edges;
}

function local(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? spec : spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  return relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts');
}

const FILES = sourceFiles();
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));
const layerOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : file.replace(/\.ts$/, ''));
const isLocal = (target: string) => target.endsWith('.ts');

/** Everything a file reaches at run time (type-only imports left out), itself excluded. */
function reach(from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    for (const e of GRAPH.get(stack.pop()!) ?? []) {
      if (e.typeOnly || seen.has(e.target)) continue;
      seen.add(e.target);
      if (isLocal(e.target)) stack.push(e.target);
    }
  }
  return seen;
}

/** Layers each layer may import (any import, types included); every layer may import itself and version.ts. */
const ALLOWED: Record<string, readonly string[]> = {
  random: [],
  metrics: ['random'],
  model: ['random', 'metrics'],
  engine: ['model', 'random', 'metrics'],
  scenarios: ['model'],
  policies: ['model'],
  experiment: ['engine', 'model', 'random', 'metrics', 'scenarios', 'simulate'],
  simulate: ['engine', 'model', 'random'],
};

describe('the import graph of src/', () => {
  it('reads every module (the parser sees the imports)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(GRAPH.get('engine/simulate.ts')!.some((e) => e.target === 'engine/step.ts')).toBe(true);
  });

  it.each(Object.entries(ALLOWED))('%s imports only from its own layer and from %j', (layer, allowed) => {
    const wrong: string[] = [];
    for (const [file, edges] of GRAPH) {
      if (layerOf(file) !== layer) continue;
      for (const e of edges) {
        if (!isLocal(e.target)) continue;
        const to = layerOf(e.target);
        if (to !== layer && to !== 'version' && !allowed.includes(to)) wrong.push(`${file} -> ${e.target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nothing below the experiment layer imports analysis, calibration, report, render, cli, node or testing', () => {
    const upper = new Set(['analysis', 'calibration', 'report', 'render', 'cli', 'node', 'testing']);
    const wrong = [...GRAPH].flatMap(([file, edges]) =>
      ['random', 'metrics', 'model', 'engine', 'experiment'].includes(layerOf(file)) ? edges.filter((e) => isLocal(e.target) && upper.has(layerOf(e.target))).map((e) => `${file} -> ${e.target}`) : [],
    );
    expect(wrong).toEqual([]);
  });

  it('the engine never reaches the config codecs: no io-ts, fp-ts, codecs.ts or decode.ts at run time', () => {
    const wrong = FILES.filter((f) => layerOf(f) === 'engine').flatMap((f) =>
      [...reach(f)].filter((t) => t === 'io-ts' || t === 'fp-ts' || t === 'model/codecs.ts' || t === 'model/decode.ts').map((t) => `${f} reaches ${t}`),
    );
    expect(wrong).toEqual([]);
  });

  it('io-ts and fp-ts are imported only at the config boundary (model/codecs, config, decode, uncertain)', () => {
    const boundary = new Set(['model/codecs.ts', 'model/config.ts', 'model/decode.ts', 'model/uncertain.ts']);
    const importers = [...GRAPH].filter(([, edges]) => edges.some((e) => e.target === 'io-ts' || e.target === 'fp-ts')).map(([f]) => f);
    expect(importers.filter((f) => !boundary.has(f))).toEqual([]);
  });

  it('the root entry reaches no Node built-in, no fast-check and no vega at run time (browser-safe core)', () => {
    const reached = [...reach('index.ts')];
    expect(reached.filter((t) => t.startsWith('node:') || t === 'fast-check' || t === 'vega' || t === 'vega-lite')).toEqual([]);
    expect(reached.filter((t) => ['cli', 'node', 'render', 'testing'].includes(layerOf(t)) && isLocal(t))).toEqual([]);
  });

  it('has no import cycles at run time', () => {
    // Tarjan's strongly connected components over run-time edges between local modules.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      order.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const e of GRAPH.get(v) ?? []) {
        if (e.typeOnly || !isLocal(e.target) || !GRAPH.has(e.target)) continue;
        if (!order.has(e.target)) {
          visit(e.target);
          low.set(v, Math.min(low.get(v)!, low.get(e.target)!));
        } else if (onStack.has(e.target)) low.set(v, Math.min(low.get(v)!, order.get(e.target)!));
      }
      if (low.get(v) === order.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const f of FILES) if (!order.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});
