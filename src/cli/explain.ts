/**
 * `framework-agreement-sim explain --policy <name>`: which mechanisms carry a named policy's effect
 * on concentration and survival, by switching each off in a paired run.
 * @packageDocumentation
 */
import { explain, EXPLAINED_OUTCOMES, type Explanation } from '../experiment/explain.js';
import { MAX_RUNS } from '../experiment/run.js';
import { MECHANISMS } from '../model/mechanisms.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import { NAMED_POLICIES } from '../policies/chapter5.js';
import { formatExplanation } from '../report/explanationText.js';
import { configFlag, policiesFlag, seedFlag } from './chapter5.js';
import { checkNotInput, checkWritable, clip, emitOutput, EXIT, flagText, integerFlag, parse, UsageError, type CliIo } from './io.js';
import { executorFor, seconds, withProgress, workersFlag } from './progress.js';

/** Paired runs when `--runs` is not given: every mechanism adds two policies to the run. */
export const EXPLAIN_DEFAULT_RUNS = 50;

/** Help of the command. */
export const EXPLAIN_USAGE = `Usage: framework-agreement-sim explain --policy <name> [options]

Where a named policy's effect comes from. One paired experiment runs today's policy and the policy
in the baseline world, and both again with each mechanism of the model switched off, one at a time
(${MECHANISMS.map((m) => m.name).join(', ')}). Per outcome it prints the policy's effect, its effect
with each mechanism off, and the part each mechanism carried (with a 95 % interval).

Options:
  --policy <name>      the named policy to explain: ${NAMED_POLICIES.map((p) => p.name).join(', ')}
  --runs <N>           paired runs (default ${EXPLAIN_DEFAULT_RUNS}; at least 2)
  --seed <S>           master seed, a number or a text (default 2026)
  --metrics <a,b,...>  outcomes to explain (default: ${EXPLAINED_OUTCOMES.join(', ')})
  --config <file.json> a partial config merged over the built-in baseline (the world)
  --json               print the explanation as JSON
  --out <file>         write the output to this file instead of the terminal
  --workers <N>        worker threads (default: the number of cores; 1 runs in this thread)
  -h, --help           this help
`;

const OPTIONS = {
  policy: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  metrics: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  workers: { type: 'string' },
} as const;

function metricsFlag(text: string): OutcomeMetric[] {
  const names = text.split(',').map((n) => n.trim());
  const bad = names.find((n) => !Object.hasOwn(OUTCOME_METRICS, n));
  if (bad !== undefined) throw new UsageError(`--metrics: no outcome is named ${JSON.stringify(clip(bad))}; known outcomes: ${Object.keys(OUTCOME_METRICS).join(', ')}`);
  return names as OutcomeMetric[];
}

/**
 * Runs the command with its arguments (after `explain`) and resolves to the exit code; user errors
 * throw {@link UsageError}.
 * @example const code = await explainCommand(['--policy', 'smallerContracts', '--runs', '20'], io);
 */
export async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, OPTIONS, false);
  if (values['help'] === true) {
    io.stdout.write(EXPLAIN_USAGE);
    return EXIT.ok;
  }
  const text = flagText(values, 'explain --help');
  const policyText = text('policy');
  if (policyText === undefined) throw new UsageError(`explain needs --policy <name>; named policies: ${NAMED_POLICIES.map((p) => p.name).join(', ')}`);
  const [name] = policiesFlag(policyText);
  if (policyText.includes(',')) throw new UsageError('--policy takes one name; run explain once per policy');
  const runsText = text('runs');
  const runs = runsText === undefined ? EXPLAIN_DEFAULT_RUNS : integerFlag(runsText, 'runs', 2, MAX_RUNS);
  const seedText = text('seed');
  const seed = seedText === undefined ? 2026 : seedFlag(seedText);
  const metricsText = text('metrics');
  const metrics = metricsText === undefined ? EXPLAINED_OUTCOMES : metricsFlag(metricsText);
  const workers = workersFlag(values);
  const configFile = text('config');
  const config = await configFlag(configFile, undefined);
  const out = text('out');
  if (out !== undefined) {
    await checkWritable(out, 'out');
    if (configFile !== undefined) await checkNotInput(out, 'out', [{ file: configFile, what: 'the config' }]);
  }
  const named = NAMED_POLICIES.find((p) => p.name === name)!;
  const started = Date.now();
  const explanation: Explanation = await withProgress(io, 'paired runs', (onProgress) =>
    explain(config, named.name, { policy: { ...named.changes, name: named.name } }, { runs, seed, metrics, executor: executorFor(workers), signal: io.signal, onProgress }),
  );
  const ran = `${runs} paired runs of ${named.name} and today in ${MECHANISMS.length + 1} worlds in ${seconds(Date.now() - started)} on ${workers} ${workers === 1 ? 'thread' : 'workers'}`;
  const output = values['json'] === true ? `${JSON.stringify(explanation, null, 2)}\n` : `${formatExplanation(explanation)}\n${ran}.\n`;
  await emitOutput(io, out, output, ran, values['json'] === true);
  return EXIT.ok;
}
