import { describe, expect, it } from 'vitest';
import { narrative } from '../../src/report/narrative.js';
import { comparisonTable, UNSERVED_THRESHOLD } from '../../src/report/table.js';
import { tableCsv, TABLE_CSV_COLUMNS } from '../../src/report/tableCsv.js';
import { survivalCheckpoints, tableMetrics } from '../../src/report/tableMetrics.js';
import { changeDecimalsFor, formatChange, formatInterval, formatNumber, formatValue } from '../../src/report/tableNumbers.js';
import { formatTable } from '../../src/report/tableText.js';
import { comparisonFixture } from '../helpers/comparisonFixture.js';

describe('the table metrics', () => {
  it('show survival at 4, 8 and 12 years when within the horizon, and at its end', () => {
    expect(survivalCheckpoints(12)).toEqual([4, 8, 'end']);
    expect(survivalCheckpoints(20)).toEqual([4, 8, 12, 'end']);
    expect(survivalCheckpoints(8)).toEqual([4, 'end']);
    expect(survivalCheckpoints(3)).toEqual(['end']);
    const metrics = tableMetrics(12).map((m) => m.metric);
    expect(metrics).toEqual([
      'activeSuppliers', 'tenderedSuppliers', 'top15Share', 'hhi',
      'smallCohortSurvivalYear4', 'smallCohortSurvivalYear8', 'smallCohortSurvival',
      'nonProfitCohortSurvivalYear4', 'nonProfitCohortSurvivalYear8', 'nonProfitCohortSurvival',
      'meanMargin', 'lossShare',
      'unservedShare', 'buyerCostPerYear', 'costPerParticipantWeek', 'guaranteePaymentsPerYear',
      'meanQuality', 'transitionsPerYear',
    ]);
    expect(tableMetrics(20).find((m) => m.metric === 'smallCohortSurvival')?.label).toMatch(/after 20 years/);
  });
});

