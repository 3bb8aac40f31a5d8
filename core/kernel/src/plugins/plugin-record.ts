import type { EntityProvider, HttpRoute, WidgetDefinition } from '@portico/plugin-api';

/** @public */
export interface PluginContributions {
  kinds: string[];
  actions: string[];
  automations: string[];
  widgets: Array<WidgetDefinition & { pluginId: string }>;
  routes: string[];
  providers: string[];
}

/**
 * What the kernel knows of one configured plugin, as listed on `/api/v1/plugins`.
 * @public
 */
export interface PluginRecord {
  id: string;
  packageName: string;
  version: string;
  dir: string;
  status: 'running' | 'failed';
  error?: string;
  warnings: string[];
  contributions: PluginContributions;
  ui: { url: string; uiApi: string | null; bundleFile: string } | null;
  /** Kept for the HTTP server and provider scheduling; not serialised. */
  routes: HttpRoute[];
  providers: EntityProvider[];
}

export function emptyContributions(): PluginContributions {
  return { kinds: [], actions: [], automations: [], widgets: [], routes: [], providers: [] };
}
