import type { ShardState } from './shard.js';

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function isBuckets(x: unknown): boolean {
  return (
    Array.isArray(x) &&
    x.every((b) => Array.isArray(b) && b.length === 2 && Number.isSafeInteger(b[0]) && Number.isSafeInteger(b[1]) && (b[1] as number) > 0)
  );
}

/** Why a value is not one metric's totals over `runs` replications, or null if it is. */
function totalsProblem(t: unknown, runs: number): string | null {
  if (typeof t !== 'object' || t === null) return 'not an object';
  const v = t as Record<string, unknown>;
  if (v['n'] !== runs) return `counts ${String(v['n'])} runs where its ranges cover ${runs}`;
  for (const key of ['sum', 'sumOfSquares'] as const) {
    if (!Array.isArray(v[key]) || !(v[key] as unknown[]).every(isFiniteNumber)) return `${key} is not a list of finite numbers`;
  }
  if (!isFiniteNumber(v['min']) || !isFiniteNumber(v['max']) || (runs > 0 && (v['min'] as number) > (v['max'] as number))) return 'min or max is wrong';
  const sketch = v['sketch'] as Record<string, unknown> | null;
  if (typeof sketch !== 'object' || sketch === null || sketch['count'] !== runs) return 'its quantile sketch does not count its runs';
  if (!isFiniteNumber(sketch['accuracy']) || !isBuckets(sketch['positive']) || !isBuckets(sketch['negative']) || !Number.isSafeInteger(sketch['zeros'])) {
    return 'its quantile sketch is malformed';
  }
  const counted =
    (sketch['zeros'] as number) +
    [...(sketch['positive'] as Array<[number, number]>), ...(sketch['negative'] as Array<[number, number]>)].reduce((a, b) => a + b[1], 0);
  return counted === runs ? null : 'its quantile sketch does not add up to its runs';
}

/**
 * Checks that the totals inside a shard state (for example one read from a file) are well formed
 * and agree with the replications its ranges claim, so a damaged or edited file is refused with a
 * message instead of producing a wrong result or a crash. Returns the first problem, or null.
 * @example shardStateProblem(runShard(spec, 0, 10)) // null
 */
export function shardStateProblem(state: ShardState): string | null {
  const runs = state.ranges.reduce((a, [from, to]) => a + to - from, 0);
  for (const p of state.policies) {
    for (const [metric, t] of Object.entries(p.outcomes)) {
      const problem = totalsProblem(t, runs);
      if (problem !== null) return `policy "${p.name}", outcome ${metric}: ${problem}`;
    }
    if (p.differences !== null) {
      for (const [metric, t] of Object.entries(p.differences)) {
        const problem = totalsProblem(t, runs);
        if (problem !== null) return `policy "${p.name}", difference in ${metric}: ${problem}`;
        if (!Number.isSafeInteger(p.higher[metric as keyof typeof p.higher]) || !Number.isSafeInteger(p.lower[metric as keyof typeof p.lower])) {
          return `policy "${p.name}", ${metric}: counts of higher and lower replications are missing`;
        }
      }
    }
    if (p.series !== null) {
      for (const [metric, column] of Object.entries(p.series)) {
        if (!Array.isArray(column)) return `policy "${p.name}", series ${metric}: not a list`;
        for (const t of column) {
          const problem = totalsProblem(t, runs);
          if (problem !== null) return `policy "${p.name}", series ${metric}: ${problem}`;
        }
      }
    }
  }
  if (state.spec.rows && state.rows.length !== runs * state.policies.length * Object.keys(state.policies[0]?.outcomes ?? {}).length) {
    return `it holds ${state.rows.length} rows, not one per replication, policy and outcome`;
  }
  return null;
}
