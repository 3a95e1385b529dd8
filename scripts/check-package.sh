#!/usr/bin/env bash
# Checks the package as users get it, beyond what scripts/smoke-pack.sh does with plain Node:
#   API docs   TypeDoc over every entry point; a broken {@link}, an unexported type in a public
#              signature, or an entry point without its docs module fails.
#   tarball    the generated docs/api is not packed.
#   publint    package.json against the packed files (errors and warnings fail).
#   attw       "Are the types wrong?" for every entry point in "exports", under node10, node16
#              (ESM and CJS) and bundler resolution.
#   tsc        tiny consumers type-check under node16 ESM, node16 CJS and bundler, importing every
#              entry point, and a browser app without @types/node importing the core.
#   Deno       the core imported by file specifier and as npm:framework-agreement-sim, type-checked
#              and run (without any permission) on a small simulation.
#   browser    the core bundled by esbuild for the browser (so no Node built-in), then run in
#              headless Chromium (skipped if /usr/bin/chromium is missing).
# Node, Deno and Chromium run the same workload (scripts/check-package/probe.mjs); their results
# must agree up to rounding in the last bits (engines' Math functions differ; docs/cluster.md).
#
# No network. The tarball is unpacked into a temporary app whose node_modules links, from this
# checkout, exactly the packed package.json's dependencies and peer dependencies (plus
# @types/node for the TypeScript consumers): a dependency missing from package.json fails to
# resolve. Their own dependencies (vega's many, for one) resolve too, because Node, esbuild, tsc
# and Deno follow a link to its real path inside this checkout's node_modules, where npm hoisted
# them. (An `npm install --offline <tarball>` would depend on what the npm cache holds.)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin="$root/node_modules/.bin"
helpers="$root/scripts/check-package"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/logs"
started=$SECONDS
failed=()

# check <name> <command...>: runs the command with its output in a log; prints PASS with the
# log's last line, or FAIL with the end of the log.
check() {
  local name=$1; shift
  local log="$work/logs/${name//[^a-zA-Z0-9]/_}.log"
  local t0=$SECONDS
  if "$@" >"$log" 2>&1; then
    printf 'PASS  %-28s %3ss  %s\n' "$name" $((SECONDS - t0)) "$(grep -v '^\s*$' "$log" | tail -n 1 | cut -c1-150)"
  else
    printf 'FAIL  %-28s %3ss\n' "$name" $((SECONDS - t0))
    tail -n 60 "$log" | sed 's/^/      /'
    failed+=("$name")
  fi
}

# --- API docs, in the background while the package builds (both take ~15 s) ---
docs_check() {
  "$bin/typedoc" --json "$work/typedoc.json" &&
    node "$helpers/docs-entries.mjs" package.json "$work/typedoc.json"
}
(docs_check >"$work/logs/docs.log" 2>&1; echo $? >"$work/logs/docs.rc") &
docs_pid=$!

# --- build and pack (a failure here stops everything) ---
if ! npm run build --silent >"$work/logs/build.log" 2>&1; then
  echo "FAIL  build"; tail -n 60 "$work/logs/build.log"; wait "$docs_pid"; exit 1
fi
printf 'PASS  %-28s %3ss\n' "build (tsup)" $((SECONDS - started))
wait "$docs_pid"
t_docs=$(( SECONDS - started ))
if [ "$(cat "$work/logs/docs.rc")" = 0 ]; then
  printf 'PASS  %-28s %3ss  %s\n' "API docs (TypeDoc)" "$t_docs" "$(tail -n 1 "$work/logs/docs.log")"
else
  printf 'FAIL  %-28s %3ss\n' "API docs (TypeDoc)" "$t_docs"; tail -n 60 "$work/logs/docs.log" | sed 's/^/      /'
  failed+=("API docs (TypeDoc)")
fi
# Built just above, so skip the prepack build.
tarball="$work/$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
[ -f "$tarball" ] || { echo "FAIL  npm pack"; exit 1; }
app="$work/app"
mkdir -p "$app/node_modules/@types"
tar -xzf "$tarball" -C "$work"
mv "$work/package" "$app/node_modules/framework-agreement-sim"
pkg="$app/node_modules/framework-agreement-sim/package.json"
for dep in $(node -p 'const p = require(process.argv[1]); Object.keys({ ...p.dependencies, ...p.peerDependencies }).join(" ")' "$pkg") @types/node; do
  mkdir -p "$(dirname "$app/node_modules/$dep")"
  ln -s "$root/node_modules/$dep" "$app/node_modules/$dep"
done
cp "$helpers/probe.mjs" "$app/"
cat >"$app/package.json" <<'JSON'
{ "name": "package-check-app", "private": true, "type": "module", "dependencies": { "framework-agreement-sim": "*" } }
JSON

# --- the tarball ---
tarball_check() {
  local listing; listing=$(tar -tzf "$tarball")
  [ -d docs/api ] || { echo "docs/api was not generated, so this check proves nothing"; return 1; }
  if grep -q '^package/docs/api/' <<<"$listing"; then echo "the tarball contains docs/api (generated docs)"; return 1; fi
  echo "$(wc -l <<<"$listing") files, $(du -k "$tarball" | cut -f1) kB; docs/api not packed"
}
check "tarball contents" tarball_check

# --- publint: warnings fail too (each is a file users would miss or resolve wrongly); its
# suggestions are printed but do not fail ---
check "publint" "$bin/publint" run --strict "$tarball"

