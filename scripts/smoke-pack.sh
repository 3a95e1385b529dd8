#!/usr/bin/env bash
# Packs the library as npm would publish it and imports the tarball with plain Node, as ESM and
# as CommonJS, outside the repository. No network: the runtime dependencies (and fast-check, the
# peer dependency of /testing) are linked from this checkout's node_modules. Also checks that the
# core bundle stays browser-safe and free of fast-check.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run build --silent >/dev/null
tarball=$(npm pack --silent --ignore-scripts --pack-destination "$work" | tail -n 1)
mkdir -p "$work/app/node_modules"
tar -xzf "$work/$tarball" -C "$work"
mv "$work/package" "$work/app/node_modules/framework-agreement-sim"
# Exactly the packed package.json's dependencies and peer dependencies (as check-package.sh
# links them), so a dependency missing from package.json fails to resolve here.
for dep in $(node -p 'const p = require(process.argv[1]); Object.keys({ ...p.dependencies, ...p.peerDependencies }).join(" ")' "$work/app/node_modules/framework-agreement-sim/package.json"); do
  ln -s "$root/node_modules/$dep" "$work/app/node_modules/$dep"
done

echo "packed files:"
tar -tzf "$work/$tarball" | sed 's/^/  /'

# What the tarball must not contain, and what the core bundle must not import.
if tar -tzf "$work/$tarball" | grep -E '^package/(src|tests|node_modules)/' >/dev/null; then
  echo "FAIL: the tarball contains sources, tests or node_modules" >&2; exit 1
fi
packed=$(tar -tzf "$work/$tarball")
for f in dist/node/index.js dist/node/index.cjs dist/node/worker.js dist/node/worker.cjs dist/cli/main.js dist/cli/main.cjs \
  dist/testing/index.js dist/testing/index.cjs dist/testing/index.d.ts dist/testing/index.d.cts; do
  if ! grep -qx "package/$f" <<<"$packed"; then
    echo "FAIL: the tarball lacks $f" >&2; exit 1
  fi
done
# The ESM build shares code in chunks, so the core is dist/index.js plus every chunk it imports,
# transitively; the core must import no Node built-in (with or without `node:`) and no fast-check.
core_files=$(node --input-type=module -e '
  import { readFileSync } from "node:fs";
  import { builtinModules } from "node:module";
  import { dirname, join, relative } from "node:path";
  const seen = new Set();
  const bad = [];
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:from\s*|import\s*\(?\s*|require\s*\(\s*)["\x27]([^"\x27]+)["\x27]/g)].map((m) => m[1]);
    for (const spec of specs) {
      if (spec.startsWith(".")) visit(join(dirname(file), spec));
      else if (spec.startsWith("node:") || builtinModules.includes(spec.split("/")[0]) || spec.startsWith("fast-check")) bad.push(`${file} imports ${spec}`);
    }
  };
  visit("dist/index.js");
  visit("dist/index.cjs");
  if (bad.length > 0) { console.error(bad.join("\n")); process.exit(1); }
  console.log([...seen].map((f) => relative(".", f)).join("\n"));
') || { echo "FAIL: the core bundle imports a Node built-in or fast-check; the core must run in a browser" >&2; exit 1; }
echo "core bundle: $(echo $core_files)"
for f in $core_files; do
  if grep -E "from ['\"](node:|fast-check)|require\(['\"](node:|fast-check)" "$f" >/dev/null; then
    echo "FAIL: $f imports a Node built-in or fast-check; the core must run in a browser" >&2; exit 1
  fi
  if grep -E "(function alea|Alea\(|io-ts/lib|fp-ts/lib)" "$f" | grep -v -E "from ['\"]|require\(['\"]" >/dev/null; then
    echo "FAIL: $f bundles a runtime dependency instead of importing it" >&2; exit 1
  fi
done
# /testing imports fast-check (the user's copy, so that their fc.assert runs our arbitraries) and
# does not bundle it.
for f in dist/testing/index.js dist/testing/index.cjs; do
  if ! grep -E "from ['\"]fast-check['\"]|require\(['\"]fast-check['\"]\)" "$f" >/dev/null; then
    echo "FAIL: $f does not import fast-check" >&2; exit 1
  fi
  if grep -E "(class FrequencyArbitrary|Property failed after)" "$f" >/dev/null; then
    echo "FAIL: $f bundles fast-check instead of importing it" >&2; exit 1
  fi
done

cd "$work/app"
cat > esm.mjs <<'JS'
import { simulate, decodeConfig, BASELINE_CONFIG } from 'framework-agreement-sim';
const r = simulate({ run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } }, 1);
if (r.horizonPeriods !== 4 || typeof r.outcomes.hhi !== 'number') throw new Error('ESM: unexpected result');
const bad = decodeConfig({ policy: { minimumVolumeShare: 1.4 } });
if (bad._tag !== 'Left' || bad.left[0].path !== 'policy.minimumVolumeShare') throw new Error('ESM: decode');
if (BASELINE_CONFIG.policy.baseTermYears !== 3) throw new Error('ESM: baseline');
console.log('ESM import OK');
JS
cat > cjs.cjs <<'JS'
const { simulate } = require('framework-agreement-sim');
const a = JSON.stringify(simulate({ run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } }, 1));
const b = JSON.stringify(simulate({ run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } }, 1));
if (a !== b) throw new Error('CJS: not deterministic');
console.log('CJS require OK');
JS
node esm.mjs
node cjs.cjs

