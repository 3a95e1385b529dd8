#!/usr/bin/env bash
# `npm run notebook`: builds the package, runs the chapter-5 walk-through as a plain Node script
# (examples/chapter5-notebook.mjs), then executes the notebook (examples/chapter5.ipynb) headless
# with the Deno Jupyter kernel, top to bottom, and fails if any cell raised an error.
#
# Both run against the built package (dist/), as a user's code would. No network: Deno resolves
# the runtime dependencies from this checkout's node_modules (examples/deno.json, "nodeModulesDir":
# "manual"). The Deno kernelspec is written to a temporary Jupyter directory, so nothing depends on
# (or changes) the user's Jupyter setup.
#
# Needs python3 with nbconvert >= 6 (Debian: apt-get install jupyter-nbconvert; or pip install
# nbconvert). No ipykernel: the kernel is Deno's.
#
# Usage: bash scripts/run-notebook.sh [executed.ipynb]
#   With a path, the executed notebook (with its outputs) is kept there.
#   NOTEBOOK_RUNS=N sets the Node script's replications (default 40; the notebook's are in the notebook).
# Without deno or jupyter nbconvert, the notebook step prints "skipped: ..." and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
keep="${1:-}"
if [ -n "$keep" ]; then keep=$(cd "$(dirname "$keep")" && pwd)/$(basename "$keep"); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run build --silent >/dev/null

# 1. The plain Node script: same steps, charts as Vega-Lite JSON files and an HTML page, rows as CSV.
started=$(date +%s)
if ! node examples/chapter5-notebook.mjs "$work/node-out" --runs "${NOTEBOOK_RUNS:-40}" >"$work/node.log" 2>&1; then
  cat "$work/node.log" >&2; echo "FAIL: examples/chapter5-notebook.mjs" >&2; exit 1
fi
tail -n 2 "$work/node.log"
node --input-type=module - "$work/node-out" <<'JS'
// Every chart must be a Vega-Lite spec that compiles to Vega, the page must hold one SVG per chart,
// and each CSV must read back (parseCsv checks every row) with one row per data line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { parseCsv } from 'framework-agreement-sim';
const dir = process.argv[2];
const charts = ['survival', 'forest', 'sweep-survival', 'sweep-cost'];
for (const name of charts) {
  const spec = JSON.parse(readFileSync(join(dir, `${name}.vl.json`), 'utf8'));
  if (!String(spec.$schema ?? '').includes('vega-lite')) throw new Error(`${name}.vl.json: no Vega-Lite $schema`);
  compile(spec);
}
const svgs = readFileSync(join(dir, 'charts.html'), 'utf8').match(/<svg[\s>]/g) ?? [];
if (svgs.length !== charts.length) throw new Error(`charts.html: expected ${charts.length} SVG charts, found ${svgs.length}`);
for (const file of ['comparison.csv', 'guarantee-sweep.csv']) {
  const text = readFileSync(join(dir, file), 'utf8');
  const rows = parseCsv(text);
  const lines = text.trimEnd().split('\r\n').length - 1;
  if (rows.length === 0 || rows.length !== lines) throw new Error(`${file}: ${rows.length} rows read from ${lines} lines`);
}
console.log(`node script OK: ${charts.length} Vega-Lite charts compile, charts.html has them as SVG, both CSV files read back`);
JS
echo "node script: $(( $(date +%s) - started )) s"

# 2. The notebook, with the Deno kernel.
deno="$root/node_modules/.bin/deno"
[ -x "$deno" ] || deno=$(command -v deno || true)
if [ -z "$deno" ]; then
  echo "skipped: the notebook (deno is not installed; npm ci installs it as a dev dependency)"; exit 0
fi
if ! command -v jupyter >/dev/null 2>&1 || ! jupyter nbconvert --version >/dev/null 2>&1; then
  echo "skipped: the notebook (jupyter nbconvert is not installed; e.g. apt-get install jupyter-nbconvert, or pip install nbconvert)"; exit 0
fi

export JUPYTER_PATH="$work/jupyter" JUPYTER_DATA_DIR="$work/jupyter-data" JUPYTER_CONFIG_DIR="$work/jupyter-config" \
  JUPYTER_RUNTIME_DIR="$work/jupyter-runtime" DENO_NO_UPDATE_CHECK=1 TMPDIR="$work/tmp"
# The notebook saves its CSV files to a new temporary directory: TMPDIR keeps them inside $work.
mkdir -p "$JUPYTER_PATH/kernels/deno" "$TMPDIR"
# What `deno jupyter --install` writes, without touching ~/.local/share/jupyter.
node -e 'console.log(JSON.stringify({ argv: [process.argv[1], "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" }, null, 2))' \
  "$(cd "$(dirname "$deno")" && pwd)/$(basename "$deno")" > "$JUPYTER_PATH/kernels/deno/kernel.json"

started=$(date +%s)
# nbconvert --execute, with ExecutePreprocessor replaced by a subclass that keeps the outputs the
# Deno kernel publishes just after a cell's "idle" status (scripts/notebook/deno_execute.py).
# Errors are not allowed: the first cell that raises stops the run and nbconvert prints it.
if ! PYTHONPATH="$root/scripts/notebook${PYTHONPATH:+:$PYTHONPATH}" jupyter nbconvert --to notebook \
  --Exporter.preprocessors deno_execute.DenoExecutePreprocessor --DenoExecutePreprocessor.enabled=True \
  --DenoExecutePreprocessor.timeout=600 --output-dir "$work" --output executed.ipynb examples/chapter5.ipynb \
  2> >(grep -v -E 'is unstable and might change|^\[NbConvertApp\] (Converting|Writing)' >&2); then
  echo "FAIL: examples/chapter5.ipynb did not execute to the end (the error is above)" >&2; exit 1
fi
echo "notebook: $(( $(date +%s) - started )) s"
[ -z "$keep" ] || cp "$work/executed.ipynb" "$keep"

# Every code cell ran, none has an error output or wrote to stderr, and the charts displayed as
# Vega-Lite (a chart that lost its display method would show as text instead).
node --input-type=commonjs - "$work/executed.ipynb" <<'JS'
const nb = JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'));
const code = nb.cells.filter((c) => c.cell_type === 'code');
const problems = [];
let charts = 0;
code.forEach((c, k) => {
  const src = [].concat(c.source).join('').split('\n')[0];
  if (c.execution_count == null) problems.push(`code cell ${k + 1} did not run: ${src}`);
  for (const o of c.outputs ?? []) {
    if (o.output_type === 'error') problems.push(`code cell ${k + 1} (${src}): ${o.ename}: ${o.evalue}`);
    if (o.output_type === 'stream' && o.name === 'stderr') problems.push(`code cell ${k + 1} (${src}) wrote to stderr: ${[].concat(o.text).join('').trim()}`);
    if (o.data?.['application/vnd.vegalite.v5+json'] !== undefined) charts++;
  }
});
const expected = code.filter((c) => /Chart\(|forestPlot\(/.test([].concat(c.source).join(''))).length;
if (charts < expected) problems.push(`${expected} cells draw a chart but only ${charts} displayed a Vega-Lite chart`);
if (problems.length > 0) {
  console.error(`FAIL: the notebook has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const displays = code.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'display_data' || o.output_type === 'execute_result');
console.log(`notebook OK: ${code.length} code cells ran without an error, ${displays.length} outputs displayed, ${charts} of them Vega-Lite charts`);
JS
