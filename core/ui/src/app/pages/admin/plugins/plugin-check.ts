/** What `GET /admin/plugin-registry/check` says of a package before it is installed. */
export interface PluginCheck {
  name: string;
  version: string;
  description?: string;
  manifest: { id: string; pluginApi: string; uiApi?: string; dependsOn?: string[]; kinds?: string[]; actions?: string[]; widgets?: string[] };
  installedVersion: string | null;
  compatible: boolean;
  problems: string[];
}

/** What an install, upgrade or removal answered. */
export interface PluginChangeOutcome {
  id: string;
  packageName: string;
  version?: string;
  live: boolean;
  keptKinds?: string[];
  messages: string[];
}

/** An installed package with the registry's latest version. */
export interface InstalledPackage {
  packageName: string;
  id?: string;
  version?: string;
  latest?: string;
  updateAvailable: boolean;
}