describe('comparisonTable', () => {
  const result = comparisonFixture({
    baseline: { smallCohortSurvival: 0.25, costPerParticipantWeek: 4600, meanMargin: 0.05 },
    policies: {
      guarantee: {
        smallCohortSurvival: { change: 0.02, lower: 0.015, upper: 0.025 }, // higher is better: clearly better
        costPerParticipantWeek: { change: 40, lower: 30, upper: 50 }, // lower is better: clearly worse
        meanMargin: { change: 0.01, lower: 0.005, upper: 0.015 }, // no better direction
        top15Share: { change: -0.01, lower: -0.02, upper: 0.001, higher: 0.1, lowerShare: 0.8 }, // probably lower
      },
      cheaper: { costPerParticipantWeek: { change: -100, lower: -110, upper: -90 } },
    },
  });
  const table = comparisonTable(result);
  const row = (m: string) => table.rows.find((r) => r.metric === m)!;

  it('marks a change clearly better only when the whole interval is on the better side', () => {
    const survival = row('smallCohortSurvival');
    expect(survival.baseline).toBe(0.25);
    expect(survival.cells[0]).toMatchObject({ policy: 'guarantee', value: 0.27, change: 0.02, certainty: 'clear', judgement: 'better', clearlyBetter: true });
    expect(survival.cells[1]).toMatchObject({ certainty: 'none', judgement: null, clearlyBetter: false });
    expect(survival.clearlyBetter).toEqual(['guarantee']);
    const cost = row('costPerParticipantWeek');
    expect(cost.cells[0]).toMatchObject({ certainty: 'clear', judgement: 'worse', clearlyBetter: false });
    expect(cost.clearlyBetter).toEqual(['cheaper']);
  });

  it('never judges a metric with no better direction', () => {
    expect(row('meanMargin').cells[0]).toMatchObject({ certainty: 'clear', direction: 'higher', judgement: null, clearlyBetter: false });
    expect(row('meanMargin').clearlyBetter).toEqual([]);
  });

  it('calls a change probable when its interval includes zero but 75 % of runs move its way', () => {
    expect(row('top15Share').cells[0]).toMatchObject({ certainty: 'probable', direction: 'lower', judgement: 'better', clearlyBetter: false });
  });

  it('has no interval, and nothing clear, for a change that was the same in every run', () => {
    // A 0/1 outcome whose event happened in none of 20 runs under either policy: a zero-width "interval" [0, 0] would read as certainty.
    const none = comparisonTable(
      comparisonFixture({
        runs: 20,
        policies: {
          p: {
            smallCohortSurvival: { change: 0, lower: 0, upper: 0, higher: 0, lowerShare: 0 },
            activeSuppliers: { change: 2, lower: 2, upper: 2, higher: 1, lowerShare: 0 },
          },
        },
      }),
    );
    const cell = (m: string) => none.rows.find((r) => r.metric === m)!.cells[0]!;
    expect(cell('smallCohortSurvival')).toMatchObject({ lower: null, upper: null, noVariation: true, direction: 'none', certainty: 'none', clearlyBetter: false });
    expect(cell('activeSuppliers')).toMatchObject({ lower: null, upper: null, noVariation: true, direction: 'higher', certainty: 'probable', clearlyBetter: false });
    expect(cell('top15Share')).toMatchObject({ lower: -1, upper: 1, noVariation: false });
  });

  it('has no interval and nothing clear with one run', () => {
    const one = comparisonTable(comparisonFixture({ runs: 1, policies: { p: { activeSuppliers: { change: 5, lower: 5, upper: 5 } } } }));
    expect(one.rows[0]!.cells[0]).toMatchObject({ lower: null, upper: null, certainty: 'probable', clearlyBetter: false });
  });

  it('names policies by their chapter-5 titles and refuses a result without compared policies', () => {
    const named = comparisonTable(comparisonFixture({ policies: { riskSharing: {} } }));
    expect(named.policies.map((p) => [p.name, p.title])).toEqual([['riskSharing', 'Risk sharing: a minimum-volume guarantee']]);
    expect(named.baseline.title).toBe('Today’s policy');
    expect(() => comparisonTable({ ...result, policies: result.policies.slice(0, 1), differences: {} })).toThrow(/compares no policy/);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });
});

