// Writes docs/api-report.md: every public entry point's exports and signatures (scripts/apiReport.ts).
// Run after a deliberate change to the public API, review the diff, and commit it with the change.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiReport } from './apiReport.js';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const text = apiReport(root);
writeFileSync(`${root}/docs/api-report.md`, text);
console.log(`wrote docs/api-report.md: ${text.split('\n').length} lines`);
