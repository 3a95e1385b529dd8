import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_TARGETS, checkFit, BASELINE_PARAMETERS, applyParameters } from '../../src/calibration/index.js';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import { parseConfig } from '../../src/model/decode.js';
import { CALIBRATED_VALUES } from '../../src/model/baseline.js';

// The shipped baseline against every calibration target, on seeds the fit never saw.
const RUNS = 240;

/**
 * Targets the fit does not meet (docs/calibration.md, section 4): with lots of the assumed size the
 * market holds fewer suppliers on agreements than the 406 counted; and foreign groups, present in
 * every region and measure type, spread their utilisation risk furthest and win more than their
 * 14 % of 2018's private payments. The list is exact: the test fails when one of these becomes met
 * or another target is missed, and each must stay within four tolerances of its target.
 */
const KNOWN_MISFITS = ['tenderedSuppliers', 'foreignGroupPaymentShare'];

describe('the shipped baseline is calibrated', () => {
  it(`meets every target within its tolerance over ${RUNS} runs`, async () => {
    const fit = await checkFit({}, BASELINE_TARGETS, { runs: RUNS, seed: 'shipped-baseline-check' });
    for (const row of fit) {
      const target = row.range !== null ? `[${row.range.join(', ')}]` : String(row.value);
      const known = KNOWN_MISFITS.includes(row.metric);
      expect(row.met, `${row.metric}: fitted ${row.fitted} (se ${row.se}) against ${target} ± ${row.tolerance}`).toBe(!known);
      if (known) expect(row.distance, `${row.metric} within four tolerances`).toBeLessThanOrEqual(4 * row.tolerance);
      // The Monte Carlo error is small next to the tolerance, so "met" is not luck of the seeds.
      expect(row.se).toBeLessThan(row.tolerance / 4);
    }
  }, 120_000);

  it('carries the fitted values: applying them to the baseline changes nothing', () => {
    expect(parseConfig(applyParameters({}, BASELINE_PARAMETERS, CALIBRATED_VALUES))).toEqual(BASELINE_CONFIG);
  });

  it('docs/calibration.md states the same targets and tolerances as BASELINE_TARGETS', () => {
    const doc = readFileSync(new URL('../../docs/calibration.md', import.meta.url), 'utf8');
    for (const t of BASELINE_TARGETS) {
      const name = typeof t.metric === 'string' ? t.metric : t.metric.name;
      // The fit table (section 4), the last table with a row per moment.
      const line = doc.split('\n').reverse().find((l) => l.startsWith(`| ${name} |`));
      expect(line, `docs/calibration.md has a row for ${name}`).toBeDefined();
      const cells = line!.split('|').map((c) => c.trim());
      const number = (text: string) => Number(text.replace(/[^0-9.eE+-]/g, ''));
      expect(number(cells[3]!), `${name} tolerance in the docs`).toBeCloseTo(t.tolerance / (name === 'buyerCostPerYear' ? 1e9 : 1), 6);
    }
  });
});
