export { herfindahl } from './herfindahl.js';
export { topShares } from './topShares.js';
export { quantileSorted } from './quantile.js';
export { safeDivide } from './safeDivide.js';
export { shareOf } from './shareOf.js';
