/**
 * Fuzz test of the command line with malformed input: spec files that are not JSON, JSON of the
 * wrong shape, configs from invalidConfig() in specs, bad flags (negative, absurd, huge, not
 * numbers), missing and unreadable files, damaged shard states. Every one must end with a
 * non-zero exit, one `error: ...` line per problem on stderr, no stack trace, and nothing
 * written: no output file and no temporary file. The CLI runs in-process (main()) to stay fast.
 */
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { invalidConfig } from '../../src/testing/index.js';
import { maxWorkerCount } from '../../src/node/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'fas-cli-fuzz-'));
/** Outputs go here; after every failing command it must hold only the file written before it. */
const outDir = join(dir, 'out');
mkdirSync(outDir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);
const out = join(outDir, 'result.json');
const existing = join(outDir, 'existing.json');


let fileNumber = 0;
/** Writes a spec (text or value) to a fresh file and returns its path. */
function specFile(content: string | Buffer | object): string {
  const file = at(`spec-${++fileNumber}.json`);
  writeFileSync(file, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  return file;
}

interface Expectation {
  /** Exact number of `error:` lines (default 1). */
  readonly lines?: number;
  /** Every line must match. */
  readonly match?: RegExp;
  /** Every line must start with this (for prefixes too long for a regular expression). */
  readonly prefix?: string;
  /** Longest acceptable line (default 1 000 characters: a message, not an echo of the input). */
  readonly maxLineLength?: number;
  /** Skip the no-stack-trace check (only for the known crash, see below). */
  readonly stackAllowed?: boolean;
  /** Expected exit code (default 2, a user error). */
  readonly code?: number;
}

/** A failed command: the code, one `error:` line per problem, no stack trace, nothing written. */
function expectRejected(r: { code: number; stdout: string; stderr: string }, e: Expectation = {}): void {
  expect(r.code, r.stderr.slice(0, 500)).toBe(e.code ?? 2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  if (!e.stackAllowed) {
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(lines.length, r.stderr.slice(0, 500)).toBe(e.lines ?? 1);
    for (const line of lines) expect(line.slice(0, 200)).toMatch(/^error: \S/);
  } else {
    expect(lines[0]).toMatch(/^error: \S/);
  }
  for (const line of lines) expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(e.maxLineLength ?? 1000);
  for (const line of lines.filter((l) => l.startsWith('error: '))) {
    if (e.match !== undefined) expect(line.slice(0, 5000)).toMatch(e.match);
    if (e.prefix !== undefined) expect(line.startsWith(e.prefix), `${line.slice(0, 300)} should start with ${e.prefix.slice(0, 300)}`).toBe(true);
  }
  // Nothing written: no output, the existing file untouched, no temporary file left behind.
  expect(readdirSync(outDir)).toEqual(['existing.json']);
  expect(readFileSync(existing, 'utf8')).toBe('previous');
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

const spec = { config: { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 20 } }, seed: 3, rows: false, series: false };
let validSpec = '';
let validShard = '';

beforeAll(async () => {
  writeFileSync(existing, 'previous');
  validSpec = specFile(spec);
  validShard = at('shard.json');
  expect((await cli('shard', '--spec', validSpec, '--from', '0', '--to', '2', '--out', validShard, '--workers', '1')).code).toBe(0);
});

// ---------------------------------------------------------------------------------------------

/**
 * Longest acceptable line for an issue at `path`: the path plus a message. Paths shorten keys
 * over 40 characters (formatPath), so `path` is itself short.
 */
const lineFor = (path: string) => 1000 + path.length;

describe('configs from invalidConfig() in spec files: one line naming the path, exit 2', () => {
  it('as the spec config (150 generated)', async () => {
    await fc.assert(
      fc.asyncProperty(invalidConfig({ json: true }), async ({ input, path }) => {
        const file = specFile({ ...spec, config: input });
        const r = await cli('run', '--spec', file, '--runs', '2', '--out', out, '--workers', '1');
        const where = path === '(config)' ? 'config: expected an object' : `config.${path}: `;
        expectRejected(r, { prefix: `error: ${file}: ${where}`, maxLineLength: lineFor(path) });
      }),
      { seed: 101, numRuns: 150 },
    );
  });

  it('as a variant input of a shard (100 generated)', async () => {
    await fc.assert(
      fc.asyncProperty(invalidConfig({ json: true }), async ({ input, path }) => {
        const file = specFile({ ...spec, variants: [{ name: 'v', input }] });
        const r = await cli('shard', '--spec', file, '--from', '0', '--to', '2', '--out', out, '--workers', '1');
        const object = typeof input === 'object' && input !== null && !Array.isArray(input);
        const where = object ? `variants[0] (v).${path}: ` : 'variants[0]: expected';
        expectRejected(r, { prefix: `error: ${file}: ${where}`, maxLineLength: lineFor(path) });
      }),
      { seed: 102, numRuns: 100 },
    );
  });
});

describe('spec files that are not JSON', () => {
  const texts: Array<[string, string | Buffer]> = [
    ['an empty file', ''],
    ['whitespace', ' \n\t '],
    ['a truncated object', '{ "config": '],
    ['an unclosed object', '{ "config": {}'],
    ['a trailing comma', '{ "config": {}, }'],
    ['single quotes', "{ 'config': {} }"],
    ['NaN', '{ "config": { "policy": { "priceWeight": NaN } } }'],
    ['Infinity', '{ "seed": Infinity }'],
    ['undefined', 'undefined'],
    ['a comment', '// spec\n{}'],
    ['a byte-order mark', '\ufeff{ "config": {} }'],
    ['a NUL byte', '\u0000'],
    ['binary junk', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81])],
    ['100 000 characters of junk', 'x'.repeat(100_000)],
    ['an object nested 10 000 deep, unclosed', '{"a":'.repeat(10_000)],
  ];
  it.each(texts)('%s', async (_, text) => {
    const file = specFile(text);
    expectRejected(await cli('run', '--spec', file, '--runs', '2', '--out', out), { prefix: `error: ${file} is not valid JSON: ` });
  });

  it('200 generated texts: truncated specs and random strings', async () => {
    const full = JSON.stringify({ ...spec, variants: [{ name: 'guarantee', input: { policy: { minimumVolumeShare: 0.3 } } }] });
    const text = fc.oneof(
      fc.integer({ min: 0, max: full.length - 1 }).map((n) => full.slice(0, n)),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        // A truncated object is never JSON; a random string rarely is, and then rarely an object.
        let parsed: unknown;
        try {
          parsed = JSON.parse(t);
        } catch {
          parsed = undefined;
        }
        fc.pre(!(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)));
        const r = await cli('run', '--spec', specFile(t), '--runs', '2', '--out', out);
        expectRejected(r, { match: /(is not valid JSON: |expected a JSON object with "config")/ });
      }),
      { seed: 103, numRuns: 200 },
    );
  });
});

