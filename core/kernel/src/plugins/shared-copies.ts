import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Libraries that must exist once in an install: two copies mean two containers or two Reacts. */
export const SINGLETON_PACKAGES = ['inversify', 'react', 'react-dom', '@mui/material', '@portico/plugin-api'];

function locate(fromDir: string, name: string): string | null {
  try {
    return realpathSync(dirname(createRequire(join(fromDir, 'package.json')).resolve(`${name}/package.json`)));
  } catch {
    return null;
  }
}

/**
 * Compares where a plugin resolves each singleton package with where the portal does, and
 * checks the plugin declares them as peer dependencies. Returns one sentence per problem.
 */
export function findSecondCopies(pluginDir: string, pluginLabel: string, portalDir: string, packageJson: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const deps = (packageJson.dependencies ?? {}) as Record<string, string>;
  for (const name of SINGLETON_PACKAGES) {
    if (name in deps) {
      warnings.push(`${pluginLabel} lists ${name} in "dependencies"; it must be a peerDependency so the portal's single copy is used.`);
    }
    const fromPlugin = locate(pluginDir, name);
    const fromPortal = locate(portalDir, name);
    if (fromPlugin && fromPortal && fromPlugin !== fromPortal) {
      warnings.push(
        `${pluginLabel} loads a second copy of ${name} (${fromPlugin}; the portal uses ${fromPortal}): run "npm dedupe" or align the versions.`,
      );
    }
  }
  return warnings;
}
