export { sobolSequence, MAX_SOBOL_DIMENSIONS, MAX_SOBOL_INDEX, type SobolSequenceOptions } from './sobolSequence.js';
export { configPoints, toRanges, checkParameters, type RangeParameter } from './parameters.js';
export { saltelliDesign, MAX_SALTELLI_N, type SaltelliDesign, type SaltelliOptions, type BaseSampler } from './saltelliDesign.js';
export { sobolIndices, type SobolIndices, type SobolIndex } from './sobolIndices.js';
export { morrisDesign, MAX_TRAJECTORIES, type MorrisDesign } from './morrisDesign.js';
export { morrisEffects, type MorrisEffects, type MorrisEffect, type MorrisDesignShape } from './morrisEffects.js';
export { withInterval, MAX_BOOTSTRAP, type Estimate, type BootstrapOptions } from './bootstrap.js';
export { sensitivity, type SensitivityOptions, type SensitivityResult, type SobolSensitivity, type MorrisSensitivity } from './sensitivity.js';
