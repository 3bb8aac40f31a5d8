import semver from 'semver';
import { PLUGIN_API_VERSION } from '@portico/plugin-api';

/**
 * Why a plugin built for `range` of @portico/plugin-api cannot run on this kernel, in the words
 * every refusal uses (at start, and by `portico plugin add` before installing); undefined when it can.
 */
export function pluginApiMismatch(plugin: string, range: string, provided: string = PLUGIN_API_VERSION): string | undefined {
  if (semver.satisfies(provided, range, { includePrerelease: true })) return undefined;
  return `${plugin} needs @portico/plugin-api ${range}, but this kernel provides ${provided}: install a version of the plugin built for ${provided}, or upgrade @portico/kernel.`;
}
