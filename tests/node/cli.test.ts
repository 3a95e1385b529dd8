import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { liveWorkerCount } from '../../src/node/pool.js';
import { OUTCOME_METRICS } from '../../src/model/metrics.js';

/** Outcomes per run and policy: one row each. */
const OUTCOME_COUNT = Object.keys(OUTCOME_METRICS).length;

const dir = mkdtempSync(join(tmpdir(), 'fas-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const spec = {
  config: { run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 60 } },
  variants: [{ name: 'guarantee', input: { policy: { minimumVolumeShare: 0.3 } } }],
  seed: 4,
  rows: true,
  series: true,
};
writeFileSync(at('spec.json'), JSON.stringify(spec));


const read = (name: string) => readFileSync(at(name), 'utf8');
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('shard + merge = run', () => {
  it('two shards merged (in either order) equal one run, byte for byte', async () => {
    expect((await cli('shard', '--spec', at('spec.json'), '--from', '0', '--to', '5', '--out', at('a.json'), '--workers', '2')).code).toBe(0);
    expect((await cli('shard', '--spec', at('spec.json'), '--from', '5', '--to', '12', '--out', at('b.json'), '--workers', '1')).code).toBe(0);
    const merged = await cli('merge', '--out', at('merged.json'), at('b.json'), at('a.json'));
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/12 replications \(0\.\.11\)/);
    expect((await cli('run', '--spec', at('spec.json'), '--runs', '12', '--out', at('single.json'), '--workers', '2')).code).toBe(0);
    expect(read('merged.json')).toBe(read('single.json'));
    const result = JSON.parse(read('single.json')) as { runs: number; rows: unknown[] };
    expect(result.runs).toBe(12);
    expect(leftovers()).toEqual([]);
    expect(liveWorkerCount()).toBe(0);
  });

  it('merge --state writes a state that merges on (hierarchical merges)', async () => {
    expect((await cli('merge', '--state', at('state.json'), at('a.json'))).code).toBe(0);
    const state = JSON.parse(read('state.json')) as { kind: string; ranges: unknown };
    expect(state.kind).toBe('framework-agreement-sim/shard');
    expect(state.ranges).toEqual([[0, 5]]);
    expect((await cli('merge', '--out', at('merged2.json'), at('state.json'), at('b.json'))).code).toBe(0);
    expect(read('merged2.json')).toBe(read('single.json'));
  });

  it('shows a progress line only when stderr is a terminal', async () => {
    let stderr = '';
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t), isTTY: true } };
    expect(await main(['run', '--spec', at('spec.json'), '--runs', '6', '--out', at('tty.json'), '--workers', '1'], io)).toBe(0);
    expect(stderr).toMatch(/\r\x1b\[K6\/6 replications \(100\.0 %\)/);
    expect(stderr).toMatch(/\r\x1b\[Kwrote .*tty\.json: 6 replications/);
    const quiet = await cli('run', '--spec', at('spec.json'), '--runs', '6', '--out', at('tty.json'), '--workers', '1');
    expect(quiet.stderr).toMatch(/^wrote .*tty\.json: 6 replications in \d+\.\d s\n$/);
  });

  it('an incomplete set is refused, naming what is missing, unless --partial asks for it', async () => {
    // The spec states no runs: a gap before the last shard is still seen.
    const r = await cli('merge', '--out', at('gap.json'), at('b.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: incomplete: no shard covers replications 0\.\.4 \(5 of 0\.\.11\); run them \(shard --from 0 --to 5\) and merge again, or pass --partial for a result of the 7 covered\n$/);
    expect(existsSync(at('gap.json'))).toBe(false);
    const partial = await cli('merge', '--partial', '--out', at('gap.json'), at('b.json'));
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/^warning: --partial: no shard covers replications 0\.\.4 \(5 of 0\.\.11\); the result is of the 7 replications covered\n/m);
    // Without "runs" a missing last shard cannot be seen: merge says so.
    expect(partial.stderr).toMatch(/^note: the spec states no "runs", so shards missing after replication 11 cannot be noticed/m);
    expect((JSON.parse(read('gap.json')) as { runs: number }).runs).toBe(7);
  });
});

