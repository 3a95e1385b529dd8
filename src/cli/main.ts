#!/usr/bin/env node
/**
 * The `framework-agreement-sim` command: run the chapter-5 comparison (the default), run an
 * experiment, or a shard of it, on every core of this machine, and merge shards run anywhere
 * into the result of one big run.
 *
 *   framework-agreement-sim [chapter5] [--runs N] [--policies a,b] [--config c.json] [--json | --csv]
 *   framework-agreement-sim shard --spec spec.json --from 0 --to 1000 --out shard-0.json [--workers N]
 *   framework-agreement-sim merge --out result.json shard-*.json [--state merged.json]
 *   framework-agreement-sim run   --spec spec.json --runs 1000 --out result.json [--workers N]
 *   framework-agreement-sim report result.json --out report.html
 *
 * Outputs are written atomically (a temporary file in the same directory, then a rename), so a
 * crash or a cancelled job never leaves a half-written file. User errors print `error: ...` lines
 * and exit with code 2; a failing replication or an unexpected error exits with code 1; an
 * interrupt (SIGINT, SIGTERM) exits with code 130.
 * @packageDocumentation
 */
import { shardStateProblem } from '../experiment/validate.js';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReplicationError } from '../experiment/errors.js';
import { finaliseExperiment, RESULT_FORMAT_VERSION } from '../experiment/result.js';
import { MAX_RUNS, runExperiment, tooManyRows } from '../experiment/run.js';
import { decodeExperiment, mergeShardInto, sortRows, type ShardState } from '../experiment/shard.js';
import type { ExperimentSpec, PolicyVariant } from '../experiment/spec.js';
import { isPlainObject } from '../model/codecs.js';
import { ConfigError } from '../model/decode.js';
import { OUTCOME_METRICS, SERIES_METRICS } from '../model/metrics.js';
import { WorkerCrashError } from '../node/pool.js';
import { LIBRARY_VERSION } from '../version.js';
import { chapter5Command } from './chapter5.js';
import { explainCommand } from './explain.js';
import { profileCommand } from './profile.js';
import { reportCommand } from './report.js';
import { checkNotInput, checkWritable, clip, EXIT, PROGRESS_MODES, type ProgressMode, fileIdentity, integerFlag, messageOf, oneLine, parse, readJson, required, sameFile, UsageError, writeAtomically, type CliIo } from './io.js';
import { integrityProblem, shardFileText } from './shardFile.js';
import { countReplications, executorFor, seconds, withProgress, workersFlag } from './progress.js';

export { EXIT, type CliIo } from './io.js';

const USAGE = `Usage: framework-agreement-sim [command] [options]   (no command: chapter5)

Commands:
  chapter5 [--runs <N>] [--seed <S>] [--horizon <years>] [--policies <a,b,...>] [--config <file.json>]
           [--json | --csv] [--out <file>] [--workers <N>]
        The default command: every chapter-5 policy against today's policy on paired runs, as one
        table with a short text on what moved. "chapter5 --help" explains the options.
  explain --policy <name> [--runs <N>] [--seed <S>] [--metrics <a,b,...>] [--config <file.json>] [--json] [--out <file>]
        Which mechanisms carry a named policy's effect: each switched off in a paired run.
        "explain --help" lists the mechanisms and options.
  profile [--runs <N>] [--seed <S>] [--config <file.json>] [--json] [--out <file>]
        The make-up of the markets a comparison starts from: suppliers by size, dependence on the
        buyer and ownership, and the share too small for the buyer's lots.
  shard --spec <spec.json> --from <A> --to <B> --out <shard.json> [--workers <N>]
        Run replications A..B-1 of the experiment in spec.json and write their shard state.
  merge (--out <result.json> | --state <merged.json>) [--partial] <shard.json>...
        Merge shard states (in any order) into the experiment's result, or into one state.
        Refuses a set that leaves replications out (0..runs-1 when the spec states "runs"),
        naming them, unless --partial asks for a result of the replications covered.
  run   --spec <spec.json> [--runs <N>] --out <result.json> [--workers <N>]
        Run replications 0..N-1 and write the result (N defaults to the spec's "runs").
  report <result.json> --out <report.html | report.svg> [--title <text>]
        Chart an experiment result: one self-contained web page, or one SVG with the charts stacked.

Every command takes --progress <auto|json|none>: auto (the default) draws a bar when stderr is a
terminal and prints a plain line every 10 s otherwise; json writes one JSON object a line (at most
once a second) for notebooks and scripts; none prints nothing.

spec.json is an ExperimentSpec: { "config": {...}, "variants": [{ "name": "...", "input": {...} }],
"seed": 1, "rows": false, "series": false, "runs": 1000 } (variants default to [], seed to 1, rows
and series to true; "runs", the replications the experiment is meant to have, is optional but
lets shard and merge check every range against it). --workers defaults to the number of cores; 1 runs in the main thread.
The result of shards merged equals that of one run, byte for byte. See docs/cluster.md.
`;

