import semver from 'semver';
import type { PluginManifest } from '@portico/plugin-api';
import { pluginApiMismatch } from '../plugin-api-mismatch';

export interface PortalProvides {
  pluginApi: string;
  /** Undefined when the portal has no web UI installed. */
  uiApi?: string;
  /** Plugin ids configured in this portal. */
  plugins: string[];
}

/** Why a plugin cannot go into this portal, one sentence per reason naming both sides; empty when it can. */
export function checkCompatibility(label: string, manifest: PluginManifest, portal: PortalProvides): string[] {
  const problems: string[] = [];
  const mismatch = pluginApiMismatch(label, manifest.pluginApi, portal.pluginApi);
  if (mismatch) problems.push(mismatch);
  if (manifest.ui && manifest.uiApi && portal.uiApi && !semver.satisfies(portal.uiApi, manifest.uiApi, { includePrerelease: true })) {
    problems.push(`${label}'s widgets need @portico/ui-api ${manifest.uiApi}, but this portal provides ${portal.uiApi}: install a version of the plugin built for ${portal.uiApi}, or upgrade the portal's @portico/ui.`);
  }
  const missing = (manifest.dependsOn ?? []).filter((id) => !portal.plugins.includes(id));
  if (missing.length > 0) {
    problems.push(`${label} needs the plugin${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}, which this portal does not have: add ${missing.length > 1 ? 'them' : 'it'} first (portico plugin add <package>).`);
  }
  return problems;
}
