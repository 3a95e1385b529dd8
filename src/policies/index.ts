export { NAMED_POLICIES, listPolicies, namedPolicy, type NamedPolicy } from './chapter5.js';
