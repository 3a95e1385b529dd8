import type { ConfigInput, DemandShock } from '../model/config.js';

/**
 * A scripted, permanent shift of tendered demand: `change` (-0.2 = 20 % lower) from `fromYear`
 * years after the policy starts, for one measure type or (by default) all. A scenario event is
 * part of the world, not of a contract policy: put it in the baseline config of an experiment and
 * every policy compared there meets the same shift on the same replications.
 * @example
 * demandShift(-0.2, 4)                 // all tendered volume 20 % lower from year 4
 * demandShift(-0.3, 2, 'groupTraining') // one measure type 30 % lower from year 2
 */
export function demandShift(change: number, fromYear: number, measureType: string | null = null): DemandShock {
  return { fromYear, change, measureType };
}

/**
 * A partial config holding the given scenario events (demand shifts), to merge with other
 * settings or pass as the baseline of `compare`, `sweep` or `monteCarlo`. Shifts compound. The
 * config decoder checks them (a shift must start inside the horizon and name a known measure type).
 * @example
 * const world = scenario(demandShift(-0.2, 4), demandShift(0.1, 8, 'followUp'));
 * await compare(world, { riskSharing: { policy: namedPolicy('riskSharing') } }, { runs: 100 });
 */
export function scenario(...shocks: readonly DemandShock[]): ConfigInput {
  return { market: { shocks: shocks.map((s) => ({ ...s })) } } as ConfigInput;
}
