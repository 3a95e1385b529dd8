/**
 * What every CLI command shares: the streams it writes to, its exit codes, user errors, flag
 * parsing and reading and writing files. Commands live in their own files and throw
 * {@link UsageError} for the user's mistakes; `main` prints them and exits with 2.
 * @packageDocumentation
 */
import { access, constants, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomically } from '../node/atomicWrite.js';

/**
 * Where the CLI writes and what can stop it; `main` uses the process's streams by default.
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, signal: AbortSignal.timeout(60_000) };
 */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean | undefined };
  /** Aborting it stops the running command (the bin aborts on SIGINT and SIGTERM). */
  readonly signal?: AbortSignal | undefined;
  /** How progress is shown (`--progress`; default `auto`): see `ProgressMode`. */
  readonly progress?: ProgressMode | undefined;
  /** The clock progress reads (tests give their own); default `Date.now`. */
  readonly now?: (() => number) | undefined;
}

/**
 * How the CLI shows progress on stderr (`--progress <mode>`):
 * - `auto` (default): a bar redrawn in place when stderr is a terminal; otherwise (a log file, a
 *   pipe, a batch job) a plain line every {@link PROGRESS_LINE_INTERVAL_MS}.
 * - `json`: one JSON object a line, at most once a second and at the end, for notebooks and
 *   scripts: `{"progress":"replications","done":40,"total":200,"elapsedMs":3012,"remainingMs":11870}`.
 * - `none`: nothing.
 */
export type ProgressMode = 'auto' | 'json' | 'none';

/** Every progress mode, in the order the help lists them. */
export const PROGRESS_MODES: readonly ProgressMode[] = ['auto', 'json', 'none'];

/** How often `auto` prints a plain progress line when stderr is not a terminal. */
export const PROGRESS_LINE_INTERVAL_MS = 10_000;

/**
 * Exit codes of the CLI: 0 done, 1 a failing replication or an unexpected error, 2 a user error
 * (bad flag, unreadable or invalid file, bad config), 130 interrupted.
 * @example
 * if ((await main(argv)) === EXIT.usage) console.error('see --help');
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

/**
 * A mistake of the user's: each line is printed as `error: <line>` and the exit code is 2.
 * @example
 * throw new UsageError(`missing --out (see --help)`);
 */
export class UsageError extends Error {
  readonly lines: readonly string[];
  constructor(lines: string | readonly string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.name = 'UsageError';
    this.lines = all.map(oneLine);
  }
}

/**
 * `text` on one line: line breaks and the spaces around them become one space.
 * @example
 * oneLine('a\n  b'); // 'a b'
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * `text` cut to `max` characters with an ellipsis, so a pasted blob quoted in an error stays short.
 * @example
 * clip('a'.repeat(50)); // 'aaaa…' (40 a's, then …)
 */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * The message of anything thrown, on one line.
 * @example
 * messageOf(new Error('no such file')); // 'no such file'
 */
export function messageOf(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error));
}

// ---------------------------------------------------------------------------------------------
// Arguments

/**
 * The options a command accepts, as `node:util` parseArgs takes them (`--help` is always added).
 * @example
 * const options: OptionSpec = { out: { type: 'string' } };
 */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Flags and positional arguments of a command line. */
export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

/**
 * Parses a command's arguments strictly; an unknown or malformed flag is a {@link UsageError}.
 * @example
 * const { values, positionals } = parse(['a.json', '--out', 'b.html'], { out: { type: 'string' } }, true);
 */
export function parse(args: readonly string[], options: OptionSpec, positionals: boolean): Parsed {
  try {
    const parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: positionals });
    return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(`${messageOf(error)} (see --help)`);
  }
}

/**
 * The value of a string flag that must be given and non-empty.
 * @example
 * const out = required(values, 'out'); // throws "missing --out (see --help)" if absent
 */
export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${name} (see --help)`);
  return value;
}

/**
 * A flag's text as an integer in [min, max], or a {@link UsageError} that shows the text.
 * @example
 * integerFlag('1000', 'runs', 1, 1e6); // 1000
 */
export function integerFlag(text: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} expects an integer in [${min}, ${max}], got ${JSON.stringify(clip(text))}`);
  }
  return Number(text);
}

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Reads and parses a JSON file; an unreadable file or bad JSON is a {@link UsageError} naming it.
 * `what` says what the file is meant to be, for the message ("spec", "shard", ...).
 * @example
 * const value = await readJson('spec.json', 'spec');
 */