// ---------------------------------------------------------------------------------------------
// Specs and shard states

const SPEC_KEYS = ['config', 'variants', 'seed', 'rows', 'series', 'runs'] as const;

/** Lines of a ConfigError from decoding a spec, with paths as they are in the spec file. */
function specIssues(error: ConfigError, file: string): string[] {
  return error.issues.map((i) => `${file}: ${i.path.startsWith('variants[') ? i.path : `config.${i.path}`}: ${i.message}`);
}

/**
 * Reads a spec file as an ExperimentSpec: checks its shape, fills the defaults (variants [],
 * seed 1, rows and series true) and decodes every config, so bad input fails before any work.
 */
function toSpec(value: unknown, file: string): { spec: ExperimentSpec; names: string[] } {
  if (!isPlainObject(value)) throw new UsageError(`${file}: expected a JSON object with "config" (and optionally "variants", "seed", "rows", "series")`);
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!(SPEC_KEYS as readonly string[]).includes(key)) {
      problems.push(`${file}: unknown key ${JSON.stringify(clip(key))}; expected one of ${SPEC_KEYS.join(', ')}`);
    }
  }
  // A key set to null is an error, not "not given": null is never a valid value here.
  const config = value['config'] === undefined ? {} : value['config'];
  if (!isPlainObject(config)) problems.push(`${file}: config: expected an object (a partial config)`);
  const variants = value['variants'] === undefined ? [] : value['variants'];
  if (!Array.isArray(variants)) {
    problems.push(`${file}: variants: expected a list of { "name": "...", "input": {...} }`);
  } else {
    variants.forEach((v: unknown, k) => {
      if (!isPlainObject(v) || typeof v['name'] !== 'string' || v['name'] === '' || !isPlainObject(v['input']) || Object.keys(v).some((key) => key !== 'name' && key !== 'input')) {
        problems.push(`${file}: variants[${k}]: expected { "name": "<non-empty>", "input": {...} }`);
      }
    });
  }
  const seed = value['seed'] === undefined ? 1 : value['seed'];
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || (typeof seed === 'string' && seed.length <= 1000))) {
    problems.push(`${file}: seed: expected a finite number or a string of at most 1000 characters`);
  }
  for (const key of ['rows', 'series'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'boolean') problems.push(`${file}: ${key}: expected true or false`);
  }
  const runs = value['runs'];
  if (runs !== undefined && !(typeof runs === 'number' && Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS)) {
    problems.push(`${file}: runs: expected an integer in [1, ${MAX_RUNS}] (the replications the experiment is meant to have), got ${clip(JSON.stringify(runs) ?? String(runs))}`);
  }
  if (problems.length > 0) throw new UsageError(problems);
  const spec: ExperimentSpec = {
    config: config as ExperimentSpec['config'],
    variants: variants as PolicyVariant[],
    seed: seed as ExperimentSpec['seed'],
    rows: (value['rows'] as boolean | undefined) ?? true,
    series: (value['series'] as boolean | undefined) ?? true,
    // Only when stated: a spec without it keeps its identity (and its shards their hashes).
    ...(runs !== undefined ? { runs: runs as number } : {}),
  };
  try {
    return { spec, names: [...decodeExperiment(spec).names] };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(specIssues(error, file));
    throw error;
  }
}

