import { ABSOLUTE, LINEAR, RELATIVE } from './scoring.js';

/** Maps the config's scoring rule names to the codes `priceScore` takes. */
export const SCORING_CODE = { relative: RELATIVE, linear: LINEAR, absolute: ABSOLUTE } as const;
