import type { AllocationRule, ConfigInput, UncertainConfig } from '../model/config.js';
import { ConfigError } from '../model/decode.js';
import { demandShift } from './demandShift.js';

/**
 * A world a policy may meet: one structural setting that nobody knows well, set another way than
 * in the base config, for today's policy and every compared policy alike. `robustness` runs each
 * policy against today's in each world and says whether its effects hold in all of them.
 *
 * Worlds are scenario settings (EMA Workbench's "scenarios", docs/experiments.md section 14), not
 * policy levers: they are merged over the base config, so today's policy and every policy meet
 * the same world. An alternative world is not recalibrated: it is the base with one setting
 * changed, so it may also miss calibration targets the base meets.
 */
export interface World {
  /** Short unique name, shown as a column or row heading, e.g. `rank allocation`, `lots x2`. */
  readonly name: string;
  /** The setting it varies, e.g. `allocation rule`: verdicts say a policy's effect "depends on" it. */
  readonly setting: string;
  /** One line: what the world assumes. */
  readonly description: string;
  /**
   * Merged over the base config: a partial config, or a function of the decoded base config that
   * gives one (to scale a base value, or to add to a list such as `market.shocks`).
   */
  readonly input: ConfigInput | ((base: UncertainConfig) => ConfigInput);
}

/** A world with its input worked out against one base config: plain JSON. */
export interface ResolvedWorld {
  readonly name: string;
  readonly setting: string;
  readonly description: string;
  /** What is merged over the base config (for lists, the whole list). */
  readonly input: ConfigInput;
}

/** The setting of {@link REFERENCE_WORLD}. */
export const REFERENCE_SETTING = 'none';

/**
 * The base config as given (with the built-in baseline: equal-share allocation, today's lot
 * sizes, the default demand process, the calibrated entry rate, no demand shift).
 */
export const REFERENCE_WORLD: World = {
  name: 'reference',
  setting: REFERENCE_SETTING,
  description: 'the base config as given',
  input: {},
};

const RULE_NAMES: Record<AllocationRule, string> = {
  rank: 'rank allocation',
  shares: 'equal shares',
  qualityChoice: 'quality choice',
  miniCompetition: 'mini-competition',
};

const RULE_WORDS: Record<AllocationRule, string> = {
  rank: 'call-offs go down a ranked cascade in award order (the lower places carry the utilisation risk)',
  shares: 'call-offs are split in equal shares among a lot’s suppliers',
  qualityChoice: 'caseworkers and participants choose suppliers in proportion to their quality',
  miniCompetition: 'each period a lot’s suppliers are re-ranked on price and current quality (a mini-competition)',
};