# --- attw: entry points come from the exports map; no rule is ignored ---
attw_check() { "$bin/attw" "$tarball" --format table-flipped --no-emoji --no-color && echo "no problems under node10, node16 (CJS, ESM) and bundler"; }
check "attw" attw_check

# --- TypeScript consumers ---
node "$helpers/consumers.mjs" "$app" >"$work/logs/consumers.log" 2>&1 || { echo "FAIL  writing the TypeScript consumers"; cat "$work/logs/consumers.log"; exit 1; }
tsc_check() { "$bin/tsc" -p "$app/ts-$1" && echo "imports $(grep -c '^import \* as' "$app/ts-$1/consumer.ts") entry points"; }
for flavour in node16-esm node16-cjs bundler browser-core; do
  check "tsc $flavour" tsc_check "$flavour"
done

# --- Node: the reference result of the probe ---
node_probe() {
  (cd "$app" && node --input-type=module -e '
    import * as lib from "framework-agreement-sim";
    import { probe } from "./probe.mjs";
    const a = JSON.stringify(await probe(lib));
    if (JSON.stringify(await probe(lib)) !== a) throw new Error("two runs differ");
    process.stdout.write(a);' >"$work/node.json") && echo "probe ran: $(wc -c <"$work/node.json") bytes of results"
}
check "Node probe (reference)" node_probe

# --- Deno ---
export DENO_DIR="$work/deno-dir" DENO_NO_UPDATE_CHECK=1 NO_COLOR=1
# Deno resolves npm: and bare specifiers from the app's own node_modules (nodeModulesDir
# "manual"), so nothing is fetched; --no-remote and --cached-only make sure of it.
echo '{ "nodeModulesDir": "manual" }' >"$app/deno.json"
deno_script() { # <specifier> [types file]: a Deno program that type-uses and runs the core
  [ $# -gt 1 ] && echo "// @ts-types=\"$2\""
  cat <<TS
import * as lib from '$1';
import { probe } from './probe.mjs';
const input: lib.ConfigInput = { run: { burnInYears: 1, horizonYears: 1 }, suppliers: { initialCount: 40 } };
const result: lib.SimulationResult = lib.simulate(input, 1);
const hhi: number = result.outcomes.hhi;
if (!Number.isFinite(hhi)) throw new Error('HHI is not finite');
await Deno.stdout.write(new TextEncoder().encode(JSON.stringify(await probe(lib))));
TS
}
dist_url="file://$app/node_modules/framework-agreement-sim/dist"
deno_script "$dist_url/index.js" "$dist_url/index.d.ts" >"$app/deno-file.ts"
deno_script "npm:framework-agreement-sim" >"$app/deno-npm.ts"
deno_check() { # <script> <label>: type-check, run with no permission, compare with Node
  (cd "$app" &&
    timeout 120 "$bin/deno" check --no-remote --cached-only "$1" &&
    timeout 120 "$bin/deno" run --no-remote --cached-only --no-prompt "$1" >"$work/$1.json") &&
    node "$helpers/compare.mjs" "$work/node.json" "$work/$1.json" "$2"
}
check "Deno file: specifier" deno_check deno-file.ts "Deno $("$bin/deno" --version | head -n 1 | cut -d' ' -f2)"
check "Deno npm: specifier" deno_check deno-npm.ts "Deno (npm:)"

# --- browser: esbuild bundle, then headless Chromium ---
cat >"$app/browser-entry.js" <<'JS'
import * as lib from 'framework-agreement-sim';
import { probe } from './probe.mjs';
globalThis.runProbe = () => probe(lib);
JS
bundle_check() {
  # --platform=browser: a Node built-in anywhere in the core is an unresolvable import, an error.
  (cd "$app" && "$bin/esbuild" browser-entry.js --bundle --platform=browser --format=iife \
    --outfile=bundle.js --metafile=meta.json --log-level=warning) || return 1
  node -e '
    const inputs = Object.keys(require(process.argv[1]).inputs);
    const bad = inputs.filter((f) => /node_modules\/(fast-check|vega)/.test(f));
    if (bad.length > 0) { console.error(`the core bundle contains ${bad.join(", ")}`); process.exit(1); }
    const packages = [...new Set(inputs.filter((f) => f.includes("node_modules/")).map((f) => f.split("node_modules/").pop().split("/")[0]))];
    console.log(`${Math.round(require("node:fs").statSync(process.argv[2]).size / 1024)} kB, ${inputs.length} modules from ${packages.join(", ")}`);' \
    "$app/meta.json" "$app/bundle.js"
}
check "esbuild browser bundle" bundle_check
if [ ! -x /usr/bin/chromium ]; then
  printf 'SKIP  %-28s       %s\n' "headless Chromium" "skipped: chromium not installed"
elif [ ! -f "$app/bundle.js" ]; then
  printf 'FAIL  %-28s       %s\n' "headless Chromium" "no bundle to run"; failed+=("headless Chromium")
else
  chromium_check() {
    timeout 120 node "$helpers/browser.mjs" "$app/bundle.js" "$root" >"$work/chromium.json" &&
      node "$helpers/compare.mjs" "$work/node.json" "$work/chromium.json" "Chromium $(/usr/bin/chromium --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1)"
  }
  check "headless Chromium" chromium_check
fi

echo "package checks took $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "all package checks passed"
