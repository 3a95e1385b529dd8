import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { avoidWorkerExitCrash } from '../../src/node/workerExitCrash.js';

const MODULE = fileURLToPath(new URL('../../src/node/workerExitCrash.ts', import.meta.url));

/** Runs an ES module script with tsx under `--trace-concurrent-recompilation`; its trace lines. */
function traceOf(script: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fas-trace-'));
  try {
    const file = join(dir, 'script.mts');
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--trace-concurrent-recompilation', file], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    return child.stdout.split('\n').filter((line) => line.includes('Queued'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a worker thread with a hot function under `--trace-concurrent-recompilation` in a fresh
 * Node process and counts the background compile jobs queued for that function (its name is
 * unique, so the main thread's and tsx's own jobs are not counted).
 */
function backgroundJobsOfWorker(workaround: boolean): number {
  const script = `
    import { Worker } from 'node:worker_threads';
    const { avoidWorkerExitCrash } = await import(${JSON.stringify(MODULE)});
    if (${workaround}) avoidWorkerExitCrash();
    const body = 'function hotInWorkerForTrace(n) { let s = 0; for (let i = 0; i < n; i++) s += (i * i) % 7; return s; } let t = 0; for (let k = 0; k < 3000; k++) t += hotInWorkerForTrace(10000); require("node:worker_threads").parentPort.postMessage(t);';
    const worker = new Worker(body, { eval: true });
    worker.on('message', () => void worker.terminate());
  `;
  return traceOf(script).filter((line) => line.includes('hotInWorkerForTrace')).length;
}

describe('avoidWorkerExitCrash (Node 20/22 abort when a worker exits during background compilation)', () => {
  it('applies only to the affected Node majors, and is idempotent', () => {
    expect(avoidWorkerExitCrash('24.1.0')).toBe(false);
    expect(avoidWorkerExitCrash('20.20.0')).toBe(true);
    expect(avoidWorkerExitCrash('22.0.0')).toBe(true);
  });

  it.runIf(Number(process.versions.node.split('.')[0]) <= 23)('leaves worker threads no background compile job to race with their exit', () => {
    expect(backgroundJobsOfWorker(false)).toBeGreaterThan(0);
    expect(backgroundJobsOfWorker(true)).toBe(0);
  });

  it.runIf(Number(process.versions.node.split('.')[0]) <= 23)('the worker pool applies it before it starts a worker: its workers queue no background job for the engine', () => {
    // Only the worker runs the engine, so a queued job for an engine function is a worker's.
    const script = `
      const { runExperiment } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/experiment/index.ts', import.meta.url)))});
      const { workerExecutor } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/node/pool.ts', import.meta.url)))});
      const config = { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 } };
      await runExperiment({ config, variants: [], seed: 1, rows: false, series: false }, { runs: 4, executor: workerExecutor({ workers: 1 }) });
    `;
    const queued = traceOf(script);
    expect(queued.length).toBeGreaterThan(0); // the main thread and tsx keep their background compiler
    expect(queued.filter((line) => /<JSFunction (allocateCallOffs|bidPrice|collectBids|awardPlaces) /.test(line))).toEqual([]);
  });
});
