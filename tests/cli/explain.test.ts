import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Explanation } from '../../src/experiment/explain.js';
import { MECHANISMS } from '../../src/model/mechanisms.js';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fas-explain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tiny = join(dir, 'tiny.json');
writeFileSync(tiny, JSON.stringify({ run: { burnInYears: 1, horizonYears: 2 }, suppliers: { initialCount: 80 } }));

describe('explain', () => {
  it('prints per outcome the effect and each mechanism’s part, and as JSON the same numbers', async () => {
    const args = ['explain', '--policy', 'smallerContracts', '--config', tiny, '--runs', '2', '--workers', '1', '--metrics', 'tenderedSuppliers'];
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Where the effect of smallerContracts comes from: 2 paired runs, seed 2026$/m);
    expect(r.stdout).toMatch(/^Suppliers holding an agreement at the end: effect /m);
    for (const m of MECHANISMS) expect(r.stdout).toMatch(new RegExp(`^  ${m.name} +\\S`, 'm'));
    const json = await cli(...args, '--json');
    const e = JSON.parse(json.stdout) as Explanation;
    expect(e.kind).toBe('framework-agreement-sim/explanation');
    expect(r.stdout).toContain(`effect ${e.effect['tenderedSuppliers']!.mean > 0 ? '+' : ''}`);
  });

  it('refuses a missing or unknown policy, several policies and unknown outcomes with one line and exit code 2', async () => {
    for (const [args, message] of [
      [[], /explain needs --policy <name>/],
      [['--policy', 'smallerContract'], /unknown policy "smallerContract" \(did you mean "smallerContracts"\?\)/],
      [['--policy', 'riskSharing,smallerContracts'], /--policy takes one name/],
      [['--policy', 'riskSharing', '--metrics', 'hhi,nope'], /--metrics: no outcome is named "nope"/],
    ] as const) {
      const r = await cli('explain', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('has help', async () => {
    const r = await cli('explain', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: framework-agreement-sim explain --policy <name>/);
  });
});
