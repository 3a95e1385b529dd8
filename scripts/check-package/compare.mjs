// Compares a probe result from another runtime with Node's. Usage:
//   node compare.mjs <node.json> <other.json> <label>
// The same config and seed give byte-identical results on one JavaScript engine; across engines
// only up to rounding, since Math.exp, Math.log, Math.pow etc. may differ in the last bit (Deno's
// V8, for one, computes them differently from Node's; docs/cluster.md says so). So: the same
// shape, and every number within a relative 1e-9 of Node's. A real divergence (another branch
// taken, a bundling bug) moves numbers far more than that. Counts (whole numbers of 2 or more:
// suppliers, entries, exits, periods) must be equal: a count that moves means another branch.
import { readFileSync } from 'node:fs';

const [referencePath, otherPath, label] = process.argv.slice(2);
const reference = JSON.parse(readFileSync(referencePath, 'utf8'));
const other = JSON.parse(readFileSync(otherPath, 'utf8'));
const TOLERANCE = 1e-9;
let worst = { relative: 0, path: '' };
let differing = 0;
let numbers = 0;
const problems = [];

function walk(a, b, path) {
  if (typeof a === 'number' && typeof b === 'number') {
    numbers++;
    if (a === b) return;
    differing++;
    if ((Number.isInteger(a) && Math.abs(a) >= 2) || (Number.isInteger(b) && Math.abs(b) >= 2)) {
      problems.push(`${path}: a count, Node ${a}, ${label} ${b}`);
      return;
    }
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (relative > worst.relative) worst = { relative, path };
    if (!(relative <= TOLERANCE)) problems.push(`${path}: Node ${a}, ${label} ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((v, i) => walk(v, b[i], `${path}[${i}]`));
  } else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    if (keys.join() !== Object.keys(b).join()) problems.push(`${path}: keys differ`);
    else for (const k of keys) walk(a[k], b[k], `${path}.${k}`);
  } else if (a !== b) {
    problems.push(`${path}: Node ${JSON.stringify(a)}, ${label} ${JSON.stringify(b)}`);
  }
}

walk(reference, other, 'result');
if (problems.length > 0) {
  console.error(`${label} differs from Node beyond rounding:\n  ${problems.slice(0, 10).join('\n  ')}`);
  process.exit(1);
}
console.log(
  differing === 0
    ? `${label}: identical to Node, byte for byte`
    : `${label}: ${differing} of ${numbers} numbers (${((100 * differing) / numbers).toFixed(1)} %) differ from Node in the last bits, no count (largest relative difference ${worst.relative.toExponential(1)}, at ${worst.path})`,
);
