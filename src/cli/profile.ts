/**
 * `framework-agreement-sim profile`: the make-up of the markets a comparison starts from.
 * @packageDocumentation
 */
import { replicationSeed } from '../experiment/seeds.js';
import { MAX_RUNS } from '../experiment/run.js';
import { formatProfiles } from '../report/profileText.js';
import { burnIn, marketProfile } from '../simulate.js';
import { configFlag, seedFlag } from './chapter5.js';
import { checkNotInput, checkWritable, emitOutput, EXIT, flagText, integerFlag, parse, type CliIo } from './io.js';
import { seconds } from './progress.js';

/** Markets profiled when `--runs` is not given. */
export const PROFILE_DEFAULT_RUNS = 20;

/** Help of the command. */
export const PROFILE_USAGE = `Usage: framework-agreement-sim profile [options]

The make-up of the market when a policy starts: replication k burns in the same market as
replication k of chapter5 or explain with the same seed and config. Per class (size by revenue,
the report's classes of dependence on the buyer, ownership) it prints the mean and 10-90 % range
over the markets of operating suppliers and of those on agreements, and the shares of suppliers
too small for a place of a median lot, or for a whole median lot alone.

Options:
  --runs <N>           markets (default ${PROFILE_DEFAULT_RUNS})
  --seed <S>           master seed, a number or a text (default 2026, as chapter5's)
  --config <file.json> a partial config merged over the built-in baseline
  --json               print the profiles as JSON (one per market)
  --out <file>         write the output to this file instead of the terminal
  -h, --help           this help
`;

const OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  config: { type: 'string' },
  json: { type: 'boolean' },
  out: { type: 'string' },
} as const;

/**
 * Runs the command with its arguments (after `profile`) and resolves to the exit code; user errors
 * throw {@link UsageError}.
 * @example const code = await profileCommand(['--runs', '8'], io);
 */
export async function profileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, OPTIONS, false);
  if (values['help'] === true) {
    io.stdout.write(PROFILE_USAGE);
    return EXIT.ok;
  }
  const text = flagText(values, 'profile --help');
  const runsText = text('runs');
  const runs = runsText === undefined ? PROFILE_DEFAULT_RUNS : integerFlag(runsText, 'runs', 1, MAX_RUNS);
  const seedText = text('seed');
  const seed = seedText === undefined ? 2026 : seedFlag(seedText);
  const configFile = text('config');
  const config = await configFlag(configFile, undefined);
  const out = text('out');
  if (out !== undefined) {
    await checkWritable(out, 'out');
    if (configFile !== undefined) await checkNotInput(out, 'out', [{ file: configFile, what: 'the config' }]);
  }
  const started = Date.now();
  const profiles = [];
  for (let k = 0; k < runs; k++) {
    io.signal?.throwIfAborted();
    profiles.push(marketProfile(burnIn(config, replicationSeed(seed, k))));
  }
  const ran = `${runs} market${runs === 1 ? '' : 's'} burned in from seed ${String(seed)} in ${seconds(Date.now() - started)}`;
  const output = values['json'] === true ? `${JSON.stringify(profiles, null, 2)}\n` : `${formatProfiles(profiles)}\n${ran}.\n`;
  await emitOutput(io, out, output, ran, values['json'] === true);
  return EXIT.ok;
}