export async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${messageOf(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${messageOf(error)}`);
  }
}

/**
 * Fails early, before any work, if `file` cannot be written (its directory is missing or not
 * writable, or it is a directory). `flag` names the option that gave it, for the message.
 * @example
 * await checkWritable('result.json', 'out');
 */
export async function checkWritable(file: string, flag: string): Promise<void> {
  const dir = dirname(resolve(file));
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write --${flag} ${file}: the directory ${dir} does not exist or is not writable`);
  }
  const existing = await stat(file).catch(() => null);
  if (existing?.isDirectory() === true) throw new UsageError(`cannot write --${flag} ${file}: it is a directory`);
}

/**
 * What makes two paths the same file: for an existing file its device and inode (so a symlink, a
 * hard link or another spelling of the path is recognised), for one that does not exist yet its
 * absolute path with the symlinks of its directory resolved. Equal texts, same file.
 * @example
 * (await fileIdentity('a.json')) === (await fileIdentity('./link-to-a.json')); // true
 */
export async function fileIdentity(file: string): Promise<string> {
  const existing = await stat(file, { bigint: true }).catch(() => null);
  if (existing !== null) return `inode ${existing.dev}:${existing.ino}`;
  const dir = dirname(resolve(file));
  const real = await realpath(dir).catch(() => dir);
  return `path ${join(real, basename(file))}`;
}

/**
 * True when two paths name the same file (see {@link checkNotInput}), whether or not it exists yet.
 * @example
 * await sameFile('out/result.json', './out/../out/result.json'); // true
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  return (await fileIdentity(a)) === (await fileIdentity(b));
}

/**
 * A file a command reads, for {@link checkNotInput}: its path and what it is ("spec", "shard", ...).
 * @example
 * const input: InputFile = { file: 'spec.json', what: 'the spec' };
 */
export interface InputFile {
  readonly file: string;
  readonly what: string;
}

/**
 * Fails before any work if the output `file` (given by `--flag`) is one of the command's inputs,
 * which writing it would destroy: the same path, another spelling of it, a symlink to it or a hard
 * link of it. The message names both.
 * @example
 * await checkNotInput('spec.json', 'out', [{ file: 'spec.json', what: 'the spec' }]);
 * // UsageError: --out spec.json is the spec (spec.json); writing it would destroy an input: choose another --out
 */
export async function checkNotInput(file: string, flag: string, inputs: readonly InputFile[]): Promise<void> {
  const out = await fileIdentity(file);
  for (const input of inputs) {
    if ((await fileIdentity(input.file)) === out) {
      throw new UsageError(`--${flag} ${file} is ${input.what} (${input.file}); writing it would destroy an input: choose another --${flag}`);
    }
  }
}

/**
 * Writes `text` to `file` atomically (see {@link writeFileAtomically}); a failure is a
 * {@link UsageError} naming the file.
 * @example
 * await writeAtomically('result.json', `${JSON.stringify(result)}\n`);
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomically(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${messageOf(error)}`);
  }
}

/**
 * A reader of a command's string flags: the value, undefined when not given, and a usage error
 * for an empty value (`--seed ''`) that points to the command's help.
 * @example const text = flagText(values, 'explain --help'); const seed = text('seed');
 */
export function flagText(values: Record<string, unknown>, help: string): (name: string) => string | undefined {
  return (name) => {
    const value = values[name];
    if (value === '') throw new UsageError(`--${name} expects a value (see ${help})`);
    return typeof value === 'string' ? value : undefined;
  };
}

/**
 * Writes a command's output to `out` (atomically, with the summary line on stderr) or to stdout,
 * where a machine-readable output (`quietSummary`: JSON or CSV) keeps the summary line on stderr so
 * that stdout stays parseable.
 */
export async function emitOutput(io: CliIo, out: string | undefined, output: string, summary: string, quietSummary: boolean): Promise<void> {
  if (out !== undefined) {
    await writeAtomically(out, output);
    io.stderr.write(`wrote ${out}: ${summary}\n`);
  } else {
    io.stdout.write(output);
    if (quietSummary) io.stderr.write(`${summary}\n`);
  }
}

