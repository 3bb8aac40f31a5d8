// Builds shared modules apart from the app, one build per group of SHARED_GROUPS (the charts)
// into dist/app/shared/<group>, leaving every other shared specifier (React, MUI) external. The
// app and plugin bundles import them through the page's import map, so there is one instance of
// each, a plugin chart bundles no copy of its own, and `npm start` builds the charts and the app
// side by side. `shared/<group>/manifest.json` names each module's entry file, the files it loads
// statically and the shared specifiers it imports, which the handler preloads with a dashboard.
import { join } from 'node:path';
import { SHARED_UI_MODULES } from '@portico/build-config/shared-ui-modules';
import { sharedEntryName } from './shared-entry-name.mjs';
import { SHARED_GROUPS, sharedEntries, sharedInputs } from './shared-entries.mjs';
import { browserPlugins, onwarn } from './browser-plugins.mjs';
import { minifyChunks } from './minify-chunks.mjs';
import { pruneStaleFiles } from './prune-stale-files.mjs';
import { muiDeepImports } from './mui-deep-imports.mjs';
import { CHARTS_PROVIDED, oneCopyGuard } from './one-copy-guard.mjs';
import { staticClosure } from './static-closure.mjs';

export const SHARED_DIR = 'shared';

/**
 * Each chart is an entry, so rollup would cut their common code into dozens of small chunks
 * (about 60 requests for a dashboard). Instead the charts' code is one chunk behind the entries
 * (about 130 KB gzipped; the chart families share most of it, and separate family chunks would
 * import each other in cycles that break module initialisation).
 */
const chartChunk = (id) => (/[\\/]node_modules[\\/]/.test(id) ? 'charts' : undefined);

function sharedManifest(group, modules) {
  return {
    name: 'portico-shared-manifest',
    generateBundle(_options, bundle) {
      const entryFile = (specifier) => Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.name === sharedEntryName(specifier)).fileName;
      const shared = Object.fromEntries(modules.map(({ specifier }) => [specifier, entryFile(specifier)]));
      const closure = Object.fromEntries(Object.entries(shared).map(([specifier, file]) => [specifier, staticClosure(bundle, file)]));
      this.emitFile({ type: 'asset', fileName: `${SHARED_DIR}/${group}/manifest.json`, source: JSON.stringify({ shared, closure }, null, 2) });
    },
  };
}

/**
 * @param {object} options
 * @param {string} options.dir the package folder
 * @param {keyof typeof SHARED_GROUPS} options.group
 * @param {boolean} [options.minify] default true
 */
export function createSharedModulesRollupConfig({ dir, group, minify = true }) {
  const outDir = join(dir, 'dist', 'app');
  const modules = SHARED_GROUPS[group];
  const own = new Set(modules.map(({ specifier }) => specifier));
  const others = new Set(SHARED_UI_MODULES.map(({ specifier }) => specifier).filter((specifier) => !own.has(specifier)));
  const leavesMuiExternal = others.has('@mui/material');
  return {
    input: sharedInputs(modules),
    // Entries keep their exports: the app and plugin bundles import them through the import map.
    preserveEntrySignatures: 'strict',
    external: (id) => others.has(id),
    plugins: [
      sharedEntries(dir),
      ...(leavesMuiExternal ? [muiDeepImports(), oneCopyGuard(CHARTS_PROVIDED)] : []),
      ...browserPlugins(),
      ...(minify ? [minifyChunks()] : []),
      sharedManifest(group, modules),
      pruneStaleFiles(outDir, { within: join(SHARED_DIR, group) }),
    ],
    onwarn,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: `${SHARED_DIR}/${group}/[name]-[hash].mjs`,
      chunkFileNames: `${SHARED_DIR}/${group}/chunks/[name]-[hash].mjs`,
      ...(group === 'charts' ? { manualChunks: chartChunk } : {}),
      sourcemap: false,
    },
  };
}
