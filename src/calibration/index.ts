/**
 * framework-agreement-sim/calibration: fitting the model's free parameters to the facts (moments,
 * a Latin-hypercube start and Nelder-Mead), the baseline's targets and parameters, and the fit
 * table. Kept off the root entry: a researcher running experiments does not need it.
 * @module framework-agreement-sim/calibration
 */
export { calibrate, checkFit, type DerivedMoment, objectiveOf, targetDistance, applyParameters, unitLatinHypercube, type CalibrationParameter, type CalibrationTarget, type CalibrationOptions, type CalibrationResult, type CalibrationEvaluation, type FitRow } from './calibrate.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult, type SearchPoint } from './nelderMead.js';
export { BASELINE_TARGETS, NET_ENTRY_PER_YEAR } from './baselineTargets.js';
export { BASELINE_PARAMETERS } from './baselineParameters.js';
export { fitTable } from './fitTable.js';
export { CALIBRATED_VALUES } from '../model/baseline.js';
