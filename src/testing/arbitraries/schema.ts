import { schemaOf, type ObjectNode, type SchemaNode } from '../../model/codecs.js';
import { ConfigCodec } from '../../model/config.js';

/*
 * The shape of a Config and the range of every value, read off the decoder's own codecs
 * (src/model/codecs.ts attaches a schema to each), so the arbitraries' default ranges and the
 * values the arbitrary of invalid configs breaks are exactly what the decoder checks.
 */
export type { EnumLeaf, Leaf, ListNode, NameLeaf, NumberLeaf, ObjectNode, SchemaNode } from '../../model/codecs.js';

function objectNode(node: SchemaNode | undefined, path: string): ObjectNode {
  if (node?.kind !== 'object') throw new Error(`the config schema has no object at ${path}`);
  return node;
}

/** The whole config. */
export const CONFIG_SCHEMA: ObjectNode = objectNode(schemaOf(ConfigCodec), 'Config');
const field = (parent: ObjectNode, key: string, path: string): ObjectNode => objectNode(parent.fields[key], path);
const list = (parent: ObjectNode, key: string, path: string): ObjectNode => {
  const node = parent.fields[key];
  if (node?.kind !== 'list') throw new Error(`the config schema has no list at ${path}`);
  return node.item;
};

/** run */
export const RUN_SCHEMA = field(CONFIG_SCHEMA, 'run', 'run');
/** market */
export const MARKET_SCHEMA = field(CONFIG_SCHEMA, 'market', 'market');
/** market.regions[i] */
export const REGION_SCHEMA = list(MARKET_SCHEMA, 'regions', 'market.regions');
/** market.measureTypes[i] */
export const MEASURE_TYPE_SCHEMA = list(MARKET_SCHEMA, 'measureTypes', 'market.measureTypes');
/** market.demand */
export const DEMAND_SCHEMA = field(MARKET_SCHEMA, 'demand', 'market.demand');
/** market.shocks[i] */
export const SHOCK_SCHEMA = list(MARKET_SCHEMA, 'shocks', 'market.shocks');
/** suppliers */
export const SUPPLIERS_SCHEMA = field(CONFIG_SCHEMA, 'suppliers', 'suppliers');
/** suppliers.ownership.<type> */
export const OWNERSHIP_PROFILE_SCHEMA = field(field(SUPPLIERS_SCHEMA, 'ownership', 'suppliers.ownership'), 'standalone', 'suppliers.ownership.standalone');
/** behaviour */
export const BEHAVIOUR_SCHEMA = field(CONFIG_SCHEMA, 'behaviour', 'behaviour');
/** outcomes */
export const OUTCOMES_SCHEMA = field(CONFIG_SCHEMA, 'outcomes', 'outcomes');
/** policy (and burnInPolicy) */
export const POLICY_SCHEMA = field(CONFIG_SCHEMA, 'policy', 'policy');
/** effects */
export const EFFECTS_SCHEMA = field(CONFIG_SCHEMA, 'effects', 'effects');
