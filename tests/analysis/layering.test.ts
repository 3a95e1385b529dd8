import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(src, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function imports(file: string): string[] {
  return [...readFileSync(join(src, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

describe('the analysis layer', () => {
  it('is not imported by the engine, the model, experiments, randomness or metrics', () => {
    for (const dir of ['engine', 'model', 'experiment', 'random', 'metrics']) {
      for (const file of files(dir)) expect(imports(file).filter((i) => i.includes('analysis/')), file).toEqual([]);
    }
  });

  it('stays browser-safe: no Node built-ins, no fast-check', () => {
    for (const file of files('analysis')) expect(imports(file).filter((i) => i.startsWith('node:') || i === 'fast-check'), file).toEqual([]);
  });
});
