export { demandShift, scenario } from './demandShift.js';
