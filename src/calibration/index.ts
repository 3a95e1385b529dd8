export { calibrate, checkFit, type DerivedMoment, objectiveOf, targetDistance, applyParameters, unitLatinHypercube, type CalibrationParameter, type CalibrationTarget, type CalibrationOptions, type CalibrationResult, type CalibrationEvaluation, type FitRow } from './calibrate.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult, type SearchPoint } from './nelderMead.js';
export { BASELINE_TARGETS, NET_ENTRY_PER_YEAR } from './baselineTargets.js';
export { BASELINE_PARAMETERS } from './baselineParameters.js';
export { fitTable } from './fitTable.js';
