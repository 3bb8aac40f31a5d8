import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Removes files of earlier builds (hashed names pile up otherwise), after the new ones are written.
 * Only under `outDir/<within>` when given, and never under `outDir/<skip>` (another build's files).
 */
export function pruneStaleFiles(outDir, { within = '', skip } = {}) {
  return {
    name: 'portico-prune-stale-files',
    writeBundle(_options, bundle) {
      const keep = new Set(Object.keys(bundle));
      const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          const name = relative(outDir, path);
          if (skip && name === skip) continue;
          if (entry.isDirectory()) walk(path);
          else if (!keep.has(name)) rmSync(path);
        }
      };
      const root = join(outDir, within);
      if (existsSync(root)) walk(root);
    },
  };
}