function isRange(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && Number.isSafeInteger(value[1]) && value[0] >= 0 && value[0] < value[1];
}

const SHARD_FILE_KEYS = ['kind', 'version', 'spec', 'ranges', 'policies', 'rows', 'inputRows', 'integrity'];

/**
 * Checks that a parsed file is a shard file this version wrote and nobody changed since: a shard
 * state (kind, version, keys) whose spec decodes, whose policies and totals are the ones its spec
 * gives (shardStateProblem: shapes, counts, ranges in order and disjoint, rows), and whose
 * integrity record names this version and matches its spec and content.
 */
function toShard(value: unknown, file: string): ShardState {
  if (!isPlainObject(value) || value['kind'] !== 'framework-agreement-sim/shard') {
    throw new UsageError(`${file}: not a shard state (written by "framework-agreement-sim shard" or "merge --state")`);
  }
  if (value['version'] !== RESULT_FORMAT_VERSION) {
    // Version 1 derived replication streams from 32-bit seed hashes: its numbers are not this version's.
    const shown = clip(JSON.stringify(value['version']) ?? 'none');
    throw new UsageError(`${file}: shard state version ${shown} is not supported (expected ${RESULT_FORMAT_VERSION}: its numbers were computed otherwise); rerun the shard with this version`);
  }
  const unknownKey = Object.keys(value).find((k) => !SHARD_FILE_KEYS.includes(k));
  if (unknownKey !== undefined) throw new UsageError(`${file}: a damaged shard state (unknown key ${JSON.stringify(clip(unknownKey))})`);
  const ranges = value['ranges'];
  if (!Array.isArray(ranges) || !ranges.every(isRange) || !isPlainObject(value['spec']) || !Array.isArray(value['policies']) || !Array.isArray(value['rows'])) {
    throw new UsageError(`${file}: a damaged shard state (ranges, spec, policies or rows missing or malformed)`);
  }
  const { names } = toSpec(value['spec'], `${file} (spec)`);
  const policies = value['policies'] as unknown[];
  if (policies.length !== names.length || !policies.every((p, k) => isPlainObject(p) && p['name'] === names[k] && isPlainObject(p['outcomes']))) {
    throw new UsageError(`${file}: a damaged shard state (its policies do not match its spec)`);
  }
  const sameKeys = (record: unknown, expected: object) => isPlainObject(record) && JSON.stringify(Object.keys(record).sort()) === JSON.stringify(Object.keys(expected).sort());
  const current = policies.every((p) => {
    const policy = p as Record<string, unknown>;
    return sameKeys(policy['outcomes'], OUTCOME_METRICS) && (policy['series'] === null || sameKeys(policy['series'], SERIES_METRICS));
  });
  if (!current) {
    throw new UsageError(`${file}: written by another version of framework-agreement-sim (its metrics differ from this version's); rerun the shard with this version`);
  }
  const problem = shardStateProblem(value as unknown as ShardState);
  if (problem !== null) throw new UsageError(`${file}: a damaged shard state (${problem})`);
  const integrity = integrityProblem(value, version());
  if (integrity !== null) throw new UsageError(`${file}: ${integrity}`);
  const { integrity: _record, ...state } = value;
  return state as unknown as ShardState;
}

/** The replications of 0..planned-1 (or, with no plan, of 0..the last one covered) that `ranges` leave out. */
function missingRanges(ranges: ReadonlyArray<readonly [number, number]>, planned: number | undefined): Array<[number, number]> {
  const missing: Array<[number, number]> = [];
  let next = 0;
  for (const [from, to] of ranges) {
    if (from > next) missing.push([next, from]);
    next = to;
  }
  if (planned !== undefined && next < planned) missing.push([next, planned]);
  return missing;
}

