/** A source of uniform random numbers in [0, 1). Every sampler takes one. */
export type Rng = () => number;
