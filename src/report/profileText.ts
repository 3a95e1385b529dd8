import { OWNERSHIP_TYPES, SIZE_CLASSES } from '../model/enums.js';
import type { ClassCount, MarketProfile } from '../model/profile.js';
import { quantileSorted } from '../metrics/quantile.js';

/** Mean and 10-90 % range of one figure over the profiled markets. */
interface Spread {
  readonly mean: number;
  readonly p10: number;
  readonly p90: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { mean, p10: quantileSorted(sorted, 0.1), p90: quantileSorted(sorted, 0.9) };
}

const percent = (x: number): string => `${(100 * x).toFixed(1)} %`;
const count = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const shown = (s: Spread, f: (x: number) => string): string => `${f(s.mean)} (${f(s.p10)}-${f(s.p90)})`;

/** One class's row: operating suppliers and share, then those on agreements and share. */
function classRow(label: string, counts: readonly ClassCount[]): string[] {
  const of = (pick: (c: ClassCount) => number) => spread(counts.map(pick));
  return [
    label,
    shown(of((c) => c.operating), count),
    shown(of((c) => c.shareOfOperating), percent),
    shown(of((c) => c.onAgreements), count),
    shown(of((c) => c.shareOfOnAgreements), percent),
  ];
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, j) => Math.max(...rows.map((r) => r[j]!.length)));
  return rows.map((r) => `  ${r.map((c, j) => (j === 0 ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ')}`.trimEnd());
}

/**
 * Market profiles as text: the mean and 10-90 % range over the markets of each class's count and
 * share, operating and on agreements, by size, the report's dependence classes and ownership; then
 * the lots' sizes and the shares of suppliers too small for them.
 * @example console.log(formatProfiles([marketProfile(burnIn({}, 1)), marketProfile(burnIn({}, 2))]));
 */
export function formatProfiles(profiles: readonly MarketProfile[]): string {
  if (profiles.length === 0) return 'No market profiled.';
  const header = ['', 'operating', 'share', 'on agreements', 'share'];
  const all = classRow('all suppliers', profiles.map((p) => ({ operating: p.operating, onAgreements: p.onAgreements, shareOfOperating: 1, shareOfOnAgreements: 1 })));
  const rows: string[][] = [header, [all[0]!, all[1]!, '', all[3]!, '']];
  for (const size of SIZE_CLASSES) rows.push(classRow(`size: ${size}`, profiles.map((p) => p.bySize[size])));
  rows.push(classRow('small cohort (outcomes.smallCohort)', profiles.map((p) => p.smallCohort)));
  rows.push(classRow('main income (buyer > 40 % of revenue)', profiles.map((p) => p.byDependence.mainIncome)));
  rows.push(classRow('small share of revenue (<= 40 %, < 25 MNOK)', profiles.map((p) => p.byDependence.smallShareOfRevenue)));
  rows.push(classRow('<= 40 % of revenue but >= 25 MNOK', profiles.map((p) => p.byDependence.largeButNotDependent)));
  for (const owner of OWNERSHIP_TYPES) rows.push(classRow(`ownership: ${owner}`, profiles.map((p) => p.byOwnership[owner])));
  const reach = (pick: (p: MarketProfile) => number) => spread(profiles.map(pick));
  return [
    `The market when a policy starts (end of burn-in), ${profiles.length} market${profiles.length === 1 ? '' : 's'}: mean (10-90 % range).`,
    ...table(rows),
    '',
    `  a place of a median lot: ${shown(reach((p) => p.lotReach.medianPlace), count)} participant-weeks a period; the whole lot: ${shown(reach((p) => p.lotReach.medianLot), count)}`,
    `  too small for a median place, even growing: ${shown(reach((p) => p.lotReach.tooSmallForPlace), percent)} of operating suppliers`,
    `  too small to take a median lot alone, even growing: ${shown(reach((p) => p.lotReach.tooSmallForLot), percent)} of operating suppliers, ${shown(reach((p) => p.lotReach.smallTooSmallForLot), percent)} of small ones`,
  ].join('\n');
}
