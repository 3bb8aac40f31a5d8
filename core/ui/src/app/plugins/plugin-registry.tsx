import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import { useApi, type PlacedWidget } from '@portico/ui-api';
import type { PluginUiBundleStatus } from '../../handler/plugin-bundle';
import type { PluginInfo } from './plugin-info';

export interface PluginRegistry {
  plugins: PluginInfo[];
  widgets: PlacedWidget[];
  /** Per plugin id: where its bundle loads from, or why it was refused. */
  bundles: Map<string, PluginUiBundleStatus>;
  loading: boolean;
  error: Error | undefined;
}

const PluginRegistryContext = createContext<PluginRegistry>({ plugins: [], widgets: [], bundles: new Map(), loading: true, error: undefined });

/** Loads the installed plugins once per page load; the widget list drives every slot. */
export function PluginRegistryProvider({ bundles, children }: { bundles: PluginUiBundleStatus[]; children: ReactNode }): ReactElement {
  const { data, loading, error } = useApi<{ items: PluginInfo[] }>('/plugins');
  const value = useMemo<PluginRegistry>(() => {
    const plugins = data?.items ?? [];
    const widgets = plugins
      .filter((plugin) => plugin.status === 'running')
      .flatMap((plugin) => plugin.contributions.widgets.map((widget) => ({ ...widget, pluginId: widget.pluginId ?? plugin.id })));
    return { plugins, widgets, bundles: new Map(bundles.map((bundle) => [bundle.pluginId, bundle])), loading, error };
  }, [data, loading, error, bundles]);
  return <PluginRegistryContext.Provider value={value}>{children}</PluginRegistryContext.Provider>;
}

export function usePluginRegistry(): PluginRegistry {
  return useContext(PluginRegistryContext);
}
