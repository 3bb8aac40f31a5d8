/**
 * The `portico` field of a plugin's package.json: what the plugin contributes, readable
 * without running its code (by the kernel before load, and by a marketplace page).
 * @public
 */
export interface PluginManifest {
  /** Plugin id; must equal the id given to `definePlugin`. */
  id: string;
  /** semver range of @portico/plugin-api the plugin needs, e.g. `^0.1.0`. */
  pluginApi: string;
  /** Plugin ids that must load first (their extension points are used). */
  dependsOn?: string[];
  kinds?: string[];
  actions?: string[];
  widgets?: string[];
  /** Path (relative to the package) of the prebuilt ESM UI bundle, if the plugin has widgets. */
  ui?: string;
  /** semver range of @portico/ui-api the UI bundle was built for. */
  uiApi?: string;
}

const ID = /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/;
const KIND_ID = /^[a-z][a-z0-9-]*$/;

function stringList(value: unknown, field: string, pattern: RegExp, problems: string[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !pattern.test(item))) {
    problems.push(`"portico.${field}" must be a list of ids matching ${pattern}`);
  }
}

/**
 * Checks a package.json's `portico` field. Returns the manifest and a list of problems,
 * each a sentence naming the field and what to write instead.
 * @public
 */
export function readPluginManifest(packageJson: unknown): { manifest: PluginManifest | null; problems: string[] } {
  const problems: string[] = [];
  const pkg = (packageJson ?? {}) as { name?: string; portico?: unknown };
  const raw = pkg.portico as Partial<PluginManifest> | undefined;
  if (!raw || typeof raw !== 'object') {
    return { manifest: null, problems: [`package.json has no "portico" field; add {"portico": {"id": "...", "pluginApi": "^x.y.z"}}`] };
  }
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) problems.push(`"portico.id" must be a plugin id such as "cicd" (got ${JSON.stringify(raw.id)})`);
  if (typeof raw.pluginApi !== 'string' || raw.pluginApi.trim() === '') problems.push(`"portico.pluginApi" must be a semver range such as "^0.1.0"`);
  stringList(raw.dependsOn, 'dependsOn', ID, problems);
  stringList(raw.kinds, 'kinds', KIND_ID, problems);
  stringList(raw.actions, 'actions', ID, problems);
  stringList(raw.widgets, 'widgets', ID, problems);
  if (raw.ui !== undefined && typeof raw.ui !== 'string') problems.push(`"portico.ui" must be a relative path to the UI bundle`);
  if (raw.uiApi !== undefined && typeof raw.uiApi !== 'string') problems.push(`"portico.uiApi" must be a semver range`);
  return { manifest: problems.length === 0 ? (raw as PluginManifest) : null, problems };
}