describe('JSON of the wrong shape', () => {
  /** File content given as text rather than as a value to serialise. */
  const raw = (text: string) => ({ raw: text });
  const shapes: Array<[string, unknown, RegExp, number?]> = [
    ['null', null, /expected a JSON object with "config"/],
    ['a number', 42, /expected a JSON object with "config"/],
    ['a string', 'config', /expected a JSON object with "config"/],
    ['an array', [spec], /expected a JSON object with "config"/],
    ['an array nested 100 000 deep', raw('['.repeat(100_000) + ']'.repeat(100_000)), /expected a JSON object with "config"/],
    ['a config that is a list', { config: [] }, /: config: expected an object/],
    ['a config that is a number', { config: 1 }, /: config: expected an object/],
    ['a typo in a top-level key', { confg: {} }, /: unknown key "confg"; expected one of config, variants, seed, rows, series/],
    ['variants that are an object', { variants: {} }, /: variants: expected a list/],
    ['a variant without input', { variants: [{ name: 'v' }] }, /: variants\[0\]: expected/],
    ['a variant with an empty name', { variants: [{ name: '', input: {} }] }, /: variants\[0\]: expected/],
    ['a variant with an extra key', { variants: [{ name: 'v', input: {}, policy: {} }] }, /: variants\[0\]: expected/],
    ['a variant named like the baseline', { variants: [{ name: 'today', input: {} }] }, /: variants\[0\]\.name: policy name "today" is used twice/],
    ['two variants with one name', { variants: [{ name: 'a', input: {} }, { name: 'a', input: {} }] }, /: variants\[1\]\.name: policy name "a" is used twice/],
    ['a seed that is an object', { seed: {} }, /: seed: expected a finite number or a string/],
    ['a seed of 1 001 characters', { seed: 's'.repeat(1001) }, /: seed: expected a finite number or a string of at most 1000 characters/],
    ['a seed of a million characters', { seed: 's'.repeat(1_000_000) }, /: seed: expected a finite number or a string of at most 1000 characters/],
    ['an infinite seed (1e999 in the file)', raw('{ "seed": 1e999 }'), /: seed: expected a finite number/],
    ['rows that is a string', { rows: 'yes' }, /: rows: expected true or false/],
    ['series that is null', { series: null }, /: series: expected true or false/],
    ['three problems at once', { config: 5, seed: [], rows: 1 }, /: (config|seed|rows): /, 3],
    ['huge numbers in the config', raw('{ "config": { "suppliers": { "initialCount": 1e308 }, "run": { "horizonYears": 1e999 } } }'), /: config\.(suppliers\.initialCount|run\.horizonYears): expected an integer/, 2],
  ];
  it.each(shapes)('%s', async (_, value, message, lines = 1) => {
    const isRaw = typeof value === 'object' && value !== null && 'raw' in value;
    const file = specFile(isRaw ? (value as { raw: string }).raw : JSON.stringify(value));
    expectRejected(await cli('run', '--spec', file, '--runs', '2', '--out', out), { match: message, lines });
  });

  it('generated wrong values for each top-level key (200)', async () => {
    const wrong = fc.oneof(
      fc.record({ variants: fc.jsonValue().filter((v) => v !== null && !Array.isArray(v)) }),
      fc.record({ variants: fc.array(fc.jsonValue().filter((v) => v !== null), { minLength: 1, maxLength: 3 }) }).filter((s) =>
        s.variants.some((v) => !(typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Record<string, unknown>)['name'] === 'string')),
      ),
      fc.record({ seed: fc.jsonValue().filter((v) => v !== null && typeof v !== 'number' && !(typeof v === 'string' && v.length <= 1000)) }),
      fc.record({ rows: fc.jsonValue().filter((v) => v !== null && typeof v !== 'boolean') }),
      fc.record({ config: fc.jsonValue().filter((v) => v !== null && (typeof v !== 'object' || Array.isArray(v))) }),
    );
    await fc.assert(
      fc.asyncProperty(wrong, async (w) => {
        const r = await cli('run', '--spec', specFile({ ...spec, ...w }), '--runs', '2', '--out', out);
        expectRejected(r, { lines: r.stderr.trimEnd().split('\n').length, match: /: (variants(\[\d+\])?|seed|rows|config): expected/ });
      }),
      { seed: 104, numRuns: 200 },
    );
  });

  // KNOWN CLI BUG (src/cli/main.ts, toSpec; src/experiment/shard.ts, decodeExperiment): an unknown
  // top-level key and a variant's name are echoed whole, so a 100 000-character key or name makes a
  // 100 000-character error line. Still one line, exit 2 and nothing written.
  it('a 100 000-character unknown key or variant name: one short line, exit 2, nothing written', async () => {
    const key = specFile({ ...spec, ['k'.repeat(100_000)]: 1 });
    expectRejected(await cli('run', '--spec', key, '--runs', '2', '--out', out), { match: /: unknown key "k{40}…"/, maxLineLength: 300 });
    const name = specFile({ ...spec, variants: [{ name: 'v'.repeat(100_000), input: { policy: { priceWeight: 2 } } }] });
    expectRejected(await cli('run', '--spec', name, '--runs', '2', '--out', out), { match: /: variants\[0\]\.name: expected a policy name of 1 to 80 characters/, maxLineLength: 300 });
  });
});

