import { describe, expect, it } from 'vitest';
import { narrative } from '../../src/report/narrative.js';
import { comparisonTable } from '../../src/report/table.js';
import { comparisonFixture } from '../helpers/comparisonFixture.js';

const text = (options: Parameters<typeof comparisonFixture>[0]) => narrative(comparisonTable(comparisonFixture(options)));
/** The narrative on one line per paragraph, so sentences can be matched whole. */
const paragraphs = (t: string) => t.trimEnd().split('\n\n');
/** A policy's paragraph after its leading cost sentence. */
const gains = (paragraph: string | undefined) => paragraph!.replace(/^\S+, first its costs: .*?\)\. /, '');

describe('narrative', () => {
  it('says how many paired runs over which horizon', () => {
    expect(paragraphs(text({ runs: 250, horizonYears: 10, policies: { a: {} } }))[0]).toBe(
      'From 250 paired runs over 10 years (each policy and today from the same burned-in markets, with the same random numbers), compared with today:',
    );
  });

  it('names a clear change with its size, direction and whether it is better', () => {
    const t = text({ baseline: { smallCohortSurvival: 0.25 }, policies: { riskSharing: { smallCohortSurvival: { change: 0.02, lower: 0.015, upper: 0.025 } } } });
    expect(gains(paragraphs(t)[1])).toBe('It clearly raises small-supplier survival after 12 years by 2.0 percentage points (better).');
  });

  it('gives other units with the change relative to the baseline', () => {
    const t = text({ baseline: { costPerParticipantWeek: 4000 }, policies: { p: { costPerParticipantWeek: { change: -100, lower: -120, upper: -80 } } } });
    expect(gains(paragraphs(t)[1])).toBe('It clearly lowers the buyer cost per participant-week by 100 NOK (2.5 %, better).');
  });

  it('says when nothing clearly changed', () => {
    expect(gains(paragraphs(text({ policies: { coCreation: {} } }))[1])).toBe('The model finds no clear change on any metric.');
  });

  it('names a trade-off: clearly better on one metric, clearly worse on another', () => {
    const t = text({
      baseline: { smallCohortSurvival: 0.25, costPerParticipantWeek: 4000 },
      policies: {
        lowerPriceWeight: {
          smallCohortSurvival: { change: 0.01, lower: 0.005, upper: 0.015 },
          costPerParticipantWeek: { change: 200, lower: 180, upper: 220 },
        },
      },
    });
    expect(gains(paragraphs(t)[1])).toBe(
      'It clearly raises the buyer cost per participant-week by 200 NOK (5.0 %, worse) and raises small-supplier survival after 12 years by 1.0 percentage points (better). ' +
        'Trade-off: it does clearly better on small-supplier survival after 12 years but clearly worse on the buyer cost per participant-week.',
    );
  });

  it('calls a change probable when most runs agree but the interval includes zero', () => {
    const t = text({ baseline: { top15Share: 0.5 }, policies: { p: { top15Share: { change: -0.01, lower: -0.03, upper: 0.01, higher: 0.2, lowerShare: 0.8 } } } });
    expect(gains(paragraphs(t)[1])).toBe(
      'The model finds no clear change on any metric. It probably lowers the top-15 share of payments (better, in 80 % of the runs), though the intervals include zero.',
    );
  });

  it('says that runs without variation tell nothing, instead of reporting no change', () => {
    const t = text({
      runs: 20,
      baseline: { smallCohortSurvival: 0.25, top15Share: 0.5 },
      policies: { p: { smallCohortSurvival: { change: 0, lower: 0, upper: 0, higher: 0, lowerShare: 0 }, hhi: { change: 0, lower: 0, upper: 0, higher: 0, lowerShare: 0 } } },
    });
    expect(gains(paragraphs(t)[1])).toBe(
      'The model finds no clear change on any metric. On the HHI and small-supplier survival after 12 years it gave exactly the same value as today in every run: no variation, so the runs cannot tell whether it does not act on them or acts too rarely to show in 20 runs.',
    );
    expect(paragraphs(t)[3]).toMatch(/"No variation" means the change was the same in all 20 runs: not a certain zero but no interval at all/);
    expect(text({ runs: 20, policies: { p: {} } })).not.toMatch(/variation/);
  });

  it('calls a change that was the same nonzero amount in every run probable, without an interval', () => {
    const t = text({ runs: 20, baseline: { top15Share: 0.5 }, policies: { p: { top15Share: { change: -0.01, lower: -0.01, upper: -0.01, higher: 0, lowerShare: 1 } } } });
    expect(gains(paragraphs(t)[1])).toBe(
      'The model finds no clear change on any metric. It probably lowers the top-15 share of payments (better, by the same amount in all 20 runs), though with no variation there is no interval.',
    );
  });

  it('mentions only the most-moved checkpoint of a cohort’s survival', () => {
    const t = text({
      baseline: { smallCohortSurvivalYear4: 0.5, smallCohortSurvival: 0.25 },
      policies: {
        p: {
          smallCohortSurvivalYear4: { change: 0.01, lower: 0.005, upper: 0.015 }, // 2 % of 0.5
          smallCohortSurvival: { change: 0.02, lower: 0.01, upper: 0.03 }, // 8 % of 0.25: the bigger move
        },
      },
    });
    expect(gains(paragraphs(t)[1])).toBe('It clearly raises small-supplier survival after 12 years by 2.0 percentage points (better).');
  });

  it('ranks clear changes by size relative to the baseline and counts those not named', () => {
    const t = text({
      baseline: { activeSuppliers: 100, hhi: 0.05, meanQuality: 0.5, transitionsPerYear: 1000 },
      policies: {
        p: {
          activeSuppliers: { change: 5, lower: 3, upper: 7 }, // 5 %
          hhi: { change: -0.01, lower: -0.012, upper: -0.008 }, // 20 %
          meanQuality: { change: 0.05, lower: 0.04, upper: 0.06 }, // 10 %
          transitionsPerYear: { change: 10, lower: 5, upper: 15 }, // 1 %
        },
      },
    });
    expect(gains(paragraphs(t)[1])).toBe(
      'It clearly lowers the HHI by 100 points (20 %, better), raises mean quality by 0.050 (10 %, better) and raises the number of active suppliers by 5.0 (5.0 %, better); 1 more clear change in the table.',
    );
  });

  it('names better or worse changes before those of a metric with no better direction', () => {
    const t = text({
      baseline: { meanMargin: 0.02, activeSuppliers: 100 },
      policies: { p: { meanMargin: { change: 0.01, lower: 0.005, upper: 0.015 }, activeSuppliers: { change: 2, lower: 1, upper: 3 } } },
    });
    // The margin moved 50 %, the suppliers 2 %, but only the suppliers' change is better or worse.
    expect(gains(paragraphs(t)[1])).toBe('It clearly raises the number of active suppliers by 2.0 (2.0 %, better) and raises the mean operating margin by 1.0 percentage points.');
  });

  it('counts the metrics of a long trade-off, every survival checkpoint included', () => {
    const up = { change: 0.01, lower: 0.005, upper: 0.015 };
    const t = text({
      baseline: { costPerParticipantWeek: 4000 },
      policies: {
        p: {
          smallCohortSurvivalYear4: up,
          smallCohortSurvivalYear8: up,
          smallCohortSurvival: up,
          meanQuality: up,
          costPerParticipantWeek: { change: 200, lower: 180, upper: 220 },
        },
      },
    });
    expect(gains(paragraphs(t)[1])).toMatch(/ Trade-off: it does clearly better on 4 metrics but clearly worse on the buyer cost per participant-week\.$/);
  });

  it('says which policies clearly beat the baseline most often and where none does', () => {
    const clear = { change: 0.1, lower: 0.05, upper: 0.15 };
    const t = text({
      policies: {
        one: { activeSuppliers: clear },
        two: { activeSuppliers: clear, meanQuality: clear },
        none: {},
      },
    });
    const summary = paragraphs(t)[4]!;
    expect(summary).toMatch(/^Most often clearly better than today at no clear extra cost \(of the 17 metrics with a better direction\): two on 2 and one on 1\. /);
    expect(summary).toMatch(/No policy clearly beats today on the number of suppliers holding an agreement, the top-15 share of payments, the HHI, .* and transitions to work\.$/);
    expect(summary).not.toMatch(/mean quality|active suppliers/);
  });

  it('says when no policy clearly beats the baseline', () => {
    expect(paragraphs(text({ policies: { a: {}, b: {} } }))[3]).toBe('No policy clearly beats today on any of the 17 metrics with a better direction.');
  });

  it('explains what "clearly" means at this number of runs, and that one run allows no intervals', () => {
    expect(text({ runs: 40, policies: { a: {} } })).toMatch(/at least 75 % of the 40 runs/);
    expect(text({ runs: 1, policies: { a: {} } })).toMatch(/With 1 run there are no intervals, so nothing is clear/);
  });

  it('changes with the numbers: nothing is written in advance', () => {
    const better = text({ baseline: { meanQuality: 0.6 }, policies: { p: { meanQuality: { change: 0.03, lower: 0.02, upper: 0.04 } } } });
    const worse = text({ baseline: { meanQuality: 0.6 }, policies: { p: { meanQuality: { change: -0.03, lower: -0.04, upper: -0.02 } } } });
    expect(better).toMatch(/It clearly raises mean quality by 0\.030 \(5\.0 %, better\)\./);
    expect(worse).toMatch(/It clearly lowers mean quality by 0\.030 \(5\.0 %, worse\)\./);
  });
});
