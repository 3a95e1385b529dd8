import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';

describe('simulate', () => {
  it('returns the same bytes for the same config and seed', () => {
    const a = JSON.stringify(simulate({}, 42));
    const b = JSON.stringify(simulate({}, 42));
    expect(a).toBe(b);
  });

  it('returns a different result for a different seed', () => {
    const a = simulate({}, 42);
    const b = simulate({}, 43);
    expect(JSON.stringify(a.series)).not.toBe(JSON.stringify(b.series));
  });

  it('echoes the decoded config and the seed', () => {
    const r = simulate({ policy: { minimumVolumeShare: 0.3 } }, 'alpha');
    expect(r.seed).toBe('alpha');
    expect(r.config.policy.minimumVolumeShare).toBe(0.3);
    expect(r.config.policy.baseTermYears).toBe(3);
  });
});