describe('what a policy costs', () => {
  const costs = (changes: Parameters<typeof comparisonFixture>[0]['policies'][string], baseline = {}) =>
    comparisonTable(comparisonFixture({ baseline, policies: { p: changes } })).policies[0]!.costs;

  it('flags a policy that clearly costs the buyer more, per year or per participant-week', () => {
    expect(costs({}).costsTheBuyerMore).toBe(false);
    expect(costs({ buyerCostPerYear: { change: 1e8, lower: 5e7, upper: 1.5e8 } }).costsTheBuyerMore).toBe(true);
    expect(costs({ costPerParticipantWeek: { change: 40, lower: 30, upper: 50 } }).costsTheBuyerMore).toBe(true);
    // An interval that reaches zero is not "clearly".
    expect(costs({ costPerParticipantWeek: { change: 40, lower: -1, upper: 81 } }).costsTheBuyerMore).toBe(false);
  });

  it('flags unserved demand that rises by more than the threshold, whatever the interval', () => {
    expect(UNSERVED_THRESHOLD).toBe(0.005);
    expect(costs({ unservedShare: { change: 0.005, lower: 0.004, upper: 0.006 } }).leavesDemandUnserved).toBe(false);
    const c = costs({ unservedShare: { change: 0.0051, lower: -0.01, upper: 0.02 } }, { unservedShare: 0.008 });
    expect(c).toMatchObject({ leavesDemandUnserved: true, unservedShare: 0.0131, unservedShareChange: 0.0051 });
  });

  it('carries the guarantee payments and the cost changes with their intervals', () => {
    const c = costs({ guaranteePaymentsPerYear: { change: 2e8, lower: 1e8, upper: 3e8 }, buyerCostPerYear: { change: -1e7, lower: -2e7, upper: 0 } }, { guaranteePaymentsPerYear: 0 });
    expect(c).toMatchObject({ guaranteePaymentsPerYear: 2e8, buyerCostPerYearChange: -1e7, buyerCostPerYearLower: -2e7, buyerCostPerYearUpper: 0, costsTheBuyerMore: false });
  });

  it('never calls a policy simply better in the narrative when its gains cost something', () => {
    const clear = { change: 0.1, lower: 0.05, upper: 0.15 };
    const t = narrative(
      comparisonTable(
        comparisonFixture({
          policies: {
            free: { activeSuppliers: clear },
            dear: { activeSuppliers: clear, meanQuality: clear, costPerParticipantWeek: { change: 40, lower: 30, upper: 50 } },
            empty: { activeSuppliers: clear, meanQuality: clear, smallCohortSurvival: clear, unservedShare: { change: 0.02, lower: 0.01, upper: 0.03 } },
          },
        }),
      ),
    );
    expect(t).toMatch(/^dear, first its costs: it clearly costs the buyer more \(\+40 NOK per participant-week/m);
    expect(t).toMatch(/^empty, first its costs: .*it leaves more demand unserved \(\+2\.00 pp, above the \+0\.5 pp threshold/m);
    expect(t).toMatch(/Most often clearly better than today at no clear extra cost \(of the 17 metrics with a better direction\): free on 1\./);
    expect(t).toMatch(/Clearly better on some metrics but at a price: empty on 3 \(clearly worse on 1\), but it leaves demand unserved and dear on 2 \(clearly worse on 1\), but it costs the buyer more\./);
  });
});

describe('assumed versus modelled changes', () => {
  const clear = { change: 0.1, lower: 0.05, upper: 0.15 };
  const lever = { path: 'effects.employerInsight.workRateGain', provenance: 'assumption' as const, source: 's', baseline: 0, policy: 0.01, size: 0.01 };
  const transitions = ['transitionsPerYear', 'additionalTransitionsPerYear', 'transitionValuePerYear'] as const;
  const result = comparisonFixture({
    policies: { soft: { transitionsPerYear: clear }, mixed: { transitionsPerYear: clear, activeSuppliers: clear }, hard: { activeSuppliers: clear } },
    inputs: {
      soft: { assumed: [lever], modelled: [], assumedReach: [...transitions] },
      mixed: { assumed: [lever], modelled: ['policy.lotSplit'], assumedReach: [...transitions] },
      hard: { assumed: [], modelled: ['policy.lotSplit'], assumedReach: [] },
    },
  });
  const table = comparisonTable(result);
  const cell = (metric: string, policy: string) => table.rows.find((r) => r.metric === metric)!.cells.find((c) => c.policy === policy)!;

  it('marks a change only assumed sizes reach as assumed, with no ✓', () => {
    expect(cell('transitionsPerYear', 'soft')).toMatchObject({ basis: 'assumed', certainty: 'clear', judgement: 'better', clearlyBetter: false });
    expect(table.rows.find((r) => r.metric === 'transitionsPerYear')!.clearlyBetter).toEqual(['mixed']);
    expect(cell('activeSuppliers', 'soft').basis).toBe('unchanged');
  });

  it('marks a change both reach as partly assumed, and keeps its verdict', () => {
    expect(cell('transitionsPerYear', 'mixed')).toMatchObject({ basis: 'partlyAssumed', clearlyBetter: true });
    expect(cell('activeSuppliers', 'mixed')).toMatchObject({ basis: 'modelled', clearlyBetter: true });
    expect(cell('activeSuppliers', 'hard').basis).toBe('modelled');
  });

  it('shows a size drawn from a distribution as that distribution, with its mean effect', () => {
    const drawn = { ...lever, size: { dist: 'uniform' as const, min: 0, max: 0.02 } };
    const t = comparisonTable(comparisonFixture({ policies: { soft: {} }, inputs: { soft: { assumed: [drawn], modelled: [], assumedReach: [...transitions] } } }));
    expect(formatTable(t)).toMatch(/^ +sets \(assumption\): employerInsight\.workRateGain ~ uniform\(0, 0\.02\), mean 0\.0100$/m);
  });

  it('says so in the table, its legend and the narrative', () => {
    const text = formatTable(table);
    expect(text).toMatch(/^ {2}soft +.*\[\+0\.0?5, \+0\.15?\] +assumed$/m);
    expect(text).toMatch(/^ {2}mixed +.*\] +✓ partly assumed$/m);
    expect(text).toMatch(/^ +sets \(assumption\): employerInsight\.workRateGain 0\.0100$/m);
    const story = narrative(table);
    expect(story).toMatch(/The model finds no clear change of its own on any metric\. By assumption, not as a finding \(only the effect sizes it sets reach this metric\), it raises transitions to work by 0\.10 a year/);
    expect(story).toMatch(/Most often clearly better than today at no clear extra cost \(of the 17 metrics with a better direction\): mixed on 2 and hard on 1\./);
  });
});

describe('numbers as shown', () => {
  it('uses a real minus, signs changes, groups large numbers, and shows which side of zero a tiny change is on', () => {
    expect(formatNumber(-1234.5, 1, true)).toBe('−1234.5');
    expect(formatNumber(2_760_120, 0)).toBe('2 760 120');
    expect(formatNumber(0, 1, true)).toBe('0.0');
    expect(formatNumber(0.04, 1, true)).toBe('+0.0');
    expect(formatNumber(-0.04, 1, true)).toBe('−0.0');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(3, 0, true)).toBe('+3');
  });
  it('shows shares as %, changes of shares in percentage points, the HHI on 0-10 000', () => {
    expect(formatValue(0.621, 'percent')).toBe('62.1 %');
    expect(formatChange(-0.032, 'percent')).toBe('−3.2 pp');
    expect(formatInterval(-0.04, -0.024, 'percent')).toBe('[−4.0, −2.4]');
    expect(formatValue(0.0328, 'hhiPoints')).toBe('328');
    expect(formatValue(4601.3, 'nok')).toBe('4601 NOK');
    expect(formatInterval(null, null, 'nok')).toBe('n/a');
  });
  it('adds decimals to changes when intervals are narrow, at most two', () => {
    expect(changeDecimalsFor('percent', [0.01])).toBe(1);
    expect(changeDecimalsFor('percent', [0.0004, 0.01])).toBe(2);
    expect(changeDecimalsFor('percent', [1e-9])).toBe(3);
    expect(changeDecimalsFor('nok', [0, 0])).toBe(0);
  });
});