describe('a spec that states its runs', () => {
  const planned = { ...spec, rows: false, runs: 12 };
  writeFileSync(at('planned.json'), JSON.stringify(planned));

  it('run takes its runs from the spec, and shards merged equal it byte for byte, with plannedRuns', async () => {
    expect((await cli('run', '--spec', at('planned.json'), '--out', at('planned-run.json'), '--workers', '1')).code).toBe(0);
    expect((await cli('shard', '--spec', at('planned.json'), '--from', '0', '--to', '10', '--out', at('p0.json'), '--workers', '1')).code).toBe(0);
    expect((await cli('shard', '--spec', at('planned.json'), '--from', '10', '--to', '12', '--out', at('p1.json'), '--workers', '1')).code).toBe(0);
    const merged = await cli('merge', '--out', at('planned-merged.json'), at('p1.json'), at('p0.json'));
    expect(merged.code).toBe(0);
    expect(merged.stderr).not.toMatch(/note:|warning:/);
    expect(read('planned-merged.json')).toBe(read('planned-run.json'));
    const result = JSON.parse(read('planned-run.json')) as { runs: number; plannedRuns: number };
    expect([result.runs, result.plannedRuns]).toEqual([12, 12]);
  });

  it('merge refuses shards that leave out the last range (the issue: "runs": 350 of 400, exit 0)', async () => {
    const r = await cli('merge', '--out', at('short.json'), at('p0.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: incomplete: no shard covers replications 10..11 (2 of the spec's 12); run them (shard --from 10 --to 12) and merge again, or pass --partial for a result of the 10 covered\n`);
    expect(existsSync(at('short.json'))).toBe(false);
    const partial = await cli('merge', '--partial', '--out', at('short.json'), at('p0.json'));
    expect(partial.code).toBe(0);
    const result = JSON.parse(read('short.json')) as { runs: number; plannedRuns: number };
    expect([result.runs, result.plannedRuns]).toEqual([10, 12]);
  });

  it('shard refuses a range beyond the runs, run a different --runs, and the spec a bad runs', async () => {
    const beyond = await cli('shard', '--spec', at('planned.json'), '--from', '10', '--to', '13', '--out', at('p2.json'));
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toBe(`error: --to 13 goes beyond the spec's runs (12): the experiment has replications 0..11\n`);
    const other = await cli('run', '--spec', at('planned.json'), '--runs', '11', '--out', at('p3.json'));
    expect(other.stderr).toBe(`error: --runs 11 differs from the spec's runs (12); leave --runs out, or change the spec\n`);
    expect((await cli('run', '--spec', at('spec.json'), '--out', at('p3.json'))).stderr).toBe('error: missing --runs (or "runs" in the spec) (see --help)\n');
    for (const bad of [0, 1.5, '12', null]) {
      writeFileSync(at('bad-runs.json'), JSON.stringify({ ...planned, runs: bad }));
      const r = await cli('run', '--spec', at('bad-runs.json'), '--out', at('p3.json'));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: .*bad-runs\.json: runs: expected an integer in \[1, 100000000\] \(the replications the experiment is meant to have\), got /);
    }
    expect(existsSync(at('p2.json')) || existsSync(at('p3.json'))).toBe(false);
  });

  it('shards of the spec with and without runs do not merge', async () => {
    const r = await cli('merge', '--out', at('mixed.json'), at('p0.json'), at('a.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/are shards of different experiments \(their specs differ in "rows"\)/);
    writeFileSync(at('planned-rows.json'), JSON.stringify({ ...spec, runs: 12 }));
    expect((await cli('shard', '--spec', at('planned-rows.json'), '--from', '0', '--to', '5', '--out', at('pr.json'), '--workers', '1')).code).toBe(0);
    const s = await cli('merge', '--out', at('mixed.json'), at('pr.json'), at('b.json'));
    expect(s.stderr).toMatch(/are shards of different experiments \(their specs differ in "runs"\)/);
  });
});

describe('user errors: exit code 2, one line per problem, nothing written', () => {
  const badSpec = at('bad-spec.json');
  writeFileSync(badSpec, JSON.stringify({ config: { policy: { priceWeight: 3, minimumVolumShare: 0.2 } } }));
  writeFileSync(at('broken.json'), '{ "config": ');
  writeFileSync(at('other-seed.json'), JSON.stringify({ ...spec, seed: 5 }));

  const cases: Array<[string, string[], RegExp, number]> = [
    ['a missing flag', ['shard', '--spec', at('spec.json'), '--from', '0', '--to', '3'], /^error: missing --out/, 1],
    ['a flag that is not an integer', ['shard', '--spec', at('spec.json'), '--from', 'one', '--to', '3', '--out', at('out.json')], /^error: --from expects an integer/, 1],
    ['an empty range', ['shard', '--spec', at('spec.json'), '--from', '4', '--to', '4', '--out', at('out.json')], /^error: --to \(4\) must be greater/, 1],
    ['bad --workers', ['run', '--spec', at('spec.json'), '--runs', '3', '--out', at('out.json'), '--workers', '0'], /^error: --workers expects/, 1],
    ['an unknown option', ['run', '--spec', at('spec.json'), '--runs', '3', '--out', at('out.json'), '--fast'], /^error: Unknown option '--fast'/, 1],
    ['an unknown command', ['simulate'], /^error: unknown command "simulate"/, 1],
    ['an unreadable spec', ['run', '--spec', at('nope.json'), '--runs', '3', '--out', at('out.json')], /^error: cannot read spec .*nope\.json: ENOENT/, 1],
    ['invalid JSON', ['run', '--spec', at('broken.json'), '--runs', '3', '--out', at('out.json')], /^error: .*broken\.json is not valid JSON/, 1],
    ['a bad config (one line per issue, with paths)', ['run', '--spec', badSpec, '--runs', '3', '--out', at('out.json')], /^(?=[^]*^error: .*bad-spec\.json: config\.policy\.priceWeight: expected a number in \[0, 1\], got 3$)(?=[^]*^error: .*bad-spec\.json: config\.policy\.minimumVolumShare: unknown key; did you mean "minimumVolumeShare"\?$)/m, 2],
    ['an unwritable output', ['run', '--spec', at('spec.json'), '--runs', '3', '--out', join(dir, 'no', 'such', 'dir.json')], /^error: cannot write --out .*does not exist/, 1],
    ['a file that is not a shard', ['merge', '--out', at('out.json'), at('a.json'), at('spec.json')], /^error: .*spec\.json: not a shard state/, 1],
    ['shards of different specs', ['merge', '--out', at('out.json'), at('a.json'), at('c.json')], /^error: .*c\.json and .*a\.json are shards of different experiments \(their specs differ in "seed"\)/, 1],
    ['overlapping shards', ['merge', '--out', at('out.json'), at('b.json'), at('overlap.json')], /^error: .*overlap\.json and .*b\.json both cover replications 10\.\.11/, 1],
    ['a shard of another version', ['merge', '--out', at('out.json'), at('old.json')], /^error: .*old\.json: written by another version/, 1],
    ['the same shard twice', ['merge', '--out', at('out.json'), at('a.json'), at('a.json')], /^error: .*a\.json is listed twice/, 1],
    ['no output', ['merge', at('a.json')], /^error: missing --out/, 1],
  ];

  it('prepares shards of another spec and an overlapping one', async () => {
    expect((await cli('shard', '--spec', at('other-seed.json'), '--from', '5', '--to', '6', '--out', at('c.json'), '--workers', '1')).code).toBe(0);
    expect((await cli('shard', '--spec', at('spec.json'), '--from', '10', '--to', '14', '--out', at('overlap.json'), '--workers', '1')).code).toBe(0);
    const old = JSON.parse(read('a.json')) as { policies: Array<{ outcomes: Record<string, unknown> }> };
    for (const p of old.policies) delete p.outcomes['hhi'];
    writeFileSync(at('old.json'), JSON.stringify(old));
  });

  it.each(cases)('%s', async (_, argv, message, lines) => {
    writeFileSync(at('out.json'), 'previous');
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(lines);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(read('out.json')).toBe('previous'); // an existing output is left alone
    expect(leftovers()).toEqual([]);
  });

  it('a failing replication exits with 1, names it, and writes nothing', async () => {
    writeFileSync(at('long-seed.json'), JSON.stringify({ ...spec, seed: 'x'.repeat(998), variants: [] }));
    const r = await cli('shard', '--spec', at('long-seed.json'), '--from', '8', '--to', '11', '--out', at('failed.json'), '--workers', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: replication 10 \(seed "x+#10"\) failed: .*no output was written\)\n$/);
    expect(existsSync(at('failed.json'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('an interrupt exits with 130 and writes nothing', async () => {
    const controller = new AbortController();
    let stderr = '';
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, signal: controller.signal };
    setTimeout(() => controller.abort(new DOMException('interrupted', 'AbortError')), 300);
    const code = await main(['run', '--spec', at('spec.json'), '--runs', '5000', '--out', at('interrupted.json'), '--workers', '2'], io);
    expect(code).toBe(130);
    expect(stderr).toBe('error: interrupted; no output was written\n');
    expect(existsSync(at('interrupted.json'))).toBe(false);
    expect(liveWorkerCount()).toBe(0);
  });
});

describe('an output that is an input is refused before any work', () => {
  // Each file is a copy, so that a command that did overwrite it cannot break the other tests.
  const copy = (from: string, name: string) => {
    copyFileSync(at(from), at(name));
    return at(name);
  };
  const link = (target: string, name: string) => {
    rmSync(at(name), { force: true });
    symlinkSync(target, at(name));
    return at(name);
  };

  const expectRefused = async (argv: string[], files: string[], message: RegExp) => {
    const before = files.map((f) => readFileSync(f, 'utf8'));
    const r = await cli(...argv);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(leftovers()).toEqual([]);
  };

  it('run and shard: --out is the spec, by its path, another spelling, a symlink or a hard link', async () => {
    const own = copy('spec.json', 'own-spec.json');
    const message = /^error: --out .* is the spec \(.*\.json\); writing it would destroy an input: choose another --out$/;
    await expectRefused(['run', '--spec', own, '--runs', '2', '--out', own, '--workers', '1'], [own], message);
    await expectRefused(['run', '--spec', own, '--runs', '2', '--out', join(dir, '.', '..', dir.split(/[\\/]/).pop()!, 'own-spec.json'), '--workers', '1'], [own], message);
    await expectRefused(['run', '--spec', own, '--runs', '2', '--out', link(own, 'spec-link.json'), '--workers', '1'], [own], message);
    await expectRefused(['run', '--spec', link(own, 'spec-link.json'), '--runs', '2', '--out', own, '--workers', '1'], [own], message);
    rmSync(at('spec-hard.json'), { force: true });
    linkSync(own, at('spec-hard.json'));
    await expectRefused(['shard', '--spec', own, '--from', '0', '--to', '2', '--out', at('spec-hard.json'), '--workers', '1'], [own], message);
  });

  it('chapter5: --out is the --config file', async () => {
    writeFileSync(at('own-config.json'), JSON.stringify(spec.config));
    await expectRefused(
      ['chapter5', '--config', at('own-config.json'), '--policies', 'riskSharing', '--runs', '2', '--workers', '1', '--csv', '--out', at('own-config.json')],
      [at('own-config.json')],
      /^error: --out .*own-config\.json is the config \(.*own-config\.json\); writing it would destroy an input/,
    );
  });

  it('merge: --out or --state is one of the shards, or both name one file', async () => {
    const a = copy('a.json', 'own-a.json');
    const b = copy('b.json', 'own-b.json');
    await expectRefused(['merge', '--out', a, a, b], [a, b], /^error: --out .*own-a\.json is a shard to merge \(.*own-a\.json\); writing it would destroy an input/);
    await expectRefused(['merge', '--state', link(b, 'b-link.json'), a, b], [a, b], /^error: --state .*b-link\.json is a shard to merge \(.*own-b\.json\)/);
    writeFileSync(at('both.json'), 'previous');
    await expectRefused(['merge', '--out', at('both.json'), '--state', at('both.json'), a, b], [a, b, at('both.json')], /^error: --out and --state both name .*both\.json; the result and the merged state need a file each$/);
    rmSync(at('fresh.json'), { force: true });
    await expectRefused(['merge', '--out', at('fresh.json'), '--state', join(dir, '.', 'fresh.json'), a, b], [a, b], /^error: --out and --state both name/);
    expect(existsSync(at('fresh.json'))).toBe(false);
  });

  it('report: --out is the result file', async () => {
    const result = copy('single.json', 'result.html');
    await expectRefused(['report', result, '--out', result], [result], /^error: --out .*result\.html is the result to chart \(.*result\.html\); writing it would destroy an input/);
  });
});

describe('policy names', () => {
  it('variants named like properties of Object.prototype: run writes every difference and report charts them', async () => {
    const names = ['__proto__', 'constructor', 'toString'];
    writeFileSync(at('names.json'), JSON.stringify({ ...spec, rows: false, series: true, variants: names.map((name) => ({ name, input: spec.variants[0]!.input })) }));
    expect((await cli('run', '--spec', at('names.json'), '--runs', '2', '--out', at('names-result.json'), '--workers', '1')).code).toBe(0);
    const result = JSON.parse(read('names-result.json')) as { differences: Record<string, unknown> };
    expect(Object.keys(result.differences)).toEqual(names);
    const r = await cli('report', at('names-result.json'), '--out', at('names.html'));
    expect(r.stderr).toMatch(/^wrote .*names\.html: 3 charts of 2 replications\n$/);
    expect(r.code).toBe(0);
    for (const name of names) expect(read('names.html')).toContain(name);
  });
});

describe('shard files: limits, integrity and identity', () => {
  type Json = Record<string, any>;
  /** Writes a copy of a.json changed by `edit` and returns its path. */
  let copies = 0;
  const edited = (edit: (s: Json) => void, from = 'a.json'): string => {
    const state = JSON.parse(read(from)) as Json;
    edit(state);
    const file = at(`edited-${++copies}.json`);
    writeFileSync(file, JSON.stringify(state));
    return file;
  };
  const expectMergeRefused = async (file: string, message: RegExp) => {
    rmSync(at('refused.json'), { force: true });
    const r = await cli('merge', '--out', at('refused.json'), file, at('b.json'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: \S/);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(existsSync(at('refused.json'))).toBe(false);
  };

  it('shard refuses a range whose rows cannot fit, as run does, before any work', async () => {
    // An aborted signal: a command that started the work would stop with 130 instead of refusing with 2.
    let stderr = '';
    const io: CliIo = { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) }, signal: AbortSignal.abort(new DOMException('interrupted', 'AbortError')) };
    const code = await main(['shard', '--spec', at('spec.json'), '--from', '0', '--to', '1000000', '--out', at('huge.json'), '--workers', '1'], io);
    expect(stderr).toBe(`error: --from 0 --to 1000000: 1000000 runs of 2 policies would keep ${1_000_000 * 2 * OUTCOME_COUNT} rows (more than 10000000); set "rows": false in the spec, or shard fewer replications\n`);
    expect(code).toBe(2);
    expect(existsSync(at('huge.json'))).toBe(false);
    const run = await cli('run', '--spec', at('spec.json'), '--runs', '1000000', '--out', at('huge.json'), '--workers', '1');
    expect(run.stderr).toMatch(new RegExp(`^error: options\\.rows: 1000000 runs of 2 policies would keep ${1_000_000 * 2 * OUTCOME_COUNT} rows \\(more than 10000000\\)`));
  });

  it('every shard file carries the library version and hashes of its spec and content', () => {
    const shard = JSON.parse(read('a.json')) as Json;
    expect(Object.keys(shard)).toEqual(['kind', 'version', 'spec', 'ranges', 'policies', 'rows', 'inputRows', 'integrity']);
    expect(shard['integrity']).toEqual({ library: expect.stringMatching(/^framework-agreement-sim \d+\.\d+\.\d+/), spec: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), content: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    const state = JSON.parse(read('state.json')) as Json; // written by merge --state
    expect(state['integrity']).toEqual({ ...shard['integrity'], content: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });

  it('series or differences set to null are refused, not merged into counts over fewer runs', async () => {
    await expectMergeRefused(edited((s) => (s['policies'][0]['series'] = null)), /a damaged shard state \(policy "today": its series are missing \(null\), which its spec asks for\)$/);
    await expectMergeRefused(edited((s) => (s['policies'][1]['differences'] = null)), /a damaged shard state \(policy "guarantee": its paired differences are missing \(null\)\)$/);
    await expectMergeRefused(edited((s) => s['policies'][1]['series']['hhi'].pop()), /a damaged shard state \(policy "guarantee", series hhi: not a list of 8 periods\)$/);
    await expectMergeRefused(edited((s) => (s['policies'][0]['differences'] = s['policies'][1]['differences'])), /a damaged shard state \(policy "today": the baseline has paired differences\)$/);
  });

  it('a changed sketch accuracy is one line, not a stack trace', async () => {
    await expectMergeRefused(edited((s) => (s['policies'][0]['outcomes']['hhi']['sketch']['accuracy'] = 0.002)), /outcome hhi: its quantile sketch has accuracy 0\.002, not 0\.001\)$/);
  });

  it('every changed number, row or spec is refused (20 edits)', async () => {
    const tampers: Array<[string, (s: Json) => void]> = [
      ['an outcome sum', (s) => (s['policies'][0]['outcomes']['hhi']['sum'][0] *= 1.01)],
      ['a sum of squares', (s) => (s['policies'][1]['outcomes']['lots']['sumOfSquares'][0] += 1)],
      ['a minimum', (s) => (s['policies'][0]['outcomes']['hhi']['min'] /= 2)],
      ['a maximum', (s) => (s['policies'][0]['outcomes']['hhi']['max'] *= 2)],
      ['a sketch bucket', (s) => (s['policies'][0]['outcomes']['hhi']['sketch']['positive'][0] -= 1)],
      ['a difference sum', (s) => (s['policies'][1]['differences']['hhi']['sum'][0] += 0.01)],
      ['a difference maximum', (s) => (s['policies'][1]['differences']['lots']['max'] += 1)],
      ['a count of higher replications', (s) => (s['policies'][1]['higher']['hhi'] = s['policies'][1]['higher']['hhi'] === 0 ? 1 : 0)],
      ['a count of lower replications', (s) => (s['policies'][1]['lower']['lots'] = s['policies'][1]['lower']['lots'] === 0 ? 1 : 0)],
      ['a series sum', (s) => (s['policies'][0]['series']['hhi'][3]['sum'][0] += 0.5)],
      ['a series minimum', (s) => (s['policies'][1]['series']['activeSuppliers'][0]['min'] -= 1)],
      ['a row value', (s) => (s['rows'][0]['value'] += 1)],
      ['a row seed', (s) => (s['rows'][0]['seed'] = 'x')],
      ['a row moved to another replication', (s) => (s['rows'][0]['replication'] = 1)],
      ['rows in another order', (s) => s['rows'].reverse()],
      ['the ranges moved', (s) => (s['ranges'] = [[100, 105]])],
      ['the seed of the spec', (s) => (s['spec']['seed'] = 99)],
      ["a variant's lever", (s) => (s['spec']['variants'][0]['input']['policy']['minimumVolumeShare'] = 0.4)],
      ['the content hash', (s) => (s['integrity']['content'] = `sha256:${'0'.repeat(64)}`)],
      ['the spec hash', (s) => (s['integrity']['spec'] = `sha256:${'0'.repeat(64)}`)],
    ];
    for (const [what, edit] of tampers) {
      const file = edited(edit);
      rmSync(at('refused.json'), { force: true });
      const r = await cli('merge', '--out', at('refused.json'), file, at('b.json'));
      expect(r.code, `${what}: ${r.stderr}`).toBe(2);
      expect(r.stderr, what).toMatch(/^error: \S+: (its (content|spec) does not match its (content|spec) hash: the file was changed|a damaged shard state \(rows\[0\] is not a row)/);
      expect(r.stderr.trimEnd().split('\n'), what).toHaveLength(1);
      expect(existsSync(at('refused.json')), what).toBe(false);
    }
  });

  it('a shard without an integrity record, or of another library version, is refused', async () => {
    await expectMergeRefused(edited((s) => delete s['integrity']), /: it has no integrity record \(content hash\): an older framework-agreement-sim wrote it, or it was edited; rerun the shard with this version$/);
    await expectMergeRefused(
      edited((s) => (s['integrity']['library'] = 'framework-agreement-sim 0.0.1')),
      /: "framework-agreement-sim 0\.0\.1" wrote it, not framework-agreement-sim \d+\.\d+\.\d+\S*; versions may count differently, so rerun the shard with this version$/,
    );
    await expectMergeRefused(edited((s) => (s['extra'] = 1)), /: a damaged shard state \(unknown key "extra"\)$/);
  });

  it('the same shard through a symlink is listed twice', async () => {
    rmSync(at('a-link.json'), { force: true });
    symlinkSync(at('a.json'), at('a-link.json'));
    const r = await cli('merge', '--out', at('refused.json'), at('a.json'), at('a-link.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \S*a-link\.json is listed twice; its replications would be counted twice\n$/);
  });
});

describe('the command as a process', () => {
  const run = (...argv: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { encoding: 'utf8', timeout: 60_000 });

  it('bad input: exit code 2 and one line on stderr, no stack trace', () => {
    const r = run('run', '--spec', at('bad-spec.json'), '--runs', '2', '--out', at('proc.json'));
    expect(r.status).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2); // one line per config issue
    expect(r.stderr).toMatch(/^error: .*config\.policy\.priceWeight/m);
    expect(existsSync(at('proc.json'))).toBe(false);
    const usage = run('shard', '--from', '1');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toBe('error: missing --spec (see --help)\n');
  });

  it('a shard on 2 workers exits by itself and matches the in-process shard', () => {
    const r = run('shard', '--spec', at('spec.json'), '--from', '0', '--to', '5', '--out', at('proc-a.json'), '--workers', '2');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^wrote .*proc-a\.json: replications 0\.\.4 \(5\)/);
    expect(run('merge', '--out', at('proc-merged.json'), at('proc-a.json'), at('b.json')).status).toBe(0);
    expect(read('proc-merged.json')).toBe(read('single.json'));
  });

  it('--help and --version', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: framework-agreement-sim/);
    expect(run('--version').stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
