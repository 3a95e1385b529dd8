import type { ConfigInput } from '../model/config.js';
import type { Seed } from '../random/streams.js';
import type { ExperimentSpec } from '../experiment/spec.js';
import { configPoints, type RangeParameter } from './parameters.js';

/**
 * The experiment that runs a design's points on the model: `config` as the baseline and each point,
 * merged over it, as the variant "point k" (1-based, in the design's row order), all on the same
 * replication seeds. Plain JSON: write it as spec.json and run it with `framework-agreement-sim
 * shard` and `merge` on a cluster (docs/cluster.md), or with `runExperiment`; then
 * {@link designOutputs} reads each point's outcome from the result. This is what
 * {@link sensitivity} runs. Rows and series are off: a design has many points.
 * @example writeFileSync('spec.json', JSON.stringify(designSpec({}, saltelliDesign(parameters, 256, 7), 7)));
 */
export function designSpec(
  config: ConfigInput,
  design: { readonly parameters: readonly RangeParameter[]; readonly values: readonly (readonly number[])[] },
  seed: Seed = 1,
): ExperimentSpec {
  return {
    config,
    variants: configPoints(design).map((input, k) => ({ name: `point ${k + 1}`, input })),
    seed,
    rows: false,
    series: false,
  };
}
