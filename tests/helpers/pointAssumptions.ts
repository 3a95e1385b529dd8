import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import type { ConfigInput } from '../../src/model/config.js';
import { mergeOver } from '../../src/model/decode.js';
import { distributionMean } from '../../src/model/distributions.js';
import { uncertainInputs } from '../../src/model/uncertain.js';
import { setAt } from '../../src/experiment/sweep.js';

/**
 * A partial config that fixes every distribution of the built-in baseline (its assumed effects) at
 * its mean: merged over an input, it gives a config of plain numbers, for tests about one
 * uncertain input at a time.
 */
export const POINT_ASSUMPTIONS: ConfigInput = Object.entries(uncertainInputs(BASELINE_CONFIG)).reduce<ConfigInput>(
  (input, [path, d]) => mergeOver(input, setAt(path, distributionMean(d))) as ConfigInput,
  {},
);
