import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the handler needs to know of the built shell: the app build's and the shared-modules build's manifests, merged. */
export interface AppManifest {
  app: string;
  /** Every file the first page load needs: the app's chunks and the shared modules they import. */
  initial: string[];
  /** What the dashboard pages load beyond `initial`. */
  dashboardChunks: string[];
  css: string[];
  /** Each shared specifier's entry file, for the import map. */
  shared: Record<string, string>;
}

/** `manifest.json`, written by the app build (core/ui/build/app-rollup-config.mjs). */
interface AppBuildManifest {
  app: string;
  initial: string[];
  initialShared: string[];
  dashboardChunks: string[];
  dashboardShared: string[];
  css: string[];
  shared: Record<string, string>;
  /** Each of the app's shared entries, every file it loads statically, and the shared specifiers those import. */
  closure: Record<string, { files: string[]; shared: string[] }>;
}

/** `shared/<group>/manifest.json`, written by each shared-modules build (core/ui/build/shared-modules-rollup-config.mjs). */
interface SharedModulesManifest {
  shared: Record<string, string>;
  /** Each shared module's entry file, every file it loads statically, and the shared specifiers those import. */
  closure: Record<string, { files: string[]; shared: string[] }>;
}

const SHARED_DIR = 'shared';

function sharedManifestFiles(appDir: string): string[] {
  const dir = join(appDir, SHARED_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((group) => join(dir, group, 'manifest.json'))
    .filter((file) => existsSync(file));
}

// This file runs from src/handler (tests), dist (the built package, ESM or CJS).
const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** Finds the built shell; null when the package was not built (the handler then says so). */
export function findAppDir(explicit?: string): string | null {
  const candidates = explicit ? [explicit] : [join(here, 'app'), join(here, '..', 'dist', 'app'), join(here, '..', '..', 'dist', 'app')];
  return candidates.find((dir) => existsSync(join(dir, 'manifest.json')) && sharedManifestFiles(dir).length > 0) ?? null;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function readAppManifest(appDir: string): AppManifest {
  const app = readJson<AppBuildManifest>(join(appDir, 'manifest.json'));
  const groups = sharedManifestFiles(appDir).map((file) => readJson<SharedModulesManifest>(file));
  const closure = Object.assign({}, app.closure, ...groups.map((group) => group.closure)) as SharedModulesManifest['closure'];
  // Every file the given specifiers load, following the shared modules each group imports from another.
  const filesOf = (specifiers: string[]): string[] => {
    const files = new Set<string>();
    const seen = new Set<string>();
    const visit = (specifier: string): void => {
      if (seen.has(specifier)) return;
      seen.add(specifier);
      const found = closure[specifier];
      if (!found) return;
      found.files.forEach((file) => files.add(file));
      found.shared.forEach(visit);
    };
    specifiers.forEach(visit);
    return [...files];
  };
  const initial = [...new Set([...app.initial, ...filesOf(app.initialShared)])];
  // Files the app's first load has are not preloaded again for a dashboard.
  const loaded = new Set(initial);
  const dashboardChunks = [...new Set([...app.dashboardChunks, ...filesOf(app.dashboardShared)])].filter((file) => !loaded.has(file));
  const shared = Object.assign({}, ...groups.map((group) => group.shared), app.shared) as Record<string, string>;
  return { app: app.app, initial, dashboardChunks, css: app.css, shared };
}
