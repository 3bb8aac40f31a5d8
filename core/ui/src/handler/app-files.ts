import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The build manifest written next to the shell's files (see core/ui/build/app-rollup-config.mjs). */
export interface AppManifest {
  app: string;
  initial: string[];
  /** What the dashboard pages load beyond `initial` (absent in builds before dashboards). */
  dashboardChunks?: string[];
  css: string[];
  shared: Record<string, string>;
}

// This file runs from src/handler (tests), dist (the built package, ESM or CJS).
const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url));

/** Finds the built shell; null when the package was not built (the handler then says so). */
export function findAppDir(explicit?: string): string | null {
  const candidates = explicit ? [explicit] : [join(here, 'app'), join(here, '..', 'dist', 'app'), join(here, '..', '..', 'dist', 'app')];
  return candidates.find((dir) => existsSync(join(dir, 'manifest.json'))) ?? null;
}

export function readAppManifest(appDir: string): AppManifest {
  return JSON.parse(readFileSync(join(appDir, 'manifest.json'), 'utf8')) as AppManifest;
}
