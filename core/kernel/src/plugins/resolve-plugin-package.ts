import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readPluginManifest, type PluginManifest } from '@portico/plugin-api';
import type { PluginEntry } from '../config/portico-config';
import { PluginLoadError } from './plugin-load-error';

export interface PluginPackage {
  entry: PluginEntry;
  dir: string;
  name: string;
  version: string;
  manifest: PluginManifest;
  packageJson: Record<string, unknown>;
  /** The module file to import (ESM entry, or the `source` entry when that condition is on). */
  entryFile: string;
  /** `name@version`, for messages. */
  label: string;
}

function readPackageJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function exportTarget(value: unknown, conditions: string[]): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  for (const [condition, target] of Object.entries(value)) {
    if (conditions.includes(condition)) {
      const found = exportTarget(target, conditions);
      if (found) return found;
    }
  }
  return undefined;
}

/** The ESM entry of a package: `exports["."]` (import), then `module`, then `main`. */
function entryOf(pkg: Record<string, unknown>, conditions: string[]): string | undefined {
  if (conditions.includes('source') && typeof pkg.source === 'string') return pkg.source;
  const exportsField = pkg.exports as Record<string, unknown> | string | undefined;
  const root = typeof exportsField === 'object' && exportsField && '.' in exportsField ? exportsField['.'] : exportsField;
  return exportTarget(root, ['import', 'node', 'default', ...conditions]) ?? (pkg.module as string | undefined) ?? (pkg.main as string | undefined) ?? 'index.js';
}

/**
 * Finds a plugin package from a config entry: npm names resolve with Node's resolution
 * from the config's folder; paths are relative to it.
 */
export function resolvePluginPackage(entry: PluginEntry, baseDir: string, conditions: string[] = []): PluginPackage {
  let dir: string;
  if (entry.path) {
    dir = isAbsolute(entry.path) ? entry.path : resolve(baseDir, entry.path);
    if (!existsSync(join(dir, 'package.json'))) {
      throw new PluginLoadError(`Plugin folder ${dir} has no package.json: check "path" in portico.config.yaml.`, entry.path);
    }
  } else {
    const name = entry.package as string;
    const require = createRequire(join(baseDir, 'package.json'));
    try {
      dir = dirname(require.resolve(`${name}/package.json`));
    } catch {
      throw new PluginLoadError(
        `Plugin package "${name}" is not installed: run "npm install ${name}" in ${baseDir}, or remove it from portico.config.yaml.`,
        name,
      );
    }
  }
  const packageJson = readPackageJson(join(dir, 'package.json'));
  const name = String(packageJson.name ?? entry.package ?? dir);
  const version = String(packageJson.version ?? '0.0.0');
  const label = `${name}@${version}`;
  const { manifest, problems } = readPluginManifest(packageJson);
  if (!manifest) {
    throw new PluginLoadError(`${label} is not a valid Portico plugin: ${problems.join('; ')}.`, label);
  }
  const entryPath = entryOf(packageJson, conditions);
  const entryFile = resolve(dir, entryPath ?? 'index.js');
  if (!existsSync(entryFile)) {
    throw new PluginLoadError(
      `Plugin "${manifest.id}" (${label}) has no built entry at ${entryFile}: build it ("npm run build") or reinstall the package.`,
      label,
    );
  }
  return { entry, dir, name, version, manifest, packageJson, entryFile, label };
}
