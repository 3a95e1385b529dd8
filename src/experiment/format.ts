export { RESULT_FORMAT_VERSION } from '../version.js';