# framework-agreement-sim/testing, as ESM and as CJS: sample a config, break one, and run a
# property with the user's fast-check over the kit's arbitraries.
cat > testing-esm.mjs <<'JS'
import fc from 'fast-check';
import { decodeConfig, simulate } from 'framework-agreement-sim';
import { config, invalidConfig, policy } from 'framework-agreement-sim/testing';
const [c] = fc.sample(config({ size: 'small' }), { seed: 1, numRuns: 1 });
const decoded = decodeConfig(c);
if (decoded._tag !== 'Right') throw new Error(`ESM /testing: config() gave an invalid config: ${JSON.stringify(decoded.left)}`);
if (simulate(c, 1).horizonPeriods < 1) throw new Error('ESM /testing: simulate');
const [bad] = fc.sample(invalidConfig(), { seed: 2, numRuns: 1 });
const r = decodeConfig(bad.input);
if (r._tag !== 'Left' || !r.left.some((i) => i.path === bad.path)) throw new Error('ESM /testing: invalidConfig()');
fc.assert(fc.property(policy({ priceWeight: [0, 0.5] }), (p) => p.priceWeight <= 0.5), { seed: 3, numRuns: 20 });
console.log('ESM /testing OK:', JSON.stringify(c).length, 'characters of config,', bad.kind, 'at', bad.path);
JS
cat > testing-cjs.cjs <<'JS'
const fc = require('fast-check');
const { decodeConfig } = require('framework-agreement-sim');
const { config, policy } = require('framework-agreement-sim/testing');
const [c] = fc.sample(config({ size: 'small' }), { seed: 1, numRuns: 1 });
if (decodeConfig(c)._tag !== 'Right') throw new Error('CJS /testing: config() gave an invalid config');
fc.assert(fc.property(policy({ scoringRule: ['linear'] }), (p) => p.scoringRule === 'linear'), { seed: 3, numRuns: 20 });
console.log('CJS /testing OK');
JS
node testing-esm.mjs
node testing-cjs.cjs

# framework-agreement-sim/node: worker threads from the built files, as ESM and as CJS. The
# result with 2 workers must equal the serial one byte for byte, and the process must exit by
# itself (no worker left running), hence the timeout.
cat > node-esm.mjs <<'JS'
import { monteCarlo, workerExecutor, ConfigError } from 'framework-agreement-sim/node';
import * as core from 'framework-agreement-sim';
const config = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
const parallel = await monteCarlo(config, { runs: 4, workers: 2 });
const serial = await core.monteCarlo(config, { runs: 4 });
if (JSON.stringify(parallel) !== JSON.stringify(serial)) throw new Error('ESM /node: 2 workers differ from serial');
if (ConfigError !== core.ConfigError) throw new Error('ESM /node: the core is loaded twice');
if (typeof workerExecutor({ workers: 2 }).run !== 'function') throw new Error('ESM /node: workerExecutor');
console.log('ESM /node with 2 workers OK');
JS
cat > node-cjs.cjs <<'JS'
const { monteCarlo } = require('framework-agreement-sim/node');
const core = require('framework-agreement-sim');
const config = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
(async () => {
  const parallel = await monteCarlo(config, { runs: 4, workers: 2 });
  const serial = await core.monteCarlo(config, { runs: 4 });
  if (JSON.stringify(parallel) !== JSON.stringify(serial)) throw new Error('CJS /node: 2 workers differ from serial');
  console.log('CJS /node with 2 workers OK');
})().catch((e) => { console.error(e); process.exit(1); });
JS
timeout 120 node node-esm.mjs
timeout 120 node node-cjs.cjs

# The bin, linked as npm links it on install: two shards merged equal one run, byte for byte.
bin=$(node -p 'require("framework-agreement-sim/package.json").bin["framework-agreement-sim"]')
mkdir -p node_modules/.bin
chmod +x "node_modules/framework-agreement-sim/$bin"
ln -s "../framework-agreement-sim/$bin" node_modules/.bin/framework-agreement-sim
cli=node_modules/.bin/framework-agreement-sim
cat > spec.json <<'JSON'
{
  "config": { "run": { "burnInYears": 1, "horizonYears": 1 }, "suppliers": { "initialCount": 40 } },
  "variants": [{ "name": "guarantee", "input": { "policy": { "minimumVolumeShare": 0.3 } } }],
  "seed": 11,
  "rows": true,
  "series": true
}
JSON
timeout 120 "$cli" shard --spec spec.json --from 0 --to 3 --out shard-a.json --workers 2
timeout 120 "$cli" shard --spec spec.json --from 3 --to 6 --out shard-b.json --workers 2
timeout 120 "$cli" merge --out merged.json shard-b.json shard-a.json
timeout 120 "$cli" run --spec spec.json --runs 6 --out single.json --workers 2
cmp merged.json single.json || { echo "FAIL: shard + shard + merge differs from one run" >&2; exit 1; }
timeout 120 node node_modules/framework-agreement-sim/dist/cli/main.cjs run --spec spec.json --runs 6 --out single-cjs.json --workers 2
cmp single-cjs.json single.json || { echo "FAIL: the CJS CLI differs from the ESM CLI" >&2; exit 1; }
echo '{ "config": { "policy": { "priceWeight": 3 } } }' > bad-spec.json
set +e
"$cli" run --spec bad-spec.json --runs 2 --out bad.json 2>bad.err
code=$?
set -e
if [ "$code" -ne 2 ] || [ -e bad.json ] || ! grep -q '^error: bad-spec.json: config.policy.priceWeight' bad.err; then
  echo "FAIL: a bad spec should exit with 2, print the issue and write nothing (exit $code)" >&2; cat bad.err >&2; exit 1
