#!/usr/bin/env bash
# `npm run notebook`: builds the package, then for each notebook of examples/ runs its steps as a
# plain Node script and executes the notebook headless with the Deno Jupyter kernel, top to
# bottom, failing if any cell raised an error. The notebooks:
#   chapter5     the chapter-5 walk-through (examples/chapter5.ipynb, examples/chapter5-notebook.mjs)
#   exploratory  a researcher's study: Morris screening, experiments + PRIM, robustness, survival
#                curves (examples/exploratory.ipynb, examples/exploratory-notebook.mjs)
#
# Both run against the built package (dist/), as a user's code would. No network: Deno resolves
# the runtime dependencies from this checkout's node_modules (examples/deno.json, "nodeModulesDir":
# "manual"). The Deno kernelspec is written to a temporary Jupyter directory, so nothing depends on
# (or changes) the user's Jupyter setup.
#
# Needs python3 with nbconvert >= 6 (Debian: apt-get install jupyter-nbconvert; or pip install
# nbconvert). No ipykernel: the kernel is Deno's.
#
# Usage: bash scripts/run-notebook.sh [dir]
#   With a directory, the executed notebooks (with their outputs) are kept there as <name>.ipynb.
#   NOTEBOOK_RUNS=N sets the chapter-5 Node script's replications (default 40; the notebooks' are in
#   the notebooks; the exploratory script's default sizes are the notebook's).
#   NOTEBOOKS="exploratory" runs only the named notebooks (default: "chapter5 exploratory").
# Without deno or jupyter nbconvert, the notebook steps print "skipped: ..." and exit 0.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
keep="${1:-}"
if [ -n "$keep" ]; then mkdir -p "$keep"; keep=$(cd "$keep" && pwd); fi
notebooks="${NOTEBOOKS:-chapter5 exploratory}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm run build --silent >/dev/null

# 1. The plain Node scripts: the same steps, charts as Vega-Lite JSON files and an HTML page, rows
#    as CSV. Each script's output must hold the charts and tables named here.
# run_script <name> <charts> <tidy CSV files> <other CSV files> [script arguments...]
run_script() {
  local name=$1 charts=$2 tidy=$3 plain=$4
  shift 4
  local started
  started=$(date +%s)
  if ! node "examples/$name-notebook.mjs" "$work/$name-out" "$@" >"$work/$name-node.log" 2>&1; then
    cat "$work/$name-node.log" >&2; echo "FAIL: examples/$name-notebook.mjs" >&2; exit 1
  fi
  tail -n 2 "$work/$name-node.log"
  node --input-type=module - "$work/$name-out" "$charts" "$tidy" "$plain" <<'JS'
// Every chart must be a Vega-Lite spec that compiles to Vega, the page must hold one SVG per chart,
// each tidy CSV must read back (parseCsv checks every row) with one row per data line, and each
// other CSV must have a header and data records with as many fields as the header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { parseCsv } from 'framework-agreement-sim';
const [dir, chartList, tidyList, plainList] = process.argv.slice(2);
const words = (s) => s.split(' ').filter(Boolean);
const charts = words(chartList);
for (const name of charts) {
  const spec = JSON.parse(readFileSync(join(dir, `${name}.vl.json`), 'utf8'));
  if (!String(spec.$schema ?? '').includes('vega-lite')) throw new Error(`${name}.vl.json: no Vega-Lite $schema`);
  compile(spec);
}
const svgs = readFileSync(join(dir, 'charts.html'), 'utf8').match(/<svg[\s>]/g) ?? [];
if (svgs.length !== charts.length) throw new Error(`charts.html: expected ${charts.length} SVG charts, found ${svgs.length}`);
for (const file of words(tidyList)) {
  const text = readFileSync(join(dir, file), 'utf8');
  const rows = parseCsv(text);
  const lines = text.trimEnd().split('\r\n').length - 1;
  if (rows.length === 0 || rows.length !== lines) throw new Error(`${file}: ${rows.length} rows read from ${lines} lines`);
}
/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function records(text) {
  const out = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); out.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  if (quoted || field !== '' || record.length > 0) throw new Error('the last record is not ended by CRLF');
  return out;
}
for (const file of words(plainList)) {
  const [header, ...data] = records(readFileSync(join(dir, file), 'utf8'));
  const bad = data.findIndex((r) => r.length !== header.length);
  if (data.length === 0 || bad >= 0) throw new Error(`${file}: ${data.length} records, record ${bad + 1} has ${data[bad]?.length} fields for ${header.length} columns`);
}
console.log(`node script OK: ${charts.length} Vega-Lite charts compile, charts.html has them as SVG, ${words(tidyList).length + words(plainList).length} CSV files read back`);
JS
  echo "$name node script: $(( $(date +%s) - started )) s"
}

