/**
 * Vitest global setup: bundles the worker thread's script (src/node/worker.ts) once, with esbuild,
 * into a temporary directory, and names it in PREBUILT_WORKER_ENV for the test processes, which
 * inherit the environment. Without it every worker thread the pool tests start from source
 * registers tsx and compiles the module graph again, which made tests/node/pool.test.ts alone take
 * about 40 s; bundled, a worker starts in a few tens of milliseconds. The bundle is the same source,
 * so the byte-identity tests still compare worker results with serial ones from source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PREBUILT_WORKER_ENV } from '../src/node/protocol.js';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'fas-test-worker-'));
  const outfile = join(dir, 'worker.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/node/worker.ts', import.meta.url))],
    outfile,
    bundle: true, // dependencies too, so the bundle runs from the temporary directory
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
  });
  process.env[PREBUILT_WORKER_ENV] = outfile;
  return () => rmSync(dir, { recursive: true, force: true });
}
