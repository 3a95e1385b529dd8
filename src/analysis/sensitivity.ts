import { closestKey } from '../model/codecs.js';
import type { ConfigInput } from '../model/config.js';
import { ConfigError, inputError } from '../model/decode.js';
import { OUTCOME_METRICS, type OutcomeMetric } from '../model/metrics.js';
import type { Seed } from '../random/streams.js';
import { runExperiment, type ExperimentOptions } from '../experiment/run.js';
import { RESULT_FORMAT_VERSION } from '../version.js';
import { LIBRARY } from '../version.js';
import { morrisDesign, type MorrisDesign } from './morrisDesign.js';
import { morrisEffects, type MorrisEffects } from './morrisEffects.js';
import { bootstrapSettings } from './bootstrap.js';
import { designOutputs } from './designOutputs.js';
import { designSpec } from './designSpec.js';
import type { RangeParameter } from './parameters.js';
import { saltelliDesign, type BaseSampler, type SaltelliDesign } from './saltelliDesign.js';
import { sobolIndices, type SobolIndices } from './sobolIndices.js';

/** Options of {@link sensitivity}. */
export interface SensitivityOptions extends Pick<ExperimentOptions, 'executor' | 'onProgress' | 'signal'> {
  /** 'sobol': variance-based indices from a Saltelli design; 'morris': elementary effects from trajectories. */
  readonly method: 'sobol' | 'morris';
  /** The outcomes to analyse (keys of OUTCOME_METRICS); all come from the same runs. */
  readonly outcomes: readonly OutcomeMetric[];
  /** Sobol: base samples (the design has n (k + 2) points); Morris: trajectories (r (k + 1) points). */
  readonly n: number;
  /** Replications per point. Each point's outcome is its mean over them, on the same seeds at every point. */
  readonly runs: number;
  /** Seed of the design, the replications and the bootstrap (default 1). */
  readonly seed?: Seed;
  /** Morris grid levels (even; default 4). */
  readonly levels?: number;
  /** Sobol base samples: 'sobol' (default) or 'random'. */
  readonly sampler?: BaseSampler;
  /** Digitally shift the Sobol sequence (default true). */
  readonly scramble?: boolean;
  /** Bootstrap resamples for the intervals (default 1000; 0 for none). */
  readonly bootstrap?: number;
  /** Interval level (default 0.95). */
  readonly level?: number;
}

/** What every sensitivity result holds besides its method's numbers. */
export interface SensitivityBase {
  readonly kind: 'framework-agreement-sim/sensitivity';
  /** `RESULT_FORMAT_VERSION` of the library that wrote it. */
  readonly version: typeof RESULT_FORMAT_VERSION;
  /** The library and its version that wrote it (`LIBRARY`). */
  readonly library: string;
  /** The config every point is merged over, as given. */
  readonly config: ConfigInput;
  readonly runs: number;
  readonly seed: Seed;
  readonly outcomes: readonly OutcomeMetric[];
  /** Per outcome, each design point's mean over the runs, in the design's row order. */
  readonly outputs: Record<string, number[]>;
  /** Per outcome, each point's standard error of that mean (sd / sqrt(runs); 0 with one run). */
  readonly standardErrors: Record<string, number[]>;
}

/** A Sobol analysis of the model: the design, the outputs and, per outcome, the indices. */
export interface SobolSensitivity extends SensitivityBase {
  readonly method: 'sobol';
  readonly design: SaltelliDesign;
  readonly indices: Record<string, SobolIndices>;
}

/** A Morris analysis of the model: the design, the outputs and, per outcome, the effects. */
export interface MorrisSensitivity extends SensitivityBase {
  readonly method: 'morris';
  readonly design: MorrisDesign;
  readonly effects: Record<string, MorrisEffects>;
}

/** The result of {@link sensitivity}: plain JSON. */
export type SensitivityResult = SobolSensitivity | MorrisSensitivity;

function checkOutcomes(outcomes: readonly OutcomeMetric[]): void {
  if (!Array.isArray(outcomes) || outcomes.length === 0) {
    throw inputError([{ path: 'options.outcomes', message: 'name at least one outcome, such as "top15Share"' }]);
  }
  const known = Object.keys(OUTCOME_METRICS);
  const issues = outcomes.flatMap((m, k) => {
    if (typeof m === 'string' && Object.hasOwn(OUTCOME_METRICS, m)) return [];
    const guess = typeof m === 'string' ? closestKey(m, known) : undefined;
    return [{ path: `options.outcomes[${k}]`, message: `no outcome is named ${JSON.stringify(m)}${guess === undefined ? '' : ` (did you mean "${guess}"?)`}` }];
  });
  if (issues.length > 0) throw inputError(issues);
}