fi
echo "CLI shard + shard + merge = run OK"

# framework-agreement-sim/render (vega loaded on first use) from the CLI and from code, ESM and CJS.
timeout 120 "$cli" report merged.json --out report.html
grep -q '<svg' report.html || { echo "FAIL: the HTML report has no chart" >&2; exit 1; }
cat > report-cjs.cjs <<'JS'
const { renderSvg } = require('framework-agreement-sim/render');
renderSvg({ data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'line', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } })
  .then((svg) => { if (!svg.includes('mark-line')) throw new Error('CJS /render: no line drawn'); console.log('CJS /render OK'); })
  .catch((e) => { console.error(e); process.exit(1); });
JS
timeout 120 node report-cjs.cjs
# The main command: the chapter-5 comparison, briefly.
timeout 300 "$cli" --runs 2 --world-runs 2 --horizon 4 --policies riskSharing,smallerContracts --workers 2 > chapter5.txt
grep -q 'riskSharing' chapter5.txt || { echo "FAIL: the chapter-5 table lacks a policy" >&2; cat chapter5.txt >&2; exit 1; }
grep -q '^Does it hold in other worlds' chapter5.txt || { echo "FAIL: the chapter-5 output lacks the robustness check" >&2; cat chapter5.txt >&2; exit 1; }
echo "report and chapter-5 command OK"

# vega and vega-lite are optional peer dependencies: an app without them gets the core, the chart
# specs and the CLI's tables, and a render says what to install instead of a module-not-found trace.
mkdir -p "$work/lean/node_modules"
cp -R "$work/app/node_modules/framework-agreement-sim" "$work/lean/node_modules/"
for dep in $(node -p 'Object.keys(require(process.argv[1]).dependencies).join(" ")' "$work/lean/node_modules/framework-agreement-sim/package.json"); do
  ln -s "$root/node_modules/$dep" "$work/lean/node_modules/$dep"
done
cd "$work/lean"
cat > lean.mjs <<'JS'
import { survivalChart, simulate } from 'framework-agreement-sim';
import { renderSvg } from 'framework-agreement-sim/render';
if (typeof survivalChart !== 'function' || simulate({ run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 30 } }, 1).outcomes === undefined) throw new Error('the core does not run without vega');
try {
  await renderSvg({ data: { values: [] }, mark: 'point' });
  throw new Error('rendered without vega installed');
} catch (error) {
  if (!String(error.message).includes('npm install vega vega-lite')) throw error;
  console.log('without vega: the core runs, and a render says to install vega and vega-lite');
}
JS
# Fail the check if vega could still be found from here (through a parent directory's node_modules).
if node -e 'require.resolve("vega")' 2>/dev/null; then echo "skipped: the lean install check (vega resolves from a parent directory)"; else timeout 120 node lean.mjs; fi
cd "$work/app"
# The installed size: the package and the closure of its dependencies, with and without the optional peers.
node --input-type=module - "$root" <<'JS'
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
const root = process.argv[2];
// A dependency of the package in `from` is in its own node_modules or in one of a parent's, as Node finds it.
const locate = (name, from) => {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === dirname(dir)) return null;
  }
};
const closure = (names) => {
  const seen = new Set();
  const stack = names.map((n) => locate(n, root));
  while (stack.length > 0) {
    const dir = stack.pop();
    if (dir === null || seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) stack.push(locate(dep, dir));
  }
  return [...seen];
};
const kb = (dir) => Number(execFileSync('du', ['-sk', dir]).toString().split('\t')[0]);
const sum = (dirs) => dirs.reduce((a, d) => a + kb(d), 0);
const own = kb('node_modules/framework-agreement-sim');
const deps = Object.keys(JSON.parse(readFileSync('node_modules/framework-agreement-sim/package.json', 'utf8')).dependencies);
const core = closure(deps);
const withVega = closure([...deps, 'vega', 'vega-lite']);
const mb = (k) => (k / 1024).toFixed(1);
console.log(`installed size: the package ${mb(own)} MB; with its dependencies (${core.length} packages) ${mb(own + sum(core))} MB; with the optional vega and vega-lite too (${withVega.length} packages) ${mb(own + sum(withVega))} MB`);
JS
echo "smoke test of the packed tarball passed"
