/**
 * `framework-agreement-sim chapter5` (the default command): the chapter-5 comparison. Every named
 * policy (or a chosen few) against today's policy on paired runs of the built-in baseline (or a
 * config file over it), printed as one table with a short text saying what moved and how sure
 * the runs are; or the same as JSON or CSV.
 * @packageDocumentation
 */
import { finaliseExperiment, type ExperimentResult } from '../experiment/result.js';
import { checkRobustness, robustness, type RobustnessResult } from '../experiment/robustness.js';
import { MAX_RUNS } from '../experiment/run.js';
import { mergeShards } from '../experiment/shard.js';
import type { ExperimentSpec, PolicyVariant } from '../experiment/spec.js';
import { closestKey } from '../model/codecs.js';
import type { ConfigInput, DemandShock } from '../model/config.js';
import { demandShift, scenario } from '../scenarios/demandShift.js';
import { DEFAULT_WORLDS, WORLDS } from '../scenarios/worlds.js';
import { decodeConfig, mergeOver } from '../model/decode.js';
import { NAMED_POLICIES } from '../policies/chapter5.js';
import { narrative } from '../report/narrative.js';
import { comparisonTable, type ComparisonTable } from '../report/table.js';
import { tableCsv } from '../report/tableCsv.js';
import { formatTable } from '../report/tableText.js';
import { formatRobustnessSummary, formatRobustnessTable } from '../report/robustnessText.js';
import { checkNotInput, checkWritable, clip, emitOutput, EXIT, flagText, integerFlag, parse, readJson, UsageError, type CliIo } from './io.js';
import { countReplications, executorFor, seconds, withProgress, workersFlag } from './progress.js';

/**
 * Replications when `--runs` is not given: 160 paired runs of the 12 policies (today's and 11
 * others; one burn-in and 11 horizons each) take about 45 s on 2 idle workers and give intervals
 * narrow enough to sort clear changes from noise (12 % wider than 200 runs' would be); with the
 * robustness check after the table (about 16 s) the default command stays near a minute, as the
 * honest-answers issue asks (December 2026).
 */
export const DEFAULT_RUNS = 160;

/**
 * Paired runs in each world of the robustness check when `--world-runs` is not given. The check
 * reuses the first of these runs of the main comparison as its reference world, so the default
 * worlds (DEFAULT_WORLDS: 2 more) add 2 x 20 paired runs to the main 160; as a ranked cascade of
 * call-offs costs about 1.3 times as much to simulate as equal shares (its futile re-tenders are
 * bounded before any ranking), that is about a third more time. 20 runs find the larger effects and whether they turn, not small ones
 * (docs/experiments.md, section 19).
 */
export const DEFAULT_WORLD_RUNS = 20;

/** Master seed when `--seed` is not given. */
export const DEFAULT_SEED = 2026;

/** Width the text after the table is wrapped to. */
const TEXT_WIDTH = 100;