/**
 * Global sensitivity of model outcomes to config parameters with ranges. Builds the design (a
 * {@link saltelliDesign} for 'sobol', a {@link morrisDesign} for 'morris') as config points merged
 * over `config`, runs them as one paired experiment ({@link designSpec}, as `runDesign` does:
 * replication i of every point uses the same seed, so points differ by their parameters only),
 * takes each point's mean over the runs ({@link designOutputs}), and analyses each outcome with
 * {@link sobolIndices} or {@link morrisEffects}. For a study too big for one machine, run the same
 * `designSpec` as shards on a cluster and analyse the merged result (docs/analysis.md).
 * Cost: points x runs simulations, points = n (k + 2) for Sobol and n (k + 1) for Morris (plus one
 * run of `config` itself per replication). For an outcome that does not read a parameter, every
 * pair of points that differ only in it gives the same output, so its indices or effects are exactly 0.
 * @throws {ConfigError} before any run, for a bad parameter, option, outcome or config path.
 * @example
 * const s = await sensitivity({}, [{ path: 'policy.priceWeight', range: [0.3, 1] }, { path: 'policy.minimumVolumeShare', range: [0, 0.5] }],
 *   { method: 'sobol', outcomes: ['top15Share'], n: 64, runs: 10 });
 * s.indices.top15Share.indices[0].total; // { estimate, se, lower, upper }
 */
export function sensitivity(config: ConfigInput, parameters: readonly RangeParameter[], options: SensitivityOptions & { readonly method: 'sobol' }): Promise<SobolSensitivity>;
export function sensitivity(config: ConfigInput, parameters: readonly RangeParameter[], options: SensitivityOptions & { readonly method: 'morris' }): Promise<MorrisSensitivity>;
export function sensitivity(config: ConfigInput, parameters: readonly RangeParameter[], options: SensitivityOptions): Promise<SensitivityResult>;
export async function sensitivity(config: ConfigInput, parameters: readonly RangeParameter[], options: SensitivityOptions): Promise<SensitivityResult> {
  if (options.method !== 'sobol' && options.method !== 'morris') {
    throw inputError([{ path: 'options.method', message: `expected "sobol" or "morris", got ${JSON.stringify(options.method)}` }]);
  }
  checkOutcomes(options.outcomes);
  const seed = options.seed ?? 1;
  const bootstrap = { bootstrap: options.bootstrap, level: options.level, seed };
  bootstrapSettings(bootstrap); // a bad setting there should not cost the runs
  const design =
    options.method === 'sobol'
      ? saltelliDesign(parameters, options.n, seed, { sampler: options.sampler, scramble: options.scramble })
      : morrisDesign(parameters, options.n, options.levels ?? 4, seed);
  const result = await runExperiment(designSpec(config, design, seed), {
    runs: options.runs,
    seed,
    executor: options.executor,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  const outputs: Record<string, number[]> = {};
  const standardErrors: Record<string, number[]> = {};
  for (const m of options.outcomes) {
    outputs[m] = designOutputs(result, m);
    standardErrors[m] = result.policies.slice(1).map((p) => p.outcomes[m].se);
  }
  const common = { kind: 'framework-agreement-sim/sensitivity' as const, version: RESULT_FORMAT_VERSION as typeof RESULT_FORMAT_VERSION, library: LIBRARY, config, runs: result.runs, seed, outcomes: [...options.outcomes], outputs, standardErrors };
  if (design.kind === 'framework-agreement-sim/saltelli-design') {
    const indices: Record<string, SobolIndices> = {};
    for (const m of options.outcomes) indices[m] = sobolIndices(design, outputs[m]!, bootstrap);
    return { ...common, method: 'sobol', design, indices };
  }
  const effects: Record<string, MorrisEffects> = {};
  for (const m of options.outcomes) effects[m] = morrisEffects(design, outputs[m]!, bootstrap);
  return { ...common, method: 'morris', design, effects };
}
