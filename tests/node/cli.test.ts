import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { cli } from '../helpers/cli.js';
import { liveWorkerCount } from '../../src/node/pool.js';

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

  it('a gap is merged with a warning', async () => {
    const r = await cli('merge', '--out', at('gap.json'), at('b.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: no shard covers replications 0\.\.4/);
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
