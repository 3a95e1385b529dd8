/**
 * Per-supplier histories: off by default and changing no number when on; every supplier of the
 * horizon once, with counts that add up to the run's own figures.
 */
import { describe, expect, it } from 'vitest';
import { burnIn, simulate } from '../../src/simulate.js';
import { supplierSurvival } from '../../src/analysis/supplierSurvival.js';
import { supplierHistories } from '../../src/experiment/supplierHistories.js';
import { compare } from '../../src/experiment/compare.js';
import { kaplanMeierChart } from '../../src/report/kaplanMeierChart.js';

const small = { run: { burnInYears: 2, horizonYears: 3 }, suppliers: { initialCount: 80 } };

describe('supplier histories', () => {
  const plain = simulate(small, 5);
  const withLives = simulate(small, 5, { suppliers: true });
  const lives = withLives.suppliers!;

  it('are off by default, and on they change no number of the run', () => {
    expect('suppliers' in plain).toBe(false);
    const { suppliers: _s, ...rest } = withLives;
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
  });

  it('hold every supplier operating at the start once, and the cohort counts agree with the outcomes', () => {
    expect(new Set(lives.map((l) => l.id)).size).toBe(lives.length);
    const atStart = lives.filter((l) => l.atStart);
    const small0 = atStart.filter((l) => l.smallCohort);
    expect(lives.filter((l) => l.smallCohort).every((l) => l.atStart)).toBe(true);
    expect(small0.length).toBe(withLives.outcomes.smallCohortSize);
    const smallSurvivors = small0.filter((l) => l.censored).length;
    expect(smallSurvivors / small0.length).toBeCloseTo(withLives.outcomes.smallCohortSurvival, 12);
    const entrants = lives.filter((l) => !l.atStart);
    for (const e of entrants) expect(e.entryPeriod).toBeGreaterThanOrEqual(1);
    for (const e of entrants) expect(e.entryPeriod).toBeLessThan(withLives.horizonPeriods);
    for (const a of atStart) expect(a.entryPeriod).toBeLessThanOrEqual(0);
  });

  it('exits, causes, censoring and observed times are consistent', () => {
    const H = withLives.horizonPeriods;
    for (const l of lives) {
      expect(l.censored).toBe(l.exitPeriod === null);
      expect(l.exitCause === null).toBe(l.censored);
      const from = Math.max(0, l.entryPeriod);
      expect(l.periodsObserved).toBe(l.censored ? H - from : l.exitPeriod! + 1 - from);
      expect(l.periodsObserved).toBeGreaterThanOrEqual(1);
      expect(l.sizeByYear.length).toBeLessThanOrEqual(withLives.config.run.horizonYears);
      if (l.censored && l.atStart) expect(l.sizeByYear).toHaveLength(withLives.config.run.horizonYears);
      expect(l.tendersBid).toBeGreaterThanOrEqual(0);
      expect(l.placesWon).toBeGreaterThanOrEqual(0);
    }
    const exits = lives.filter((l) => !l.censored).length;
    expect(exits).toBe(withLives.ledger.exits - plainBurnInExits());
    expect(lives.reduce((a, l) => a + l.placesWon, 0)).toBeGreaterThan(0);
  });

  /** Exits during burn-in: the ledger counts the whole run; lives only the horizon. */
  function plainBurnInExits(): number {
    return burnIn(small, 5).state.ledger.exits;
  }

  it('supplierHistories gives replication i the same run as replication i of a comparison', async () => {
    const rows = supplierHistories(small, { runs: 2, seed: 9 });
    const r = await compare(small, {}, { runs: 2, seed: 9, rows: true, series: false });
    for (const i of [0, 1]) {
      const mine = rows.filter((row) => row.replication === i && row.smallCohort);
      const size = r.rows!.find((row) => row.replication === i && row.metric === 'smallCohortSize')!.value;
      expect(mine.length).toBe(size);
    }
  });

  it('supplierSurvival groups them and its last survival matches the cohort outcome; the chart is a spec', () => {
    const byCohort = supplierSurvival(lives, 'smallCohort');
    expect(Object.keys(byCohort).sort()).toEqual(['entrant', 'other at start', 'small cohort']);
    const smallCurve = byCohort['small cohort']!;
    expect(smallCurve.steps.at(-1)!.survival).toBeCloseTo(withLives.outcomes.smallCohortSurvival, 12);
    const byOwner = supplierSurvival(lives, 'ownership');
    expect(Object.values(byOwner).reduce((a, c) => a + c.n, 0)).toBe(lives.length);
    const spec = kaplanMeierChart(byOwner) as unknown as { data: { values: Array<{ group: string }> }; layer: unknown[] };
    expect(spec.layer).toHaveLength(2);
    expect(new Set(spec.data.values.map((v) => v.group))).toEqual(new Set(Object.keys(byOwner)));
  });
});
