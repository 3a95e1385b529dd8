import type { ConfigInput } from '../model/config.js';
import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose } from '../random/streams.js';
import { mergeOver } from '../model/decode.js';
import { runExperiment, specOf, type ExperimentOptions, type ExperimentOutput } from './run.js';
import type { PolicyVariant } from './spec.js';

/**
 * A partial config that sets one dotted path, e.g. setAt('policy.minimumVolumeShare', 0.3)
 * gives { policy: { minimumVolumeShare: 0.3 } }. Unknown paths are caught when the config is decoded.
 */
export function setAt(path: string, value: unknown): ConfigInput {
  const keys = path.split('.');
  if (keys.some((k) => k === '' || k === '__proto__' || k === 'constructor' || k === 'prototype')) {
    throw new ConfigError([{ path, message: 'expected a dotted path of config keys, such as policy.minimumVolumeShare' }]);
  }
  let out: unknown = value;
  for (let k = keys.length - 1; k >= 0; k--) out = { [keys[k]!]: out };
  return out as ConfigInput;
}

function label(path: string, value: unknown): string {
  return `${path}=${typeof value === 'number' ? String(value) : JSON.stringify(value)}`;
}

/** The result of a sweep: the experiment, with the parameter and the values in order (the first is the baseline). */
export type SweepOutput = ExperimentOutput & { readonly parameter: string; readonly values: readonly unknown[] };

/**
 * Sweeps one parameter over values, paired: every value runs on the same replications, and each
 * value's differences are measured from the first value. Policy names are "path=value".
 * @example
 * const r = await sweep({}, 'policy.minimumVolumeShare', [0, 0.1, 0.3, 0.5], { runs: 100 });
 * r.differences['policy.minimumVolumeShare=0.5'].guaranteePaymentsPerYear.mean;
 */
export async function sweep(config: ConfigInput, path: string, values: readonly unknown[], options: ExperimentOptions): Promise<SweepOutput> {
  if (values.length < 1) throw new ConfigError([{ path: 'values', message: 'give at least one value to sweep over' }]);
  const at = (v: unknown) => mergeOver(config, setAt(path, v)) as ConfigInput;
  const names = values.map((v) => label(path, v));
  const baseline = mergeOver(at(values[0]), { policy: { name: names[0] } }) as ConfigInput;
  const variants: PolicyVariant[] = values.slice(1).map((v, k) => ({ name: names[k + 1]!, input: setAt(path, v) }));
  const result = await runExperiment(specOf(baseline, variants, options), options);
  return { ...result, parameter: path, values };
}

/** A parameter of a design: its path and either a range [min, max] (sampled) or a list of values (a grid axis). */
export interface DesignParameter {
  readonly path: string;
  readonly range?: readonly [number, number];
  readonly values?: readonly unknown[];
}

/**
 * Points of a full grid: every combination of each parameter's `values`.
 * @example gridDesign([{ path: 'policy.priceWeight', values: [0.4, 0.7] }, { path: 'policy.lotSplit', values: [1, 2] }]) // 4 points
 */
export function gridDesign(parameters: readonly DesignParameter[]): ConfigInput[] {
  let points: ConfigInput[] = [{}];
  for (const p of parameters) {
    if (p.values === undefined || p.values.length === 0) {
      throw new ConfigError([{ path: p.path, message: 'a grid needs a non-empty list of values for every parameter' }]);
    }
    points = points.flatMap((point) => p.values!.map((v) => mergeOver(point, setAt(p.path, v)) as ConfigInput));
  }
  return points;
}

/**
 * A Latin-hypercube sample of `points` points over each parameter's `range`: every range is cut
 * into `points` equal strata and each stratum is used exactly once, in an order shuffled from `seed`.
 */
export function latinHypercube(parameters: readonly DesignParameter[], points: number, seed: string | number = 1): ConfigInput[] {
  if (!Number.isInteger(points) || points < 1 || points > 100_000) {
    throw new ConfigError([{ path: 'points', message: `expected an integer in [1, 100000], got ${String(points)}` }]);
  }
  const out: ConfigInput[] = Array.from({ length: points }, () => ({}));
  parameters.forEach((p, k) => {
    const range = p.range;
    if (range === undefined || !(range[0] <= range[1]) || !Number.isFinite(range[0]) || !Number.isFinite(range[1])) {
      throw new ConfigError([{ path: p.path, message: 'a Latin hypercube needs a finite range [min, max] for every parameter' }]);
    }
    const rng = openStream(seedRoot(seed), StreamPurpose.design, k);
    const order = Array.from({ length: points }, (_, i) => i);
    for (let i = points - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((stratum, i) => {
      const value = range[0] + ((stratum + rng.next()) / points) * (range[1] - range[0]);
      out[i] = mergeOver(out[i], setAt(p.path, value)) as ConfigInput;
    });
  });
  return out;
}

/**
 * Runs a design (from gridDesign or latinHypercube) as a paired experiment: the baseline config
 * and every design point on the same replications. Points are named "point 1", "point 2", ...
 */
export function runDesign(config: ConfigInput, points: readonly ConfigInput[], options: ExperimentOptions): Promise<ExperimentOutput> {
  const variants = points.map((input, k) => ({ name: `point ${k + 1}`, input }));
  return runExperiment(specOf(config, variants, options), options);
}
