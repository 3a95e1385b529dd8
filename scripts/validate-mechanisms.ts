/**
 * Each mechanism in isolation, as docs/validation.md reports it:
 *
 *   npx tsx scripts/validate-mechanisms.ts [--runs 60] [--seed validation]
 *
 * For every check in tests/validation/mechanismChecks.ts: the paired change its policy or
 * parameter change makes in the baseline world, with a 95 % interval, and where a carrying
 * mechanism is named, the same change in a world with that mechanism switched off. Prints a
 * Markdown table. About two minutes at 60 runs.
 */
import { MECHANISM_CHECKS, runCheck, type CheckResult } from '../tests/validation/mechanismChecks.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}
const runs = Number(option('runs', '60'));
const seed = option('seed', 'validation');

const fmt = (x: number) => (Math.abs(x) >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : Math.abs(x) >= 10 ? x.toFixed(1) : x.toPrecision(3));
const cell = (r: CheckResult) => `${fmt(r.mean)} [${fmt(r.lower)}, ${fmt(r.upper)}]`;

console.log(`| mechanism | claim | outcome | expected | paired change, 95 % interval | mechanism off | change with it off |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
for (const check of MECHANISM_CHECKS) {
  const on = await runCheck(check, {}, runs, seed);
  const holds = check.direction === 'up' ? on.lower > 0 : on.upper < 0;
  const off = check.off === undefined ? null : await runCheck(check, check.off.world, runs, seed);
  console.log(
    `| ${check.mechanism} | ${check.claim} | \`${check.metric}\` | ${check.direction} | ${cell(on)}${holds ? ' ✓' : ' ✗'} | ${check.off?.what ?? ''} | ${off === null ? '' : cell(off)} |`,
  );
}
console.log(`\n${runs} paired runs per row, seed "${seed}".`);
