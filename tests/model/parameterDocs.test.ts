import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASELINE_CONFIG } from '../../src/model/baseline.js';
import { isDistributionLike, type Distribution } from '../../src/model/distributions.js';

/** A distribution's parameters in the order the docs write them: uniform(min, max), triangular(min, mode, max), ... */
function parametersOf(d: Distribution): number[] {
  switch (d.dist) {
    case 'uniform':
      return [d.min, d.max];
    case 'triangular':
      return [d.min, d.mode, d.max];
    case 'truncatedNormal':
      return [d.mean, d.sd, d.min, d.max];
    case 'beta':
      return [d.alpha, d.beta, d.min ?? 0, d.max ?? 1];
    case 'discrete':
      return [...d.values];
  }
}

/** Whether a number written with `shown`'s digits equals `value` to those digits. */
function matches(shown: string, value: number): boolean {
  const documented = Number(shown.replace(/ /g, ''));
  const digits = (shown.split('.')[1] ?? '').length;
  return Math.abs(documented - value) <= 0.5 * 10 ** -digits + 1e-12;
}

// docs/model.md, section 5, documents every parameter with its unit, range, default and source.
// This keeps it honest: every leaf of the baseline config (lists of regions, measure types and
// shocks are documented as lists) has a row, every row names a real parameter, a default written
// as a plain number equals the baseline's value to the digits shown, and a default that is a
// distribution is written as one, `uniform(0, 0.0225)`, with the baseline's kind and parameters.
const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
const section5 = doc.slice(doc.indexOf('\n## 5. Parameters'), doc.indexOf('\n## 6. '));
const rows = new Map<string, string[]>();
for (const line of section5.split('\n')) {
  const m = /^\| `([a-zA-Z.[\]]+)` \|/.exec(line);
  if (m === null) continue;
  rows.set(m[1]!, line.split('|').map((c) => c.trim()));
}

function leaves(value: unknown, path: string, out: Array<[string, unknown]>): Array<[string, unknown]> {
  if (Array.isArray(value)) return out;
  if (isDistributionLike(value)) {
    out.push([path, value]);
    return out;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
    return out;
  }
  out.push([path, value]);
  return out;
}

const params = leaves(BASELINE_CONFIG, '', []).filter(([p]) => !p.startsWith('burnInPolicy.') && p !== 'policy.name');

describe('docs/model.md documents every parameter', () => {
  it.each(params)('%s', (path, value) => {
    const row = rows.get(path);
    expect(row, `docs/model.md has a row for \`${path}\``).toBeDefined();
    const cells = row!;
    expect(cells.length, `${path}: meaning, unit, default and source`).toBeGreaterThanOrEqual(7);
    const shown = cells[4]!;
    if (typeof value === 'number' && /^-?[0-9][0-9 ]*(\.[0-9]+)?$/.test(shown)) {
      expect(matches(shown, value), `${path}: documented ${shown}, baseline ${value}`).toBe(true);
    }
    if (isDistributionLike(value)) {
      const d = value as unknown as Distribution;
      const m = /^(uniform|triangular|truncatedNormal|beta|discrete)\(([^)]*)\)$/.exec(shown);
      expect(m, `${path}: the baseline's default is a ${d.dist} distribution; document it as ${d.dist}(...), not ${shown}`).not.toBeNull();
      expect(m![1], `${path}: kind`).toBe(d.dist);
      const numbers = m![2]!.split(',').map((x) => x.trim());
      const expected = parametersOf(d);
      expect(numbers.length, `${path}: documented ${shown}, baseline ${JSON.stringify(d)}`).toBe(expected.length);
      numbers.forEach((x, k) => expect(matches(x, expected[k]!), `${path}: documented ${shown}, baseline ${JSON.stringify(d)}`).toBe(true));
    }
  });

  it('names no parameter the config does not have', () => {
    // Leaves, the objects and lists that hold them (documented as groups), and the policy's name.
    const known = new Set<string>(['policy.name']);
    for (const [p] of leaves(BASELINE_CONFIG, '', [])) for (let k = p.indexOf('.'); k >= 0; k = p.indexOf('.', k + 1)) known.add(p.slice(0, k));
    for (const [p] of params) known.add(p);
    for (const list of ['market.regions', 'market.measureTypes', 'market.shocks']) known.add(list);
    const stale = [...rows.keys()].filter((p) => /^(run|market|suppliers|behaviour|outcomes|effects|policy)\./.test(p) && !known.has(p) && !p.includes('[]'));
    expect(stale).toEqual([]);
  });
});
