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

  it('takes the number 1 and the string "1" as the same seed, and stores it as text (issue 13, item 7)', () => {
    const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
    const a = simulate(small, 1);
    expect(a.seed).toBe('1');
    expect(JSON.stringify(simulate(small, '1'))).toBe(JSON.stringify(a));
    expect(simulate(small, -0).seed).toBe('0');
  });

  it('runs different markets for replication seeds whose 32-bit roots were equal (issue 13, item 7)', () => {
    const small = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
    expect(JSON.stringify(simulate(small, '1#82758').series)).not.toBe(JSON.stringify(simulate(small, '1#9029077').series));
  });
});