describe('bad flags', () => {
  const counts = ['0', '-1', '1.5', '1e3', '3e0', 'abc', '', ' 3', '3 ', '+3', '0x10', 'Infinity', 'NaN', '100000001', '99999999999999999999', '٣', '1_000', '2,5'];
  it.each(counts)('--runs=%j', async (value) => {
    expectRejected(await cli('run', '--spec', validSpec, `--runs=${value}`, '--out', out), { match: /^error: (--runs expects an integer in \[1, 100000000\]|missing --runs)/ });
  });

  const shardFlags: Array<[string, string[], RegExp]> = [
    ['a negative --from', ['--from=-1', '--to', '3'], /--from expects an integer/],
    ['--to 0', ['--from', '0', '--to', '0'], /--to expects an integer/],
    ['an empty range', ['--from', '5', '--to', '5'], /--to \(5\) must be greater than --from \(5\)/],
    ['a reversed range', ['--from', '10', '--to', '3'], /--to \(3\) must be greater than --from \(10\)/],
    ['--to beyond MAX_RUNS', ['--from', '0', '--to', '100000001'], /--to expects an integer in \[1, 100000000\]/],
    ['a huge --from', ['--from', '1'.repeat(40), '--to', '2'], /--from expects an integer/],
    ['a value taken for a flag', ['--from', '--to', '3'], /--from/],
    ['--workers 0', ['--from', '0', '--to', '2', '--workers', '0'], new RegExp(`--workers expects an integer in \\[1, ${maxWorkerCount()}\\] \\(`)],
    ['--workers beyond 4 per core', ['--from', '0', '--to', '2', '--workers', String(maxWorkerCount() + 1)], new RegExp(`--workers expects an integer in \\[1, ${maxWorkerCount()}\\] \\(.*\\), got "${maxWorkerCount() + 1}"`)],
    ['--workers 1000', ['--from', '0', '--to', '2', '--workers', '1000'], /--workers expects an integer in \[1, \d+\] \((4 per core of this machine's \d+ cores?|at most 512 on any machine)\), got "1000"$/],
    ['--workers many', ['--from', '0', '--to', '2', '--workers', 'many'], /--workers expects an integer/],
    ['an unknown flag', ['--from', '0', '--to', '2', '--unknown'], /Unknown option '--unknown'/],
    ['a stray positional', ['--from', '0', '--to', '2', 'extra'], /Unexpected argument 'extra'/],
  ];
  it.each(shardFlags)('shard: %s', async (_, flags, message) => {
    expectRejected(await cli('shard', '--spec', validSpec, '--out', out, ...flags), { match: message });
  });

  it('200 generated values of --runs, --from, --to and --workers that are not allowed', async () => {
    const allowed = (v: string, min: number, max: number) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max;
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -1e9, max: 0 }).map(String),
      fc.double({ noNaN: false }).map(String),
      fc.bigInt({ min: 10n ** 8n + 1n, max: 10n ** 400n }).map(String),
    );
    const flag = fc.constantFrom('runs', 'from', 'to', 'workers');
    await fc.assert(
      fc.asyncProperty(flag, text, async (name, value) => {
        const limits = { runs: [1, 1e8], from: [0, 1e8 - 1], to: [1, 1e8], workers: [1, maxWorkerCount()] }[name] as [number, number];
        fc.pre(!allowed(value, ...limits));
        const r =
          name === 'runs' || name === 'workers'
            ? await cli('run', '--spec', validSpec, '--runs', name === 'runs' ? '2' : '1', `--${name}=${value}`, '--out', out)
            : await cli('shard', '--spec', validSpec, '--from', '0', '--to', '2', `--${name}=${value}`, '--out', out);
        // A huge number is quoted back whole (KNOWN CLI BUG, minor): allow up to 500 characters.
        expectRejected(r, { match: new RegExp(`^error: (--${name} expects an integer|missing --${name})`), maxLineLength: 500 });
      }),
      { seed: 105, numRuns: 200 },
    );
  });
});

