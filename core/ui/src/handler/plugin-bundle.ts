import { existsSync } from 'node:fs';
import semver from 'semver';

/**
 * A plugin UI bundle the kernel found in an installed plugin package.
 * @public
 */
export interface PluginUiBundle {
  pluginId: string;
  /** Absolute path of the plugin's prebuilt ESM UI bundle. */
  bundleFile: string;
  /** semver range of @portico/ui-api the bundle was built for. */
  uiApi?: string;
  /** The plugin's version: part of the bundle's URL, so a browser loads an upgraded bundle anew. */
  version?: string;
}

/**
 * What the shell is told about a bundle: where to load it from, or why it is refused.
 * @public
 */
export interface PluginUiBundleStatus {
  pluginId: string;
  url: string;
  uiApi: string | null;
  compatible: boolean;
  /** Why the bundle is refused, in words shown to the user. */
  problem?: string;
}

/**
 * Judges a bundle before any browser loads it: a bundle built for another ui-api major
 * would get hooks and components it does not know, so it is refused with a sentence that
 * names both versions instead of failing somewhere inside React.
 * @public
 */
export function checkPluginUiBundle(bundle: PluginUiBundle, uiApiVersion: string): PluginUiBundleStatus {
  const version = bundle.version ? `?v=${encodeURIComponent(bundle.version)}` : '';
  const base = { pluginId: bundle.pluginId, url: `/ui/plugins/${encodeURIComponent(bundle.pluginId)}.mjs${version}`, uiApi: bundle.uiApi ?? null };
  if (!existsSync(bundle.bundleFile)) {
    return { ...base, compatible: false, problem: `Plugin "${bundle.pluginId}" has no UI bundle at ${bundle.bundleFile}; build the plugin package.` };
  }
  if (bundle.uiApi !== undefined) {
    const range = semver.validRange(bundle.uiApi);
    if (!range) {
      return { ...base, compatible: false, problem: `Plugin "${bundle.pluginId}" declares an invalid uiApi range "${bundle.uiApi}".` };
    }
    if (!semver.satisfies(uiApiVersion, range, { includePrerelease: true })) {
      return {
        ...base,
        compatible: false,
        problem: `Plugin "${bundle.pluginId}" UI was built for @portico/ui-api ${bundle.uiApi}; this portal provides ${uiApiVersion}. Its widgets are not loaded.`,
      };
    }
  }
  return { ...base, compatible: true };
}
