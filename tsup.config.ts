import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    // The core: runs anywhere (no Node built-ins).
    index: 'src/index.ts',
    // framework-agreement-sim/node: the core plus worker threads.
    'node/index': 'src/node/index.ts',
    // The worker thread's script; the pool finds it beside itself (dist/node/worker.js / .cjs).
    'node/worker': 'src/node/worker.ts',
    // The `framework-agreement-sim` bin.
    'cli/main': 'src/cli/main.ts',
    // framework-agreement-sim/testing: arbitraries and statistical helpers; needs fast-check (a peer).
    'testing/index': 'src/testing/index.ts',
    // framework-agreement-sim/calibration: fitting the free parameters to the facts.
    'calibration/index': 'src/calibration/index.ts',
    // framework-agreement-sim/render: charts rendered to HTML or SVG in Node; loads vega on first use.
    'render/index': 'src/render/index.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations for the public entries only (the worker and the CLI are run, not imported).
  dts: { entry: { index: 'src/index.ts', 'node/index': 'src/node/index.ts', 'testing/index': 'src/testing/index.ts', 'render/index': 'src/render/index.ts', 'calibration/index': 'src/calibration/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Code splitting stays tsup's default: the ESM build shares code between entries in chunks (so
  // the core, its classes included, is loaded once whichever entries are imported); the CJS build
  // inlines it into each entry. Do not turn splitting on for CJS: tsup's import.meta.url shim
  // would then be evaluated once in a shared chunk and point at that chunk, not at each entry.
  //
  // In the CJS build, `import.meta.url` (used to find the worker script and package.json) is
  // rewritten to the file's own URL.
  shims: true,
  // Keep `node:` in the specifiers of built-ins: Node >= 20 needs no rewrite, and the smoke test
  // greps for `node:` to prove the core bundle has no Node built-in.
  removeNodeProtocol: false,
  // Runtime dependencies stay external (tsup does this for `dependencies` and
  // `peerDependencies`); listed here so a change to package.json cannot silently start bundling
  // them. fast-check is a peer dependency of /testing only: the user's copy must be the one used,
  // or their fc.assert would not recognise our arbitraries.
  // vega and vega-lite are ESM-only; /render loads them with import(), which the CJS build keeps.
  external: ['fp-ts', 'io-ts', 'fast-check', 'vega', 'vega-lite'],
});
