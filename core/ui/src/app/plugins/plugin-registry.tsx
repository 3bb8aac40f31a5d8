import { createContext, useCallback, useContext, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useApi, type PlacedWidget } from '@portico/ui-api';
import type { BootData } from '../../handler/index-html';
import type { PluginUiBundleStatus } from '../../handler/plugin-bundle';
import type { PluginInfo } from './plugin-info';
import { usePluginChanges } from './use-plugin-changes';

export interface PluginRegistry {
  plugins: PluginInfo[];
  widgets: PlacedWidget[];
  /** Per plugin id: where its bundle loads from, or why it was refused. */
  bundles: Map<string, PluginUiBundleStatus>;
  loading: boolean;
  error: Error | undefined;
  /** Counts the live plugin changes seen since the page loaded (the kinds reload on it). */
  generation: number;
}

const PluginRegistryContext = createContext<PluginRegistry>({ plugins: [], widgets: [], bundles: new Map(), loading: true, error: undefined, generation: 0 });

/**
 * The installed plugins; the widget list drives every slot. Loaded with the page, and again
 * when the portal says a plugin was added, removed or upgraded, so its widgets appear or go
 * without a reload.
 */
export function PluginRegistryProvider({ bundles: initialBundles, children }: { bundles: PluginUiBundleStatus[]; children: ReactNode }): ReactElement {
  const { data, loading, error, reload } = useApi<{ items: PluginInfo[] }>('/plugins');
  const [bundles, setBundles] = useState(initialBundles);
  const [generation, setGeneration] = useState(0);
  const onChange = useCallback(() => {
    void fetch('/ui/boot.json', { credentials: 'same-origin' })
      .then((response) => (response.ok ? (response.json() as Promise<BootData>) : undefined))
      .then((boot) => {
        if (boot) setBundles(boot.plugins);
        reload();
        setGeneration((value) => value + 1);
      });
  }, [reload]);
  usePluginChanges(onChange);
  const value = useMemo<PluginRegistry>(() => {
    const plugins = data?.items ?? [];
    const widgets = plugins
      .filter((plugin) => plugin.status === 'running')
      .flatMap((plugin) => plugin.contributions.widgets.map((widget) => ({ ...widget, pluginId: widget.pluginId ?? plugin.id })));
    return { plugins, widgets, bundles: new Map(bundles.map((bundle) => [bundle.pluginId, bundle])), loading, error, generation };
  }, [data, loading, error, bundles, generation]);
  return <PluginRegistryContext.Provider value={value}>{children}</PluginRegistryContext.Provider>;
}

export function usePluginRegistry(): PluginRegistry {
  return useContext(PluginRegistryContext);
}
