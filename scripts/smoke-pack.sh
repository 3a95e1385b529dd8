#!/usr/bin/env bash
# Packs the library as npm would publish it and imports the tarball with plain Node, as ESM and
# as CommonJS, outside the repository. No network: the runtime dependencies are linked from this
# checkout's node_modules. Also checks that the core bundle stays browser-safe.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run build --silent >/dev/null
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir -p "$work/app/node_modules"
tar -xzf "$work/$tarball" -C "$work"
mv "$work/package" "$work/app/node_modules/framework-agreement-sim"
for dep in seedrandom fp-ts io-ts; do ln -s "$root/node_modules/$dep" "$work/app/node_modules/$dep"; done

echo "packed files:"
tar -tzf "$work/$tarball" | sed 's/^/  /'

# What the tarball must not contain, and what the core bundle must not import.
if tar -tzf "$work/$tarball" | grep -E '^package/(src|tests|node_modules)/' >/dev/null; then
  echo "FAIL: the tarball contains sources, tests or node_modules" >&2; exit 1
fi
for f in dist/index.js dist/index.cjs; do
  if grep -E "from ['\"](node:|fast-check)|require\(['\"](node:|fast-check)" "$f" >/dev/null; then
    echo "FAIL: $f imports a Node built-in or fast-check; the core must run in a browser" >&2; exit 1
  fi
  if grep -E "(function alea|Alea\(|io-ts/lib|fp-ts/lib)" "$f" | grep -v -E "from ['\"]|require\(['\"]" >/dev/null; then
    echo "FAIL: $f bundles a runtime dependency instead of importing it" >&2; exit 1
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
echo "smoke test of the packed tarball passed"
