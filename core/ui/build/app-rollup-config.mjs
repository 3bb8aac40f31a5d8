// Builds the shell's app as browser ESM into dist/app: the app entry, one entry per shared module
// of APP_SHARED (so the import map can point plugin bundles at the very module instances the
// shell uses), code-split chunks, and manifest.json telling the Node handler which file is which.
// The charts are not bundled here: they are external, resolved in the browser by the import map
// to the files of the charts build (shared-modules-rollup-config.mjs), which builds beside this one.
import { join } from 'node:path';
import swc from '@rollup/plugin-swc';
import { sharedEntryName } from './shared-entry-name.mjs';
import { APP_SHARED, SHARED_GROUPS, sharedEntries, sharedInputs } from './shared-entries.mjs';
import { browserPlugins, onwarn } from './browser-plugins.mjs';
import { minifyChunks } from './minify-chunks.mjs';
import { pruneStaleFiles } from './prune-stale-files.mjs';
import { APP_PROVIDED, oneCopyGuard } from './one-copy-guard.mjs';
import { staticClosure } from './static-closure.mjs';
import { SHARED_DIR } from './shared-modules-rollup-config.mjs';

const external = new Set(Object.values(SHARED_GROUPS).flatMap((group) => group.map(({ specifier }) => specifier)));

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
      // The initial load is the app entry and everything it imports statically.
      const initial = staticClosure(bundle, byName('app'));
      // The dashboard pages' own chunks (grid, charts), which index.html preloads on a dashboard's URL.
      const dashboardPage = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(join('pages', 'dashboards', 'dashboard-page.tsx')));
      const dashboard = dashboardPage ? staticClosure(bundle, dashboardPage.fileName, new Set(initial.files)) : { files: [], shared: [] };
      const css = Object.values(bundle).filter((item) => item.type === 'asset' && item.fileName.endsWith('.css')).map((item) => item.fileName);
      this.emitFile({
        type: 'asset',
        fileName: 'manifest.json',
        source: JSON.stringify(
          {
            app: byName('app'),
            initial: initial.files,
            initialShared: initial.shared,
            dashboardChunks: dashboard.files,
            dashboardShared: dashboard.shared,
            css,
            shared: Object.fromEntries(APP_SHARED.map(({ specifier }) => [specifier, byName(sharedEntryName(specifier))])),
            // What each shared entry loads, so a chart importing one gets it preloaded too.
            closure: Object.fromEntries(APP_SHARED.map(({ specifier }) => [specifier, staticClosure(bundle, byName(sharedEntryName(specifier)))])),
          },
          null,
          2,
        ),
      });
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
  const outDir = join(dir, 'dist', 'app');
  return {
    input: { app: join(dir, entry), ...sharedInputs(APP_SHARED) },
    // Entries keep their exports: plugin bundles import them through the import map.
    preserveEntrySignatures: 'strict',
    external: (id) => external.has(id),
    plugins: [
      sharedEntries(dir),
      workspaceSources(repoRoot),
      ...browserPlugins(),
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
      oneCopyGuard(APP_PROVIDED),
      ...(minify ? [minifyChunks()] : []),
      manifest(),
      pruneStaleFiles(outDir, { skip: SHARED_DIR }),
    ],
    onwarn,
    output: {
      dir: outDir,
      format: 'es',
      entryFileNames: '[name]-[hash].mjs',
      chunkFileNames: 'chunks/[name]-[hash].mjs',
      sourcemap: false,
    },
  };
}
