import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { PLUGIN_API_VERSION } from '@portico/plugin-api';
import { loadConfigFile } from '../../config/portico-config';
import type { PortalProvides } from './check-compatibility';
import { configuredPackages } from './config-plugins';

/** A portal folder as the plugin commands see it: its config, data folder and installed plugins. */
export interface PortalContext {
  configPath: string;
  baseDir: string;
  dataDir: string;
  /** Configured npm plugin packages with their plugin id and installed version (undefined: not installed). */
  installed: Array<{ packageName: string; id?: string; version?: string }>;
  provides: PortalProvides;
}

function installedPackageJson(baseDir: string, name: string): Record<string, unknown> | undefined {
  try {
    const require = createRequire(join(baseDir, 'package.json'));
    return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function readPortalContext(configPath: string): Promise<PortalContext> {
  const { config, baseDir } = await loadConfigFile(configPath);
  const installed = configuredPackages(configPath).map((packageName) => {
    const pkg = installedPackageJson(baseDir, packageName);
    return { packageName, id: (pkg?.portico as { id?: string } | undefined)?.id, version: pkg ? String(pkg.version) : undefined };
  });
  const pathIds = config.plugins.flatMap((entry) => {
    if (!entry.path) return [];
    try {
      const pkg = JSON.parse(readFileSync(join(resolve(baseDir, entry.path), 'package.json'), 'utf8')) as { portico?: { id?: string } };
      return pkg.portico?.id ? [pkg.portico.id] : [];
    } catch {
      return [];
    }
  });
  // The ui-api the portal's web UI provides, as the kernel loads it (an API-only portal has none).
  const uiApi = await import('@portico/ui').then(
    (ui: { UI_API_VERSION?: string }) => ui.UI_API_VERSION,
    () => undefined,
  );
  return {
    configPath,
    baseDir,
    dataDir: resolve(baseDir, config.dataDir ?? '.portico-data'),
    installed,
    provides: { pluginApi: PLUGIN_API_VERSION, uiApi: uiApi === undefined ? undefined : String(uiApi), plugins: [...installed.flatMap((p) => (p.id ? [p.id] : [])), ...pathIds] },
  };
}