/** Help of the command. */
export const CHAPTER5_USAGE = `Usage: framework-agreement-sim [chapter5] [options]

Runs the chapter-5 proposals (and lower price weight, all of them at once, and outcome-based
payment) against today's policy on paired runs: in each run one market is burned in under today's
policy, and every policy continues from it with the same random numbers. Prints one table (per metric: each policy's value,
its change from today and the 95 % interval of that change; ✓ where the policy clearly beats
today) and a short text, generated from the numbers, on what moved and how sure the runs are.

Options:
  --runs <N>           paired runs (default ${DEFAULT_RUNS}; at least 2)
  --seed <S>           master seed, a number or a text (default ${DEFAULT_SEED}); the same seed gives the same numbers
  --horizon <years>    years simulated after the policy starts (default: the config's, 12)
  --policies <a,b,...> only these policies (default: all). Names:
                       ${NAMED_POLICIES.map((p) => p.name).join(', ')}
  --config <file.json> a partial config merged over the built-in baseline, e.g.
                       { "suppliers": { "initialCount": 300 }, "policy": { "priceWeight": 0.6 } };
                       its policy is today's, and each named policy changes it as it changes today's
  --demand-shift=<change>@<year>[:<measure type>]
                       a scenario event every policy meets: tendered demand changes by <change>
                       (-0.2 = 20 % lower) from <year> years after the policy starts, for one measure
                       type or all, e.g. --demand-shift=-0.2@4 or --demand-shift=-0.3@2:followUp
                       (write "=": a value that starts with "-" needs it); repeat for several
  --world-runs <N>     paired runs in each world of the robustness check (default ${DEFAULT_WORLD_RUNS}; 0 skips it).
                       After the table: each policy's verdict per outcome across a few worlds
                       (${DEFAULT_WORLDS.map((w) => w.name).join(', ')}): holds in all, depends on a setting,
                       or reverses
  --worlds             check all ${WORLDS.length} worlds (the other allocation rules, lots twice and half as large,
                       demand twice and half as volatile, a 30 % demand fall, entry half and twice as
                       frequent) and print the full per-world table too
  --json               print the table, the robustness check and the full experiment result as JSON
  --csv                print the table as tidy CSV (one line per metric and policy; no robustness check)
  --out <file>         write the output to this file instead of the terminal
  --workers <N>        worker threads (default: the number of cores; 1 runs in this thread)
  -h, --help           this help
`;

/** What `--json` prints: the table, its text, the experiment's full result and the robustness check. */
export interface Chapter5Json {
  readonly kind: 'framework-agreement-sim/chapter5';
  readonly table: ComparisonTable;
  readonly narrative: string;
  readonly result: ExperimentResult;
  /** Each policy's verdict across worlds, with every world's comparison; null with `--world-runs 0`. */
  readonly robustness: RobustnessResult | null;
}

const OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  horizon: { type: 'string' },
  policies: { type: 'string' },
  config: { type: 'string' },
  'demand-shift': { type: 'string', multiple: true },
  'world-runs': { type: 'string' },
  worlds: { type: 'boolean' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  out: { type: 'string' },
  workers: { type: 'string' },
} as const;

const POLICY_NAMES = NAMED_POLICIES.map((p) => p.name);

/** The policy a mistyped name probably meant: the closest by edit distance, or the only one containing it. */
function suggestPolicy(name: string): string | undefined {
  const containing = POLICY_NAMES.filter((p) => name.length >= 3 && p.toLowerCase().includes(name.toLowerCase()));
  return closestKey(name, POLICY_NAMES) ?? (containing.length === 1 ? containing[0] : undefined);
}

/**
 * The names in `--policies a,b,c`, checked: an unknown name is a one-line error that lists the
 * valid ones and suggests the closest.
 */
