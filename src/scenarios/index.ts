export { demandShift, scenario } from './demandShift.js';
export {
  allocationWorld,
  lotSizeWorld,
  demandVolatilityWorld,
  demandFallWorld,
  entryRateWorld,
  resolveWorld,
  REFERENCE_WORLD,
  REFERENCE_SETTING,
  WORLDS,
  DEFAULT_WORLDS,
  DEFAULT_WORLD_NAMES,
  type World,
  type ResolvedWorld,
} from './worlds.js';
