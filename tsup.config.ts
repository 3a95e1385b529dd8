import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // Runtime dependencies stay external (tsup does this for `dependencies`); listed here so a
  // change to package.json cannot silently start bundling them.
  external: ['seedrandom', 'fp-ts', 'io-ts'],
});
