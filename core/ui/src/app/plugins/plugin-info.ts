import type { PlacedWidget } from '@portico/ui-api';

/** One item of `GET /api/v1/plugins`. */
export interface PluginInfo {
  id: string;
  packageName: string;
  version: string;
  status: 'running' | 'failed';
  error?: string;
  warnings?: string[];
  contributions: { kinds: string[]; actions: string[]; automations?: string[]; widgets: PlacedWidget[]; routes: string[]; providers: string[] };
  ui: { url: string; uiApi: string | null } | null;
}
