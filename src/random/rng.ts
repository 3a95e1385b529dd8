/**
 * A source of uniform random numbers in [0, 1): each `next()` gives the next one. Every sampler
 * takes one.
 *
 * An object with a method rather than a bare function, for speed: the engine opens a new stream
 * per purpose, period and cell, and calls through a fresh closure each time are calls V8 will not
 * inline (each one also boxes the number it returns), whereas a method of one class is inlined
 * into the samplers and loops that draw, millions of times per replication.
 */
export interface Rng {
  next(): number;
}
