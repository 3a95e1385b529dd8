/**
 * Progress everywhere: the estimate leaves start-up out, the CLI prints steady plain lines when
 * stderr is not a terminal and JSON lines with --progress json, and a robustness check says which
 * world is running.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { withProgress } from '../../src/cli/progress.js';
import { PROGRESS_LINE_INTERVAL_MS } from '../../src/cli/io.js';
import { progressClock } from '../../src/experiment/progressClock.js';
import { robustness } from '../../src/experiment/robustness.js';
import type { Progress } from '../../src/experiment/run.js';
import { allocationWorld, REFERENCE_WORLD } from '../../src/scenarios/worlds.js';

const dir = mkdtempSync(join(tmpdir(), 'fas-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A clock the test moves by hand. */
function clock(start = 0) {
  let t = start;
  return { now: () => t, set: (to: number) => void (t = to) };
}

function io(options: Partial<CliIo> & { tty?: boolean }): CliIo & { text: () => string } {
  let text = '';
  return { stdout: { write: () => true }, stderr: { write: (s: string) => (text += s), isTTY: options.tty ?? false }, ...options, text: () => text };
}

describe('progressClock', () => {
  it('measures the pace from the first finished replication on, so start-up is left out (hand-computed)', () => {
    const c = clock(0);
    const tick = progressClock(10, c.now);
    c.set(1000); // worker start-up and the first replication
    expect(tick()).toEqual({ done: 1, total: 10, elapsedMs: 1000, remainingMs: 9000 });
    c.set(1100);
    expect(tick().remainingMs).toBe(800); // 100 ms a replication since the first, 8 left
    c.set(1200);
    expect(tick('world b')).toEqual({ done: 3, total: 10, elapsedMs: 1200, remainingMs: 700, phase: 'world b' });
  });
});

describe('CLI progress modes', () => {
  /** Reports `n` replications of `total`, one every `stepMs`, on the given io. */
  async function report(cli: CliIo & { text: () => string }, c: ReturnType<typeof clock>, n: number, stepMs: number): Promise<string> {
    await withProgress(cli, 'replications', async (update) => {
      const tick = progressClock(n, c.now);
      for (let k = 1; k <= n; k++) {
        c.set(k * stepMs);
        update(tick() as Progress);
      }
    });
    return cli.text();
  }

  it('auto, not a terminal: a plain line every interval, none for a short run', async () => {
    const c = clock(0);
    const long = await report(io({ now: c.now }), c, 100, 1000); // 100 s
    const lines = long.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(Math.floor(100_000 / PROGRESS_LINE_INTERVAL_MS));
    expect(lines[0]).toBe('progress: 10/100 replications (10.0 %), 0:10 elapsed, about 1:30 left');
    expect(long).not.toMatch(/\r|\x1b/);
    const c2 = clock(0);
    expect(await report(io({ now: c2.now }), c2, 5, 1000)).toBe('');
  });

  it('json: one parsable object a line, at most once a second, and the last one', async () => {
    const c = clock(0);
    const text = await report(io({ now: c.now, progress: 'json', tty: true }), c, 30, 300);
    const records = text.trim().split('\n').map((l) => JSON.parse(l) as { progress: string; done: number; total: number; elapsedMs: number; remainingMs: number });
    expect(records.at(-1)).toEqual({ progress: 'replications', done: 30, total: 30, elapsedMs: 9000, remainingMs: 0 });
    for (let k = 1; k < records.length - 1; k++) expect(records[k]!.elapsedMs - records[k - 1]!.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(records.length).toBeLessThanOrEqual(10);
  });

  it('none: nothing; a bad mode is one line and exit code 2', async () => {
    const c = clock(0);
    expect(await report(io({ now: c.now, progress: 'none', tty: true }), c, 100, 1000)).toBe('');
    const bad = io({});
    expect(await main(['run', '--progress', 'loud'], bad)).toBe(2);
    expect(bad.text()).toBe('error: --progress expects one of auto, json, none, got "loud"\n');
  });

  it('--progress=json on a real command, anywhere on the line', async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(spec, JSON.stringify({ config: { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } }, rows: false, series: false, runs: 3 }));
    const cli = io({});
    expect(await main(['run', '--spec', spec, '--progress=json', '--out', join(dir, 'r.json'), '--workers', '1'], cli)).toBe(0);
    const [first, ...rest] = cli.text().split('\n');
    expect(JSON.parse(first!)).toMatchObject({ progress: 'replications', done: 3, total: 3 });
    expect(rest.join('\n')).toMatch(/^wrote .*r\.json: 3 replications/);
  });
});

describe('robustness progress', () => {
  it('counts every world\u2019s runs and names the world running', async () => {
    const seen: Progress[] = [];
    const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
    await robustness(small, { guarantee: { policy: { minimumVolumeShare: 0.5 } } }, { runs: 2, worlds: [REFERENCE_WORLD, allocationWorld('rank')], onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.done, p.total, p.phase])).toEqual([
      [1, 4, REFERENCE_WORLD.name],
      [2, 4, REFERENCE_WORLD.name],
      [3, 4, allocationWorld('rank').name],
      [4, 4, allocationWorld('rank').name],
    ]);
  });
});
