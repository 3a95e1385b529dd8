import type { Seed } from '../random/streams.js';
import type { UncertainConfig } from './config.js';
import { ConfigError, crossFieldIssues } from './decode.js';
import { drawInputs, type DrawnConfig } from './uncertain.js';

/**
 * Draws every distribution of a decoded config for the run with this seed and returns the config
 * of numbers to simulate, with the values drawn by path. Pure: the same config and seed always
 * give the same draws.
 *
 * Each uncertain path has its own stream, derived from the seed, the purpose `inputs` and the
 * path, and its value is its distribution's quantile at that stream's first uniform. So in an
 * experiment, where replication i runs every policy with the seed `replicationSeed(seed, i)`,
 * today's policy and every other policy see the same draw wherever they give the same
 * distribution at the same path, and draws differ from one replication to the next. Where two
 * policies give different distributions at one path they still share its uniform, so their draws
 * move together (a higher draw under one goes with a higher draw under the other). Draws never
 * touch the model's own streams: a config without distributions runs exactly as before.
 *
 * A config without distributions comes back as the same object, with no inputs.
 * @throws {ConfigError} if the drawn values break a combination (such as `smallBelow` above
 *   `largeFrom`) that the decoder could not rule out from the distributions' ends alone.
 * @example
 * const { config, inputs } = resolveUncertain(parseConfig({ outcomes: { valuePerTransition: { dist: 'uniform', min: 3e5, max: 9e5 } } }), '42#0');
 * inputs['outcomes.valuePerTransition'] === config.outcomes.valuePerTransition; // true
 */
export function resolveUncertain(config: UncertainConfig, seed: Seed): DrawnConfig {
  const drawn = drawInputs(config, seed);
  const paths = Object.keys(drawn.inputs);
  if (paths.length === 0) return drawn;
  const issues = crossFieldIssues(drawn.config);
  if (issues.length > 0) {
    const shown = paths.slice(0, 5).map((p) => `${p} = ${drawn.inputs[p]}`).join(', ');
    const note = ` (with the values drawn for seed ${JSON.stringify(seed)}: ${shown}${paths.length > 5 ? ', ...' : ''})`;
    throw new ConfigError(issues.map((i) => ({ path: i.path, message: `${i.message}${note}` })));
  }
  return drawn;
}
