import { ConfigError } from '../model/decode.js';
import type { SupplierLife } from '../model/result.js';
import { kaplanMeier, type KaplanMeierCurve } from './kaplanMeier.js';

/** How {@link supplierSurvival} groups supplier lives. */
export type SurvivalGroup = 'ownership' | 'sizeAtStart' | 'smallCohort' | 'atStart' | 'all';

/**
 * Kaplan-Meier curves of supplier lives, one per group: by ownership type, by size class when the
 * policy started (entrants, with no size at the start, form the group "entrant"), by membership of
 * the small-supplier cohort ("small cohort", "other at start", "entrant"), by whether the
 * supplier operated at the start ("at start", "entrant"), or all together. Time is
 * `periodsObserved`, in periods from the later of the policy's start and entry; an exit is an event
 * whatever its cause (insolvency, voluntary exit, acquisition), and a supplier still operating at
 * the horizon's end is censored there. Groups are in first-seen order.
 * @example
 * supplierSurvival(supplierHistories({}, { runs: 20 }), 'ownership').nonProfit.steps.at(-1).survival
 */
export function supplierSurvival(lives: readonly SupplierLife[], by: SurvivalGroup = 'all', level = 0.95): Record<string, KaplanMeierCurve> {
  if (!['ownership', 'sizeAtStart', 'smallCohort', 'atStart', 'all'].includes(by)) {
    throw new ConfigError([{ path: 'by', message: `expected "ownership", "sizeAtStart", "smallCohort", "atStart" or "all", got ${JSON.stringify(by)}` }]);
  }
  const key = (l: SupplierLife): string => {
    if (by === 'ownership') return l.ownership;
    if (by === 'sizeAtStart') return l.sizeAtStart ?? 'entrant';
    if (by === 'smallCohort') return l.smallCohort ? 'small cohort' : l.atStart ? 'other at start' : 'entrant';
    return by === 'atStart' ? (l.atStart ? 'at start' : 'entrant') : 'all';
  };
  const groups = new Map<string, SupplierLife[]>();
  for (const l of lives) {
    const k = key(l);
    let list = groups.get(k);
    if (list === undefined) groups.set(k, (list = []));
    list.push(l);
  }
  const out: Record<string, KaplanMeierCurve> = {};
  for (const [k, list] of groups) {
    const curve = kaplanMeier(
      list.map((l) => l.periodsObserved),
      list.map((l) => !l.censored),
      level,
    );
    Object.defineProperty(out, k, { value: curve, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