describe('missing and unreadable files', () => {
  it('a spec that does not exist, is a directory, or is named by an empty flag', async () => {
    expectRejected(await cli('run', '--spec', at('nope.json'), '--runs', '2', '--out', out), { match: /^error: cannot read spec .*nope\.json: ENOENT/ });
    expectRejected(await cli('run', '--spec', dir, '--runs', '2', '--out', out), { match: /^error: cannot read spec .*: EISDIR/ });
    expectRejected(await cli('run', '--spec', '', '--runs', '2', '--out', out), { match: /^error: missing --spec/ });
    expectRejected(await cli('run', '--spec', join(dir, 'no', 'dir', 'spec.json'), '--runs', '2', '--out', out), { match: /ENOENT/ });
  });

  it('an output in a missing directory, or that is a directory', async () => {
    expectRejected(await cli('run', '--spec', validSpec, '--runs', '2', '--out', join(dir, 'no', 'such', 'result.json')), { match: /cannot write --out .*does not exist/ });
    expectRejected(await cli('run', '--spec', validSpec, '--runs', '2', '--out', outDir), { match: /cannot write --out .*: it is a directory/ });
    expectRejected(await cli('merge', '--state', outDir, validShard), { match: /cannot write --state .*: it is a directory/ });
  });

  it('merge: a shard that does not exist, a directory, or none at all', async () => {
    expectRejected(await cli('merge', '--out', out, at('missing-shard.json')), { match: /^error: cannot read shard .*missing-shard\.json: ENOENT/ });
    expectRejected(await cli('merge', '--out', out, dir), { match: /^error: cannot read shard .*: EISDIR/ });
    expectRejected(await cli('merge', '--out', out), { match: /no shard files to merge/ });
    expectRejected(await cli('merge', validShard), { match: /missing --out/ });
  });
});

