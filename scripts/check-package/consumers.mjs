// Writes tiny TypeScript consumer projects of the packed package into <app dir>/ts-*, one per
// module setting a user might have, each importing every entry point of the packed package's
// "exports" map. Usage: node consumers.mjs <app dir>; then `tsc -p <app dir>/ts-<flavour>`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const app = process.argv[2];
const pkg = JSON.parse(readFileSync(join(app, 'node_modules/framework-agreement-sim/package.json'), 'utf8'));
const specifiers = Object.keys(pkg.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));

// skipLibCheck is off where it matters (it would hide an error inside our .d.ts / .d.cts files,
// such as a name they use but do not import) and on for bundler, which reads the same .d.ts files
// as node16-esm: checking every declaration file (vega's, fast-check's, Node's) takes seconds.
const strict = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022' };
const flavours = {
  // Node's own resolution, as an ES module (package.json "type": "module") and as CommonJS.
  'node16-esm': { type: 'module', options: { module: 'node16', moduleResolution: 'node16', types: ['node'] }, entries: specifiers },
  'node16-cjs': { type: 'commonjs', options: { module: 'node16', moduleResolution: 'node16', types: ['node'] }, entries: specifiers },
  // Vite, esbuild, webpack and friends.
  bundler: { type: 'module', options: { module: 'esnext', moduleResolution: 'bundler', types: ['node'], skipLibCheck: true }, entries: specifiers },
  // A browser app without @types/node: the core's declarations must not need Node's types.
  'browser-core': { type: 'module', options: { module: 'esnext', moduleResolution: 'bundler', types: [], lib: ['ES2022', 'DOM'] }, entries: [pkg.name] },
};

for (const [name, flavour] of Object.entries(flavours)) {
  const dir = join(app, `ts-${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: flavour.type }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...strict, ...flavour.options }, files: ['consumer.ts'] }, null, 2));
  const lines = [
    `import { simulate, type ConfigInput, type SimulationResult } from '${pkg.name}';`,
    ...flavour.entries.map((s, i) => `import * as entry${i} from '${s}';`),
    '',
    "const input: ConfigInput = { run: { burnInYears: 1, horizonYears: 1 }, policy: { minimumVolumeShare: 0.3 } };",
    'const result: SimulationResult = simulate(input, 1);',
    'export const hhi: number = result.outcomes.hhi;',
    '// @ts-expect-error: the config type is precise, so an unknown policy field is an error.',
    'export const wrong: ConfigInput = { policy: { noSuchLever: 1 } };',
    ...flavour.entries.flatMap((s, i) => [
      `// @ts-expect-error: ${s} has types (not any), so an unknown export is an error.`,
      `export const missing${i} = entry${i}.noSuchExport;`,
      `export const names${i}: string[] = Object.keys(entry${i});`,
    ]),
    '',
  ];
  writeFileSync(join(dir, 'consumer.ts'), lines.join('\n'));
}
console.log(`consumers of ${specifiers.join(', ')}: ${Object.keys(flavours).map((f) => `ts-${f}`).join(', ')}`);