/** A number without trailing zeros: 2, 0.5, 1.25. */
function factor(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/**
 * The allocation rule of call-offs (`market.allocationRule`): how a lot's demand is split among
 * its parallel suppliers. A setting of the world: Norwegian rules allow a ranked cascade, an
 * allocation key or mini-competitions, and the facts do not say which NAV's offices use.
 * @example allocationWorld('rank') // { name: 'rank allocation', setting: 'allocation rule', input: { market: { allocationRule: 'rank' } }, ... }
 */
export function allocationWorld(rule: AllocationRule): World {
  return { name: RULE_NAMES[rule], setting: 'allocation rule', description: RULE_WORDS[rule], input: { market: { allocationRule: rule } } };
}

/**
 * The number a world scales: a world multiplies the base's value, which it cannot do to a
 * distribution (scale the distribution in the base instead, or give the number).
 */
function plain(value: unknown, path: string): number {
  if (typeof value === 'number') return value;
  throw new ConfigError([{ path, message: 'a world scales this number, but the base gives it as a distribution; give a number here, or leave this world out' }]);
}

/**
 * Lots `scale` times as large: every measure type's `lotsPerCell` divided by `scale` (rounded, at
 * least 1), in the burn-in and under every policy. The lot size (a service area of about 250
 * participant-weeks a quarter) is an assumption, not a fact nor fitted (docs/model.md, section
 * 4.2). A policy's `lotSplit` still multiplies the world's lots, so `smallerContracts` halves the
 * world's lots, whatever their size.
 * @example lotSizeWorld(2).name // 'lots x2': with the built-in baseline, follow-up tenders have 9 lots instead of 17
 */
export function lotSizeWorld(scale: number): World {
  return {
    name: `lots x${factor(scale)}`,
    setting: 'lot size',
    description: `lots ${factor(scale)} times as large as in the base (lotsPerCell of every measure type divided by ${factor(scale)}, rounded, at least 1)`,
    input: (base) => ({
      market: { measureTypes: base.market.measureTypes.map((m) => ({ ...m, lotsPerCell: Math.max(1, Math.round(plain(m.lotsPerCell, 'market.measureTypes[].lotsPerCell') / scale)) })) },
    }),
  };
}

/**
 * Demand shocks `multiple` times as volatile: both innovations' standard deviations
 * (`market.demand.macroVolatility` and `cellVolatility`) times `multiple`, at most 1. Both are
 * assumptions (docs/model.md, section 4.1).
 * @example demandVolatilityWorld(2).name // 'volatility x2': national demand varies by about 13 % instead of 7 %
 */
export function demandVolatilityWorld(multiple: number): World {
  return {
    name: `volatility x${factor(multiple)}`,
    setting: 'demand volatility',
    description: `demand shocks ${factor(multiple)} times as volatile (macro and cell volatility times ${factor(multiple)})`,
    input: (base) => ({
      market: {
        demand: {
          macroVolatility: Math.min(1, plain(base.market.demand.macroVolatility, 'market.demand.macroVolatility') * multiple),
          cellVolatility: Math.min(1, plain(base.market.demand.cellVolatility, 'market.demand.cellVolatility') * multiple),
        },
      },
    }),
  };
}

/**
 * A large, permanent fall of all tendered demand: `change` (-0.3 = 30 % lower) from `fromYear`
 * years after the policy starts (half-way through a horizon too short for it), added to the base's
 * own demand shifts (`market.shocks`, docs/experiments.md section 14). Burn-in is not affected.
 * @example demandFallWorld(-0.3, 2).name // 'demand -30%'
 */
export function demandFallWorld(change: number, fromYear: number): World {
  const percent = factor(Math.abs(change) * 100);
  return {
    name: `demand ${change < 0 ? '-' : '+'}${percent}%`,
    setting: 'demand fall',
    description: `all tendered demand ${percent} % ${change < 0 ? 'lower' : 'higher'} from year ${factor(fromYear)} of the horizon (half-way through a shorter one)`,
    input: (base) => {
      const year = Math.min(fromYear, plain(base.run.horizonYears, 'run.horizonYears') / 2);
      return { market: { shocks: [...base.market.shocks.map((s) => ({ ...s })), demandShift(change, year)] } };
    },
  };
}

/**
 * Entry `multiple` times as frequent: `suppliers.entry.ratePerYear` times `multiple` (at most
 * 1000). The rate is calibrated to net entry, which the facts give only roughly (docs/calibration.md).
 * @example entryRateWorld(0.5).name // 'entry x0.5'
 */
export function entryRateWorld(multiple: number): World {
  return {
    name: `entry x${factor(multiple)}`,
    setting: 'entry rate',
    description: `new suppliers enter ${factor(multiple)} times as often (suppliers.entry.ratePerYear times ${factor(multiple)})`,
    input: (base) => ({ suppliers: { entry: { ratePerYear: Math.min(1000, plain(base.suppliers.entry.ratePerYear, 'suppliers.entry.ratePerYear') * multiple) } } }),
  };
}

/**
 * The full set of worlds (`chapter5 --worlds`): the reference, then each setting the model's
 * results may hinge on and the facts do not pin down, one step either way where that makes sense:
 * the three other allocation rules, lots twice and half as large, demand twice and half as
 * volatile, a 30 % fall of demand from year 2, and entry half and twice as frequent.
 */
export const WORLDS: readonly World[] = [
  REFERENCE_WORLD,
  allocationWorld('rank'),
  allocationWorld('qualityChoice'),
  allocationWorld('miniCompetition'),
  lotSizeWorld(2),
  lotSizeWorld(0.5),
  demandVolatilityWorld(2),
  demandVolatilityWorld(0.5),
  demandFallWorld(-0.3, 2),
  entryRateWorld(0.5),
  entryRateWorld(2),
];

/**
 * Names of the worlds `chapter5` checks by default: the reference, a ranked cascade of call-offs
 * and a 30 % fall of demand from year 2. Of the full set ({@link WORLDS}), these two turned the
 * most verdicts of the chapter-5 policies in a check of all eleven (30 runs each): the call-off
 * rule moves who carries the utilisation risk, and a demand fall is what a guarantee insures.
 * Two worlds keep the default command within about a minute and a quarter on two cores
 * (docs/experiments.md, section 19); the full set is `chapter5 --worlds`.
 */
export const DEFAULT_WORLD_NAMES: readonly string[] = ['reference', 'rank allocation', 'demand -30%'];

/** The worlds of {@link DEFAULT_WORLD_NAMES}, in that order. */
export const DEFAULT_WORLDS: readonly World[] = DEFAULT_WORLD_NAMES.map((name) => WORLDS.find((w) => w.name === name)!);

/**
 * A world's input worked out against a decoded base config.
 * @example resolveWorld(lotSizeWorld(2), BASELINE_CONFIG).input.market.measureTypes[0].lotsPerCell // 9
 */
export function resolveWorld(world: World, base: UncertainConfig): ResolvedWorld {
  const input = typeof world.input === 'function' ? world.input(base) : world.input;
  return { name: world.name, setting: world.setting, description: world.description, input };
}
