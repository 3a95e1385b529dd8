// Checks that the API docs have one module per public entry point, named as users import it.
// Usage: node docs-entries.mjs <package.json> <typedoc project.json>
// A subpath added to "exports" without its file in typedoc.json's entryPoints, or whose file
// comment lacks `@module <import specifier>`, fails here.
import { readFileSync } from 'node:fs';

const [packagePath, projectPath] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(packagePath, 'utf8'));
const project = JSON.parse(readFileSync(projectPath, 'utf8'));
const wanted = Object.keys(pkg.exports)
  .filter((subpath) => subpath !== './package.json')
  .map((subpath) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`));
const documented = (project.children ?? []).map((c) => c.name);
const missing = wanted.filter((name) => !documented.includes(name));
const extra = documented.filter((name) => !wanted.includes(name));
if (missing.length > 0 || extra.length > 0) {
  if (missing.length > 0) console.error(`no API docs module for: ${missing.join(', ')} (add the entry's source to typedoc.json "entryPoints" and \`@module <specifier>\` to its file comment)`);
  if (extra.length > 0) console.error(`API docs modules that are not entry points: ${extra.join(', ')}`);
  process.exit(1);
}
console.log(`API docs modules: ${documented.join(', ')}`);