describe('formatTable', () => {
  const text = formatTable(
    comparisonTable(
      comparisonFixture({
        baseline: { smallCohortSurvival: 0.25, costPerParticipantWeek: 4600 },
        policies: {
          riskSharing: { smallCohortSurvival: { change: 0.02, lower: 0.015, upper: 0.025 }, costPerParticipantWeek: { change: 40, lower: 30, upper: 50 } },
          smallerContracts: {},
        },
      }),
    ),
  );
  const lines = text.split('\n');

  it('shows value, change, interval and a mark per policy, and who clearly beats the baseline', () => {
    expect(text).toMatch(/^2 policies against today’s policy \(today\): 100 paired runs, 12-year horizon, seed 7$/m);
    expect(lines).toContain('Small suppliers (cohort at the start) still operating after 12 years (higher is better)');
    const at = lines.indexOf('Small suppliers (cohort at the start) still operating after 12 years (higher is better)');
    expect(lines[at + 1]).toMatch(/^ {2}today +25\.0 %$/);
    expect(lines[at + 2]).toMatch(/^ {2}riskSharing +27\.0 % +\+2\.0 pp +\[\+1\.5, \+2\.5\] +✓$/);
    expect(lines[at + 3]).toMatch(/^ {2}smallerContracts +25\.0 % +0\.0 pp +\[−100\.0, \+100\.0\]$/);
    // Its gain costs the buyer more (+40 NOK per participant-week, clearly): never simply "better".
    expect(lines[at + 4]).toBe('  clearly better than today: riskSharing (but costs the buyer more)');
    expect(text).toMatch(/^ {2}riskSharing +4640 NOK +\+40 NOK +\[\+30, \+50\] +✗$/m);
    expect(text).toMatch(/^ {2}not judged: no direction is better$/m);
  });

  it('prints "no variation in N runs" where the change was the same in every run, and says what it means', () => {
    const table = formatTable(
      comparisonTable(comparisonFixture({ runs: 20, policies: { p: { smallCohortSurvival: { change: 0, lower: 0, upper: 0, higher: 0, lowerShare: 0 } } } })),
    );
    expect(table).toMatch(/^ {2}p +100\.0 % +0\.0 pp +no variation in 20 runs$/m);
    expect(table).not.toMatch(/\[\+?0\.0, \+?0\.0\]/);
    expect(table).toContain('no variation: the same change in every run, so no interval: the policy may not act on the metric, or a rare change has not shown yet.');
    expect(text).not.toContain('no variation');
  });

  it('lines the columns up across blocks', () => {
    const cells = lines.filter((l) => /^ {2}(riskSharing|smallerContracts) .*\[/.test(l));
    expect(cells).toHaveLength(2 * 18);
    const intervalStart = new Set(cells.map((l) => l.search(/\[/)));
    expect(intervalStart.size).toBe(1);
  });
});

describe('tableCsv', () => {
  it('has one line per metric and policy, the baseline first, numbers unrounded', () => {
    const table = comparisonTable(comparisonFixture({ policies: { a: { hhi: { change: -0.001, lower: -0.002, upper: -0.0005 } }, b: {} } }));
    const lines = tableCsv(table).trimEnd().split('\n');
    expect(lines[0]).toBe(TABLE_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + table.rows.length * 3);
    const hhi = lines.filter((l) => l.startsWith('hhi,'));
    expect(hhi[0]).toBe('hhi,"HHI of payments, last year (0-10 000)",index 0-1,lower,today,true,1,,,,,,,,,');
    expect(hhi[1]).toBe('hhi,"HHI of payments, last year (0-10 000)",index 0-1,lower,a,false,0.999,-0.001,-0.002,-0.0005,false,0.9,clear,better,true,unknown');
  });

  it('leaves the interval empty and says no_variation where the change was the same in every run', () => {
    const table = comparisonTable(comparisonFixture({ runs: 20, policies: { a: { hhi: { change: 0, lower: 0, upper: 0, higher: 0, lowerShare: 0 } } } }));
    const hhi = tableCsv(table).split('\n').filter((l) => l.startsWith('hhi,'));
    expect(hhi[1]).toBe('hhi,"HHI of payments, last year (0-10 000)",index 0-1,lower,a,false,1,0,,,true,0,none,,false,unknown');
  });

  it('escapes policy names a spreadsheet would run as a formula, not negative numbers', () => {
    const table = comparisonTable(comparisonFixture({ policies: { '=1+1': { hhi: { change: -0.001, lower: -0.002, upper: -0.0005 } }, '@A1': {}, '-x': {} } }));
    const hhi = tableCsv(table).split('\n').filter((l) => l.startsWith('hhi,'));
    expect(hhi[1]).toBe(`hhi,"HHI of payments, last year (0-10 000)",index 0-1,lower,"'=1+1",false,0.999,-0.001,-0.002,-0.0005,false,0.9,clear,better,true,unknown`);
    expect(hhi[2]).toMatch(/^hhi,.*,"'@A1",false,1,0,-1,1,/);
    expect(hhi[3]).toMatch(/^hhi,.*,"'-x",false,/);
  });
});