function describeRanges(ranges: ReadonlyArray<readonly [number, number]>): string {
  const text = ranges.slice(0, 5).map(([a, b]) => (b - a === 1 ? `${a}` : `${a}..${b - 1}`));
  return text.join(', ') + (ranges.length > 5 ? ` and ${ranges.length - 5} more` : '');
}

/** The first top-level key of two specs that differs, for a readable message. */
function firstDifference(a: ExperimentSpec, b: ExperimentSpec): string {
  return SPEC_KEYS.find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? 'spec';
}

// ---------------------------------------------------------------------------------------------
// Commands

/**
 * The part shared by `shard` and `run`: the spec file (read and decoded, so a bad config fails
 * before any work), the worker count and the output file (checked writable up front).
 */
async function specJob(values: Record<string, unknown>): Promise<{ spec: ExperimentSpec; out: string; workers: number }> {
  const specFile = required(values, 'spec');
  const out = required(values, 'out');
  const workers = workersFlag(values);
  const { spec } = toSpec(await readJson(specFile, 'spec'), specFile);
  await checkWritable(out, 'out');
  await checkNotInput(out, 'out', [{ file: specFile, what: 'the spec' }]);
  return { spec, out, workers };
}

async function shardCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { spec: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' } }, false);
  if (values['help'] === true) return help(io);
  required(values, 'spec'); // asked for first, as the usage line lists it
  const from = integerFlag(required(values, 'from'), 'from', 0, MAX_RUNS - 1);
  const to = integerFlag(required(values, 'to'), 'to', 1, MAX_RUNS);
  if (to <= from) throw new UsageError(`--to (${to}) must be greater than --from (${from}); the shard runs replications from..to-1`);
  const { spec, out, workers } = await specJob(values);
  if (spec.runs !== undefined && to > spec.runs) {
    throw new UsageError(`--to ${to} goes beyond the spec's runs (${spec.runs}): the experiment has replications 0..${spec.runs - 1}`);
  }
  const rows = spec.rows ? tooManyRows(to - from, spec.variants.length + 1) : null;
  if (rows !== null) throw new UsageError(`--from ${from} --to ${to}: ${rows}; set "rows": false in the spec, or shard fewer replications`);

  const started = Date.now();
  const state = await withProgress(io, 'replications', (update) =>
    executorFor(workers).run(spec, from, to, { signal: io.signal, onReplication: countReplications(to - from, update) }),
  );
  await writeAtomically(out, shardFileText(state, version()));
  io.stderr.write(`wrote ${out}: replications ${from}..${to - 1} (${to - from}) in ${seconds(Date.now() - started)}\n`);
  return EXIT.ok;
}

