export { herfindahl } from './herfindahl.js';
export { topShares } from './topShares.js';
export { quantileSorted } from './quantile.js';
export { safeDivide } from './safeDivide.js';
export { shareOf } from './shareOf.js';
export { emptySum, addToSum, mergeSum, sumValue, type ExactSum } from './exactSum.js';
export { emptySketch, addToSketch, mergeSketch, sketchQuantile, type QuantileSketch } from './quantileSketch.js';
export { studentTQuantile } from './studentT.js';
export { binomialUpperTail } from './binomialTail.js';
