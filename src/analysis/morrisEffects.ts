import { ConfigError } from '../model/decode.js';
import { openStream, seedRoot, StreamPurpose, type Seed } from '../random/streams.js';
import { bootstrapSettings, withInterval, type BootstrapOptions, type Estimate } from './bootstrap.js';
import type { RangeParameter } from './parameters.js';

/** Key of the bootstrap streams of mu* under StreamPurpose.analysis. */
const BOOTSTRAP_KEY = 5;

/** One parameter's elementary-effect statistics. */
export interface MorrisEffect {
  readonly parameter: string;
  /** Mean elementary effect: its sign says the direction, but effects of opposite sign cancel. */
  readonly mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007): the overall importance, with a bootstrap interval. */
  readonly muStar: Estimate;
  /** Standard deviation of the elementary effects (n - 1 denominator): non-linearity or interaction; null for one trajectory. */
  readonly sigma: number | null;
  /** The r elementary effects, trajectory by trajectory. */
  readonly elementaryEffects: readonly number[];
}

/** What {@link morrisEffects} returns: plain JSON. */
export interface MorrisEffects {
  readonly kind: 'framework-agreement-sim/morris-effects';
  readonly trajectories: number;
  readonly levels: number;
  readonly delta: number;
  readonly bootstrap: number;
  readonly level: number;
  readonly seed: Seed;
  readonly effects: readonly MorrisEffect[];
}

/** What {@link morrisEffects} needs of a design. */
export interface MorrisDesignShape {
  readonly parameters: readonly RangeParameter[];
  readonly trajectories: number;
  readonly levels: number;
  readonly delta: number;
  readonly order: readonly (readonly number[])[];
  readonly unit: readonly (readonly number[])[];
}

/**
 * Morris elementary effects from the outputs of a {@link morrisDesign} (values in the design's row
 * order, r (k + 1) of them). At the step of trajectory t that moves parameter i from point x to x',
 *
 *   EE_i^t = (f(x') - f(x)) / (x'_i - x_i)     (x'_i - x_i = +-Delta, in units of the range)
 *
 * so an effect is the change in the outcome per whole range of the parameter, and parameters with
 * different units compare directly. Per parameter, over the r trajectories:
 *
 *   mu = mean EE,  mu* = mean |EE|,  sigma = sd EE (n - 1).
 *
 * A large mu* marks an important parameter; a large sigma beside it, effects that vary with where
 * the step is taken (non-linearity or interaction). The interval of mu* is a seeded percentile
 * bootstrap over the r effects. A parameter the outputs do not depend on has every EE exactly 0.
 * @example
 * const design = morrisDesign(parameters, 50, 4, 1);
 * morrisEffects(design, design.values.map(f)).effects[0].muStar.estimate
 */
export function morrisEffects(design: MorrisDesignShape, values: readonly number[], options: BootstrapOptions = {}): MorrisEffects {
  const { bootstrap, level, seed } = bootstrapSettings(options);
  const k = design.parameters.length;
  const r = design.trajectories;
  if (values.length !== r * (k + 1)) {
    throw new ConfigError([{ path: 'values', message: `expected ${r * (k + 1)} outputs (r (k + 1) with r = ${r}, k = ${k}), got ${values.length}` }]);
  }
  const bad = values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new ConfigError([{ path: `values[${bad}]`, message: `expected a finite number, got ${String(values[bad])}` }]);
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (let t = 0; t < r; t++) {
    const first = t * (k + 1);
    design.order[t]!.forEach((i, s) => {
      const step = design.unit[first + s + 1]![i]! - design.unit[first + s]![i]!;
      const change = values[first + s + 1]! - values[first + s]!;
      // No change is an effect of 0 whichever way the step went (not -0, which reads as a sign).
      effects[i]!.push(change === 0 ? 0 : change / step);
    });
  }
  const root = seedRoot(seed);
  return {
    kind: 'framework-agreement-sim/morris-effects',
    trajectories: r,
    levels: design.levels,
    delta: design.delta,
    bootstrap,
    level,
    seed,
    effects: design.parameters.map((p, i) => {
      const ee = effects[i]!;
      const mu = ee.reduce((s, x) => s + x, 0) / r;
      const muStar = ee.reduce((s, x) => s + Math.abs(x), 0) / r;
      const sigma = r > 1 ? Math.sqrt(ee.reduce((s, x) => s + (x - mu) ** 2, 0) / (r - 1)) : null;
      const replicates: number[] = [];
      if (r > 1 && bootstrap > 0) {
        const rng = openStream(root, StreamPurpose.analysis, BOOTSTRAP_KEY, i);
        for (let b = 0; b < bootstrap; b++) {
          let sum = 0;
          for (let j = 0; j < r; j++) sum += Math.abs(ee[Math.floor(rng.next() * r)]!);
          replicates.push(sum / r);
        }
      }
      return { parameter: p.path, mu, muStar: withInterval(muStar, replicates, level), sigma, elementaryEffects: ee };
    }),
  };
}