export function policiesFlag(text: string): string[] {
  const names = text.split(',').map((n) => n.trim());
  if (names.some((n) => n === '')) throw new UsageError(`--policies expects names separated by commas, got ${JSON.stringify(text)}; valid policies: ${POLICY_NAMES.join(', ')}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (!POLICY_NAMES.includes(name)) {
      const guess = suggestPolicy(name);
      throw new UsageError(`unknown policy ${JSON.stringify(clip(name))}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; valid policies: ${POLICY_NAMES.join(', ')}`);
    }
    if (seen.has(name)) throw new UsageError(`--policies lists "${name}" twice`);
    seen.add(name);
  }
  return names;
}

/** `--seed`: an integer text becomes a number (as in a spec file), anything else stays text. */
export function seedFlag(text: string): number | string {
  if (text === '' || text.length > 1000) throw new UsageError('--seed expects a number or a text of 1 to 1000 characters');
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

/**
 * The baseline's config input: the config file (checked with the config codecs, errors naming the
 * file and the path) with `--horizon` over it.
 */
export async function configFlag(file: string | undefined, horizon: number | undefined): Promise<ConfigInput> {
  let input: unknown = {};
  if (file !== undefined) {
    input = await readJson(file, 'config');
    const decoded = decodeConfig(input);
    if (decoded._tag === 'Left') throw new UsageError(decoded.left.map((i) => `${file}: ${i.path}: ${i.message}`));
  }
  if (horizon !== undefined) {
    input = mergeOver(input, { run: { horizonYears: horizon } });
    const decoded = decodeConfig(input);
    if (decoded._tag === 'Left') throw new UsageError(decoded.left.map((i) => `--horizon ${horizon}${file === undefined ? '' : ` with ${file}`}: ${i.path}: ${i.message}`));
  }
  return input as ConfigInput;
}

/**
 * `--demand-shift -0.2@4` or `-0.2@4:followUp`: a scripted demand shift (a scenario event),
 * checked for form here and for range and measure type by the config decoder.
 * @example demandShiftFlag('-0.2@4:followUp') // { fromYear: 4, change: -0.2, measureType: 'followUp' }
 */
export function demandShiftFlag(text: string): DemandShock {
  const m = /^\s*([-+]?\d*\.?\d+(?:e[-+]?\d+)?)\s*@\s*(\d*\.?\d+)\s*(?::\s*(\S+))?\s*$/i.exec(text);
  if (m === null) {
    throw new UsageError(`--demand-shift expects <change>@<year>[:<measure type>], such as --demand-shift=-0.2@4 or --demand-shift=-0.3@2:followUp; got ${JSON.stringify(text.slice(0, 60))}`);
  }
  return demandShift(Number(m[1]), Number(m[2]), m[3] ?? null);
}

/** The config with the `--demand-shift` events added to its own scripted shocks, checked by the decoder. */
function withDemandShifts(input: ConfigInput, shifts: readonly string[]): ConfigInput {
  if (shifts.length === 0) return input;
  const own = ((input as { market?: { shocks?: unknown } }).market?.shocks ?? []) as DemandShock[];
  const merged = mergeOver(input, scenario(...own, ...shifts.map(demandShiftFlag))) as ConfigInput;
  const decoded = decodeConfig(merged);
  if (decoded._tag === 'Left') throw new UsageError(decoded.left.map((i) => `--demand-shift: ${i.path}: ${i.message}`));
  return merged;
}

/** Each named policy as a variant: its changes over the baseline's policy, under its own name. */
function variantsOf(names: readonly string[]): PolicyVariant[] {
  return names.map((name) => {
    const policy = NAMED_POLICIES.find((p) => p.name === name)!;
    return { name, input: { policy: { ...policy.changes, name } } };
  });
}

/** Wraps each paragraph of `text` (blank-line separated) to `width` columns. */
function wrap(text: string, width: number): string {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.replace(/\s+/g, ' ').trim().split(' ')) {
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      return [...lines, line].join('\n');
    })
    .join('\n\n');
}

/**
 * Runs the command with its arguments (after `chapter5`, or all of them when it is the default)
 * and resolves to the exit code; user errors throw {@link UsageError}.
 * @example
 * const code = await chapter5Command(['--runs', '50', '--policies', 'riskSharing,smallerContracts'], io);
 */
export async function chapter5Command(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, OPTIONS, false);
  if (values['help'] === true) {
    io.stdout.write(CHAPTER5_USAGE);
    return EXIT.ok;
  }
  const text = flagText(values, '--help');
  if (values['json'] === true && values['csv'] === true) throw new UsageError('choose one of --json and --csv');
  const runsText = text('runs');
  const runs = runsText === undefined ? DEFAULT_RUNS : integerFlag(runsText, 'runs', 2, MAX_RUNS);
  const seedText = text('seed');
  const seed = seedText === undefined ? DEFAULT_SEED : seedFlag(seedText);
  const horizonText = text('horizon');
  const horizon = horizonText === undefined ? undefined : integerFlag(horizonText, 'horizon', 1, 100);
  const policiesText = text('policies');
  const names = policiesText === undefined ? POLICY_NAMES : policiesFlag(policiesText);
  const workers = workersFlag(values);
  const out = text('out');
  const shifts = values['demand-shift'];
  const configFile = text('config');
  const config = withDemandShifts(await configFlag(configFile, horizon), Array.isArray(shifts) ? (shifts as string[]) : []);
  if (out !== undefined) {
    await checkWritable(out, 'out');
    if (configFile !== undefined) await checkNotInput(out, 'out', [{ file: configFile, what: 'the config' }]);
  }

  const worldRunsText = text('world-runs');
  const worldRuns = values['csv'] === true ? 0 : worldRunsText === undefined ? DEFAULT_WORLD_RUNS : integerFlag(worldRunsText, 'world-runs', 0, MAX_RUNS);
  if (worldRuns === 1) throw new UsageError('--world-runs expects 0 (no robustness check) or at least 2 paired runs');
  if (values['worlds'] === true && worldRuns === 0) throw new UsageError(values['csv'] === true ? '--worlds has no place in --csv output; use --json' : '--worlds needs --world-runs of at least 2');
  const worlds = values['worlds'] === true ? WORLDS : DEFAULT_WORLDS;
  const variants = variantsOf(names);
  const executor = executorFor(workers);
  const robustnessOptions = { runs: worldRuns, seed, worlds, executor, signal: io.signal };
  if (worldRuns > 0) checkRobustness(config, variants, robustnessOptions); // a bad world fails before the main runs

  const spec: ExperimentSpec = { config, variants, seed, rows: false, series: false };
  const started = Date.now();
  // The first worldRuns runs are the robustness check's reference world (the worlds' first is the
  // base as given): run them as a range of their own and merge, which gives the same result byte
  // for byte as one range.
  const cut = worldRuns > 0 && worldRuns <= runs ? worldRuns : runs;
  const { result, reference } = await withProgress(io, 'paired runs', async (onProgress) => {
    const hooks = { signal: io.signal, onReplication: countReplications(runs, onProgress) };
    const first = await executor.run(spec, 0, cut, hooks);
    const rest = cut < runs ? [await executor.run(spec, cut, runs, hooks)] : [];
    return { result: finaliseExperiment(mergeShards([first, ...rest])), reference: cut === worldRuns ? finaliseExperiment(first) : undefined };
  });
  const elapsed = Date.now() - started;
  const table = comparisonTable(result);
  const story = narrative(table);
  const ran = `${runs} paired runs of ${names.length} ${names.length === 1 ? 'policy' : 'policies'} and ${table.baseline.name} in ${seconds(elapsed)} on ${workers} ${workers === 1 ? 'thread' : 'workers'}`;

  let checked: RobustnessResult | null = null;
  let ranWorlds = '';
  if (worldRuns > 0) {
    const worldsStarted = Date.now();
    checked = await withProgress(io, 'paired runs in other worlds', (onProgress) => robustness(config, variants, { ...robustnessOptions, reference, onProgress }));
    const more = reference === undefined ? worlds.length : worlds.length - 1;
    ranWorlds = `; robustness check: ${worldRuns} paired runs in each of ${more} ${reference === undefined ? '' : 'more '}${more === 1 ? 'world' : 'worlds'} in ${seconds(Date.now() - worldsStarted)}`;
  }
  const total = worldRuns > 0 ? `${ran}${ranWorlds}; ${seconds(Date.now() - started)} in all` : ran;

  let output: string;
  if (values['json'] === true) {
    const json: Chapter5Json = { kind: 'framework-agreement-sim/chapter5', table, narrative: story, result, robustness: checked };
    output = `${JSON.stringify(json, null, 2)}\n`;
  } else if (values['csv'] === true) {
    output = tableCsv(table);
  } else {
    const verdicts = checked === null ? '' : `\n${formatRobustnessSummary(checked)}${values['worlds'] === true ? `\n${formatRobustnessTable(checked)}` : ''}`;
    output = `${formatTable(table)}${verdicts}\n${wrap(story, TEXT_WIDTH)}\n\n${total}.\n`;
  }
  await emitOutput(io, out, output, total, values['json'] === true || values['csv'] === true);
  return EXIT.ok;
}