async function mergeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' }, state: { type: 'string' }, partial: { type: 'boolean' } }, true);
  if (values['help'] === true) return help(io);
  const out = typeof values['out'] === 'string' && values['out'] !== '' ? values['out'] : null;
  const stateOut = typeof values['state'] === 'string' && values['state'] !== '' ? values['state'] : null;
  if (out === null && stateOut === null) throw new UsageError('missing --out (the result) or --state (the merged shard state) (see --help)');
  if (positionals.length === 0) throw new UsageError('no shard files to merge: give them after the options (see --help)');
  if (out !== null) await checkWritable(out, 'out');
  if (stateOut !== null) await checkWritable(stateOut, 'state');
  if (out !== null && stateOut !== null && (await sameFile(out, stateOut))) {
    throw new UsageError(`--out and --state both name ${out}; the result and the merged state need a file each`);
  }
  const shards = positionals.map((file) => ({ file, what: 'a shard to merge' }));
  if (out !== null) await checkNotInput(out, 'out', shards);
  if (stateOut !== null) await checkNotInput(stateOut, 'state', shards);

  // Shards are merged one at a time, so memory holds two states, not all of them.
  const seen = new Set<string>();
  const covered: Array<{ from: number; to: number; file: string }> = [];
  const started = Date.now();
  const state = await withProgress(io, 'shards merged', async (update) => {
    let merged: ShardState | null = null;
    for (const [k, file] of positionals.entries()) {
      if (k > 0) update({ done: k, total: positionals.length, elapsedMs: Date.now() - started, remainingMs: null });
      const key = await fileIdentity(file);
      if (seen.has(key)) throw new UsageError(`${file} is listed twice; its replications would be counted twice`);
      seen.add(key);
      const shard = toShard(await readJson(file, 'shard'), file);
      if (merged !== null && JSON.stringify(shard.spec) !== JSON.stringify(merged.spec)) {
        const key = firstDifference(merged.spec, shard.spec);
        throw new UsageError(`${file} and ${positionals[0]} are shards of different experiments (their specs differ in "${key}"); only shards of one spec can be merged`);
      }
      for (const [from, to] of shard.ranges) {
        const clash = covered.find((c) => from < c.to && c.from < to);
        if (clash !== undefined) {
          const a = Math.max(from, clash.from);
          const b = Math.min(to, clash.to);
          throw new UsageError(`${file} and ${clash.file} both cover replications ${a}..${b - 1}; overlapping shards would count them twice`);
        }
        covered.push({ from, to, file });
      }
      const runs = covered.reduce((a, c) => a + c.to - c.from, 0);
      const rows = shard.spec.rows ? tooManyRows(runs, shard.policies.length) : null;
      if (rows !== null) throw new UsageError(`${file}: merged with the shards before it, ${rows}; merge fewer shards at a time, or rerun them with "rows": false`);
      // Into one running state, in place: mergeShards would copy everything merged so far for
      // every file (and sort its rows each time); the rows are sorted once, below.
      try {
        if (merged === null) merged = shard;
        else mergeShardInto(merged, shard);
      } catch (error) {
        throw new UsageError(`${file}: cannot be merged: ${messageOf(error)}`);
      }
    }
    sortRows(merged!);
    return merged!;
  });
  const runs = state.ranges.reduce((a, [from, to]) => a + to - from, 0);
  const planned = state.spec.runs;
  const missing = missingRanges(state.ranges, planned);
  if (missing.length > 0) {
    const count = missing.reduce((a, [from, to]) => a + to - from, 0);
    const of = planned !== undefined ? `the spec's ${planned}` : `0..${state.ranges.at(-1)![1] - 1}`;
    const what = `no shard covers replications ${describeRanges(missing)} (${count} of ${of})`;
    if (values['partial'] !== true) {
      const [a, b] = missing[0]!;
      throw new UsageError(`incomplete: ${what}; run them (shard --from ${a} --to ${b}${missing.length > 1 ? ', and the rest' : ''}) and merge again, or pass --partial for a result of the ${runs} covered`);
    }
    io.stderr.write(`warning: --partial: ${what}; the result is of the ${runs} replications covered\n`);
  }
  if (planned === undefined) {
    io.stderr.write(`note: the spec states no "runs", so shards missing after replication ${state.ranges.at(-1)![1] - 1} cannot be noticed; add "runs" to the spec to have them checked\n`);
  }
  if (stateOut !== null) await writeAtomically(stateOut, shardFileText(state, version()));
  if (out !== null) await writeAtomically(out, `${JSON.stringify(finaliseExperiment(state), null, 2)}\n`);
  const written = [out, stateOut].filter((f) => f !== null).join(' and ');
  io.stderr.write(`wrote ${written}: ${positionals.length} shard(s), ${runs} replications (${describeRanges(state.ranges)})\n`);
  return EXIT.ok;
}

async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { spec: { type: 'string' }, runs: { type: 'string' }, out: { type: 'string' }, workers: { type: 'string' } }, false);
  if (values['help'] === true) return help(io);
  required(values, 'spec'); // asked for first, as the usage line lists it
  const given = typeof values['runs'] === 'string' ? integerFlag(values['runs'], 'runs', 1, MAX_RUNS) : null;
  const { spec, out, workers } = await specJob(values);
  if (given === null && spec.runs === undefined) throw new UsageError('missing --runs (or "runs" in the spec) (see --help)');
  if (given !== null && spec.runs !== undefined && given !== spec.runs) {
    throw new UsageError(`--runs ${given} differs from the spec's runs (${spec.runs}); leave --runs out, or change the spec`);
  }
  const runs = given ?? spec.runs!;

  const started = Date.now();
  const result = await withProgress(io, 'replications', (onProgress) => runExperiment(spec, { runs, executor: executorFor(workers), signal: io.signal, onProgress }));
  await writeAtomically(out, `${JSON.stringify(result, null, 2)}\n`);
  io.stderr.write(`wrote ${out}: ${runs} replications in ${seconds(Date.now() - started)}\n`);
  return EXIT.ok;
}

