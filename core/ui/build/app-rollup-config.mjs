// Builds the shell as browser ESM into dist/app: the app entry, one entry per shared module
// (so the import map can point plugin bundles at the very module instances the shell uses),
// code-split chunks, and manifest.json telling the Node handler which file is which.
import { createRequire } from 'node:module';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import swc from '@rollup/plugin-swc';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import replace from '@rollup/plugin-replace';
import { minify as swcMinify } from '@swc/core';
import { SHARED_UI_MODULES } from '@portico/build-config/shared-ui-modules';
import { sharedEntryName } from './shared-entry-name.mjs';

const VIRTUAL = '\0portico-shared:';

/** Wrapper module that re-exports a shared module with named exports, whatever its format. */
function sharedWrapper(dir, { specifier, format, hasDefault }) {
  if (format === 'esm') {
    return `export * from '${specifier}';${hasDefault ? ` export { default } from '${specifier}';` : ''}`;
  }
  // CommonJS (React): list the export names by loading it in Node, then re-export each.
  const names = Object.keys(createRequire(join(dir, 'package.json'))(specifier)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  return [
    `import mod from '${specifier}';`,
    'export default mod;',
    ...names.map((name) => `export const ${name} = mod.${name};`),
  ].join('\n');
}

function sharedEntries(dir) {
  return {
    name: 'portico-shared-entries',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const shared = SHARED_UI_MODULES.find((item) => item.specifier === id.slice(VIRTUAL.length));
      return sharedWrapper(dir, shared);
    },
  };
}

/** Workspace packages resolve to their sources, so the shell builds without building them first. */
function workspaceSources(repoRoot) {
  // plugin-api brings the access rules (hasPermission, isOwner) the UI shares with the server.
  const map = { '@portico/ui-api': join(repoRoot, 'core/ui-api/src/index.ts'), '@portico/plugin-api': join(repoRoot, 'core/plugin-api/src/index.ts') };
  return {
    name: 'portico-workspace-sources',
    resolveId(id) {
      return map[id] ?? null;
    },
  };
}

function manifest() {
  return {
    name: 'portico-app-manifest',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byName = (name) => chunks.find((chunk) => chunk.isEntry && chunk.name === name)?.fileName;
      const app = byName('app');
      // The initial load is the app entry and everything it imports statically.
      const initial = new Set();
      const visit = (fileName) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const imported of bundle[fileName].imports) visit(imported);
      };
      visit(app);
      // The dashboard pages' own chunks (grid, charts), which index.html preloads on a dashboard's URL.
      const dashboardPage = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(join('pages', 'dashboards', 'dashboard-page.tsx')));
      const dashboardChunks = new Set();
      const visitLazy = (fileName) => {
        if (initial.has(fileName) || dashboardChunks.has(fileName)) return;
        dashboardChunks.add(fileName);
        for (const imported of bundle[fileName].imports) visitLazy(imported);
      };
      if (dashboardPage) visitLazy(dashboardPage.fileName);
      const css = Object.values(bundle).filter((item) => item.type === 'asset' && item.fileName.endsWith('.css')).map((item) => item.fileName);
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: JSON.stringify(
          {
            app,
            initial: [...initial],
            dashboardChunks: [...dashboardChunks],
            css,
            shared: Object.fromEntries(SHARED_UI_MODULES.map(({ specifier }) => [specifier, byName(sharedEntryName(specifier))])),
          },
          null,
          2,
        ),
      });
    },
  };
}

/** Removes files of earlier builds (hashed names pile up otherwise), after the new ones are written. */
function pruneStaleFiles(outDir) {
  return {
    name: 'portico-prune-stale-files',
    writeBundle(_options, bundle) {
      const keep = new Set(Object.keys(bundle));
      const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (!keep.has(relative(outDir, path))) rmSync(path);
        }
      };
      walk(outDir);
    },
  };
}

/** Minifies each chunk with swc: about 10 s less than terser for the shell here, and no larger. */
function minifyChunks() {
  return {
    name: 'portico-minify-chunks',
    async renderChunk(code) {
      const result = await swcMinify(code, { compress: true, mangle: true, module: true, format: { comments: false } });
      return { code: result.code, map: null };
    },
  };
}

/**
 * @param {object} options
 * @param {string} options.dir the package folder
 * @param {string} options.entry the app's source entry
 * @param {boolean} [options.minify] default true
 */
export function createAppRollupConfig({ dir, entry, minify = true }) {
  const repoRoot = join(dir, '..', '..');
  const input = { app: join(dir, entry) };
  for (const shared of SHARED_UI_MODULES) input[sharedEntryName(shared.specifier)] = `${VIRTUAL}${shared.specifier}`;
  return {
    input,
    // Entries keep their exports: plugin bundles import them through the import map.
    preserveEntrySignatures: 'strict',
    plugins: [
      sharedEntries(dir),
      workspaceSources(repoRoot),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      json(),
      nodeResolve({
        browser: true,
        exportConditions: ['browser', 'module', 'import', 'production', 'default'],
        extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
        dedupe: ['react', 'react-dom', '@emotion/react', '@emotion/styled', '@mui/material'],
      }),
      commonjs(),
      swc({
        exclude: /node_modules/,
        swc: {
          jsc: {
            target: 'es2020',
            parser: { syntax: 'typescript', tsx: true },
            transform: { react: { runtime: 'automatic' } },
          },
        },
      }),
      ...(minify ? [minifyChunks()] : []),
      manifest(),
      pruneStaleFiles(join(dir, 'dist', 'app')),
    ],
    onwarn(warning, warn) {
      // MUI and React mark their modules with "use client" for server components; irrelevant here.
      if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
    output: {
      dir: join(dir, 'dist', 'app'),
      format: 'es',
      entryFileNames: '[name]-[hash].mjs',
      chunkFileNames: 'chunks/[name]-[hash].mjs',
      sourcemap: false,
    },
  };
}