describe('damaged shard states', () => {
  const damaged = (edit: (s: Record<string, unknown>) => void): string => {
    const state = JSON.parse(readFileSync(validShard, 'utf8')) as Record<string, unknown>;
    edit(state);
    return specFile(state);
  };
  const cases: Array<[string, (s: Record<string, unknown>) => void, RegExp]> = [
    ['another kind', (s) => (s['kind'] = 'framework-agreement-sim/result'), /not a shard state/],
    ['another version', (s) => (s['version'] = 4), /shard state version 4 is not supported/],
    ['result format 1 (32-bit seed hashes)', (s) => (s['version'] = 1), /shard state version 1 is not supported \(expected 3: its numbers were computed otherwise\); rerun the shard/],
    ['a version that is a long string', (s) => (s['version'] = 'x'.repeat(100)), /shard state version "x{39}… is not supported/],
    ['negative ranges', (s) => (s['ranges'] = [[-1, 2]]), /a damaged shard state/],
    ['reversed ranges', (s) => (s['ranges'] = [[2, 1]]), /a damaged shard state/],
    ['fractional ranges', (s) => (s['ranges'] = [[0, 1.5]]), /a damaged shard state/],
    ['ranges beyond safe integers', (s) => (s['ranges'] = [[0, 1e300]]), /a damaged shard state/],
    ['ranges that are a string', (s) => (s['ranges'] = 'x'), /a damaged shard state/],
    ['overlapping ranges', (s) => (s['ranges'] = [[0, 2], [1, 3]]), /a damaged shard state \(its ranges overlap or are out of order at 1\)/],
    ['ranges out of order', (s) => (s['ranges'] = [[5, 6], [0, 1]]), /a damaged shard state \(its ranges overlap or are out of order at 0\)/],
    ['ranges claiming more than the totals hold', (s) => (s['ranges'] = [[0, 1e15]]), /a damaged shard state \(.*counts 2 runs where its ranges cover 1000000000000000\)/],
    ['a quantile sketch that does not add up', (s) => (((s['policies'] as Array<Record<string, Record<string, Record<string, Record<string, unknown>>>>>)[0]!['outcomes']!['hhi']!['sketch']!['zeros'] = 99)), /its quantile sketch does not add up/],
    ['no spec', (s) => delete s['spec'], /a damaged shard state/],
    ['a spec with a bad config', (s) => ((s['spec'] as Record<string, unknown>)['config'] = { policy: { priceWeight: 3 } }), /\(spec\): config\.policy\.priceWeight: expected a number in \[0, 1\]/],
    ['policies that do not match the spec', (s) => (s['policies'] = []), /its policies do not match its spec/],
    ['an outcome missing (another version)', (s) => delete ((s['policies'] as Array<Record<string, Record<string, unknown>>>)[0]!['outcomes']!['hhi']), /written by another version/],
    ['rows that are not a list', (s) => (s['rows'] = {}), /a damaged shard state/],
  ];
  it.each(cases)('%s', async (_, edit, message) => {
    expectRejected(await cli('merge', '--out', out, damaged(edit)), { match: message });
  });

  it('outcome totals of the wrong shape: one line, exit 2, nothing written', async () => {
    const file = damaged((s) => ((s['policies'] as Array<Record<string, Record<string, unknown>>>)[0]!['outcomes']!['hhi'] = 'junk'));
    expectRejected(await cli('merge', '--out', out, file), { match: /a damaged shard state \(policy "today", outcome hhi: not an object\)/ });
  });
});