for name in $notebooks; do
  case $name in
    chapter5) run_script chapter5 'survival forest sweep-survival sweep-cost' 'comparison.csv guarantee-sweep.csv' '' --runs "${NOTEBOOK_RUNS:-40}" ;;
    exploratory) run_script exploratory 'morris heatmap prim prim-risk-sharing survival-ownership survival-small' 'robustness-reference.csv' 'morris.csv experiments.csv robustness.csv survival-by-ownership.csv' ;;
    *) echo "FAIL: no notebook is named $name (NOTEBOOKS: chapter5, exploratory)" >&2; exit 1 ;;
  esac
done

# 2. The notebooks, with the Deno kernel.
deno="$root/node_modules/.bin/deno"
[ -x "$deno" ] || deno=$(command -v deno || true)
if [ -z "$deno" ]; then
  echo "skipped: the notebooks (deno is not installed; npm ci installs it as a dev dependency)"; exit 0
fi
if ! command -v jupyter >/dev/null 2>&1 || ! jupyter nbconvert --version >/dev/null 2>&1; then
  echo "skipped: the notebooks (jupyter nbconvert is not installed; e.g. apt-get install jupyter-nbconvert, or pip install nbconvert)"; exit 0
fi

export JUPYTER_PATH="$work/jupyter" JUPYTER_DATA_DIR="$work/jupyter-data" JUPYTER_CONFIG_DIR="$work/jupyter-config" \
  JUPYTER_RUNTIME_DIR="$work/jupyter-runtime" DENO_NO_UPDATE_CHECK=1 TMPDIR="$work/tmp"
# The notebooks save their CSV files to a new temporary directory: TMPDIR keeps them inside $work.
mkdir -p "$JUPYTER_PATH/kernels/deno" "$TMPDIR"
# What `deno jupyter --install` writes, without touching ~/.local/share/jupyter.
node -e 'console.log(JSON.stringify({ argv: [process.argv[1], "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" }, null, 2))' \
  "$(cd "$(dirname "$deno")" && pwd)/$(basename "$deno")" > "$JUPYTER_PATH/kernels/deno/kernel.json"

# execute_notebook <name>: runs examples/<name>.ipynb and checks the executed copy.
execute_notebook() {
  local name=$1 started executed="$work/$1-executed.ipynb"
  started=$(date +%s)
  # nbconvert --execute, with ExecutePreprocessor replaced by a subclass that keeps the outputs the
  # Deno kernel publishes just after a cell's "idle" status (scripts/notebook/deno_execute.py).
  # Errors are not allowed: the first cell that raises stops the run and nbconvert prints it.
  if ! PYTHONPATH="$root/scripts/notebook${PYTHONPATH:+:$PYTHONPATH}" jupyter nbconvert --to notebook \
    --Exporter.preprocessors deno_execute.DenoExecutePreprocessor --DenoExecutePreprocessor.enabled=True \
    --DenoExecutePreprocessor.timeout=600 --output-dir "$work" --output "$(basename "$executed")" "examples/$name.ipynb" \
    2> >(grep -v -E 'is unstable and might change|^\[NbConvertApp\] (Converting|Writing)' >&2); then
    echo "FAIL: examples/$name.ipynb did not execute to the end (the error is above)" >&2; exit 1
  fi
  echo "$name notebook: $(( $(date +%s) - started )) s"
  [ -z "$keep" ] || cp "$executed" "$keep/$name.ipynb"

  # Every code cell ran, none has an error output or wrote to stderr, and the charts displayed as
  # Vega-Lite (a chart that lost its display method would show as text instead).
  node --input-type=commonjs - "$executed" "examples/$name.ipynb" <<'JS'
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
// A cell that calls a chart function (survivalChart, kaplanMeierChart, forestPlot, designHeatMap, ...) draws a chart.
const expected = code.filter((c) => /\b(?:\w+Chart|forestPlot|designHeatMap)\(/.test([].concat(c.source).join(''))).length;
if (charts < expected) problems.push(`${expected} cells draw a chart but only ${charts} displayed a Vega-Lite chart`);
if (problems.length > 0) {
  console.error(`FAIL: ${process.argv[3]} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const displays = code.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'display_data' || o.output_type === 'execute_result');
console.log(`notebook OK: ${code.length} code cells of ${process.argv[3]} ran without an error, ${displays.length} outputs displayed, ${charts} of them Vega-Lite charts`);
JS
}

for name in $notebooks; do execute_notebook "$name"; done
