/**
 * Compiling and drawing a chart spec the way a reader's tools would: vega-lite, failing on any
 * warning, then vega to SVG. Shared by the chart tests.
 */
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from 'vega';
import { expect } from 'vitest';
import type { VegaLiteSpec } from '../../src/report/index.js';

/** A logger for vega-lite and vega that keeps what they say instead of printing it. */
function collectingLogger() {
  const said: string[] = [];
  let level = 0;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error: (...m: unknown[]) => (said.push(`error: ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (said.push(`warn: ${m.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return { said, logger: logger as never };
}

/** Compiles with vega-lite (failing on any warning), counts the drawn mark types, and draws the chart with vega to SVG. */
export async function compileAndDraw(spec: VegaLiteSpec): Promise<{ marks: Record<string, number>; svg: string }> {
  const log = collectingLogger();
  const vega = compile(spec as unknown as TopLevelSpec, { logger: log.logger }).spec;
  expect(log.said, JSON.stringify(log.said)).toEqual([]);
  const marks: Record<string, number> = {};
  const walk = (items: readonly { type: string; marks?: unknown[] }[] | undefined) => {
    for (const m of items ?? []) {
      if (m.type === 'group') walk(m.marks as never);
      else marks[m.type] = (marks[m.type] ?? 0) + 1;
    }
  };
  walk(vega.marks as never);
  const view = new View(parse(vega), { renderer: 'none', logger: log.logger, logLevel: 2 });
  const svg = await view.toSVG();
  view.finalize();
  expect(log.said, JSON.stringify(log.said)).toEqual([]);
  return { marks, svg };
}

