// One rollup setup for every Portico package: ESM + CJS + bundled .d.ts per entry point,
// and optionally a browser ESM bundle of the package's UI with the shared UI modules left
// external (the shell provides them through its import map; see shared-ui-modules.mjs).
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import swc from '@rollup/plugin-swc';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import { dts } from 'rollup-plugin-dts';
import { isSharedUiModule } from './shared-ui-modules.mjs';


function swcPlugin(target) {
  return swc({
    // Our TypeScript and JSX only: libraries ship JavaScript, and compiling them again is most of
    // a UI bundle's build time (the shell's app config does the same).
    exclude: /node_modules/,
    swc: {
      jsc: {
        target,
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
      },
    },
  });
}

function externalFor(pkg) {
  const names = [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
  ];
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  return (id) => builtins.has(id) || names.some((name) => id === name || id.startsWith(`${name}/`));
}

/**
 * @param {object} options
 * @param {string} options.dir the package folder (pass `import.meta.dirname`)
 * @param {Record<string,string>} [options.entries] output name → source, default `{ index: 'src/index.ts' }`
 * @param {string} [options.ui] source of the browser UI bundle, written to `dist/ui.mjs`
 * @param {Record<string,string>} [options.bins] output name → source of executables (ESM only)
 */
export function createRollupConfig({ dir, entries = { index: 'src/index.ts' }, ui, bins = {} }) {
  // `PORTICO_BUILD=start`: what `npm start` needs of a package, ES modules only (see start-demo.mjs).
  const forStart = process.env.PORTICO_BUILD === 'start';
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const external = externalFor(pkg);
  const input = Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(dir, src)]));
  const configs = [];
  if (Object.keys(input).length > 0) {
    configs.push({
      input,
      external,
      plugins: [json(), nodeResolve({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] }), swcPlugin('es2022')],
      output: [
        { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', sourcemap: true },
        // A running portal imports ES modules only; CommonJS is for publishing and jest.
        ...(forStart ? [] : [{ dir: join(dir, 'dist'), format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', sourcemap: true, exports: 'named' }]),
      ],
    });
    // Declarations are for publishing and API reports; the repository's editors and tsc read the
    // sources (tsconfig paths), and a running portal reads none, so `npm start` skips them.
    if (!forStart) {
      configs.push({
        input,
        external,
        plugins: [json(), dts({ respectExternal: false, compilerOptions: { preserveSymlinks: false } })],
        output: [
          // Declaration chunks keep stable names, so the API reports that include them change only when the API does.
          { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].d.mts', chunkFileNames: 'chunks/[name].d.mts' },
          { dir: join(dir, 'dist'), format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/[name].d.cts' },
        ],
      });
    }
  }
  for (const [name, src] of Object.entries(bins)) {
    configs.push({
      input: join(dir, src),
      external,
      plugins: [json(), nodeResolve({ extensions: ['.ts', '.mjs', '.js', '.json'] }), swcPlugin('es2022')],
      output: { file: join(dir, 'dist', `${name}.mjs`), format: 'es', banner: '#!/usr/bin/env node', sourcemap: true },
    });
  }
  if (ui) {
    configs.push({
      input: join(dir, ui),
      external: isSharedUiModule,
      plugins: [
        replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
        json(),
        nodeResolve({ browser: true, extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] }),
        commonjs(),
        swcPlugin('es2020'),
      ],
      output: { file: join(dir, 'dist', 'ui.mjs'), format: 'es', sourcemap: true },
    });
  }
  return configs;
}