function help(io: CliIo): number {
  io.stdout.write(USAGE);
  return EXIT.ok;
}

function version(): string {
  return LIBRARY_VERSION;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Prints an error the way the CLI does and returns the exit code. */
function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    for (const line of error.lines) io.stderr.write(`error: ${line}\n`);
    return EXIT.usage;
  }
  if (error instanceof ConfigError) {
    for (const i of error.issues) io.stderr.write(`error: ${oneLine(`${i.path}: ${i.message}`)}\n`);
    return EXIT.usage;
  }
  if (isAbort(error) || (io.signal?.aborted === true && error === io.signal.reason)) {
    io.stderr.write('error: interrupted; no output was written\n');
    return EXIT.interrupted;
  }
  if (error instanceof ReplicationError || error instanceof WorkerCrashError) {
    io.stderr.write(`error: ${messageOf(error)} (rerun it alone with simulate(config, seed) to investigate; no output was written)\n`);
    return EXIT.failure;
  }
  io.stderr.write(`error: unexpected: ${messageOf(error)}\n`);
  if (error instanceof Error && error.stack !== undefined) io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}

/**
 * Runs the CLI with the given arguments (without `node` and the script) and resolves to the exit
 * code; never rejects. User errors print `error: ...` lines on stderr and give 2.
 * @example
 * const code = await main(['run', '--spec', 'spec.json', '--runs', '100', '--out', 'result.json']);
 * process.exitCode = code;
 */
export async function main(argv: readonly string[], cliIo: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let io = cliIo;
  try {
    const { mode, args } = progressFlag(argv);
    if (mode !== null) io = { ...cliIo, progress: mode };
    return await dispatch(args, io);
  } catch (error) {
    return report(error, io);
  }
}

/**
 * Takes the global `--progress <mode>` (or `--progress=<mode>`) out of the arguments, wherever it
 * stands, so every command accepts it without listing it.
 */
function progressFlag(argv: readonly string[]): { mode: ProgressMode | null; args: string[] } {
  const args: string[] = [];
  let mode: ProgressMode | null = null;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k]!;
    let value: string | undefined;
    if (arg === '--progress') value = argv[++k] ?? '';
    else if (arg.startsWith('--progress=')) value = arg.slice('--progress='.length);
    else {
      args.push(arg);
      continue;
    }
    if (!(PROGRESS_MODES as readonly string[]).includes(value)) {
      throw new UsageError(`--progress expects one of ${PROGRESS_MODES.join(', ')}, got ${JSON.stringify(clip(value))}`);
    }
    mode = value as ProgressMode;
  }
  return { mode, args };
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  {
    switch (command) {
      case 'shard':
        return await shardCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io);
      case 'run':
        return await runCommand(rest, io);
      case 'chapter5':
        return await chapter5Command(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'explain':
        return await explainCommand(rest, io);
      case 'profile':
        return await profileCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        return help(io);
      case '--version':
      case '-v':
        io.stdout.write(`${version()}\n`);
        return EXIT.ok;
      case undefined:
        return await chapter5Command([], io);
      default:
        // Options without a command are the default command's: `framework-agreement-sim --runs 50`.
        if (command.startsWith('-')) return await chapter5Command(argv, io);
        throw new UsageError(`unknown command "${command}"; expected chapter5, explain, profile, shard, merge, run or report (see --help)`);
    }
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  const controller = new AbortController();
  const stop = (): void => controller.abort(new DOMException('interrupted', 'AbortError'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal }).then((code) => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.exitCode = code;
  });
}
