import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import type { KindDefinition } from '@portico/plugin-api';
import { useApi } from '@portico/ui-api';
import { useReloadOnPluginChange } from '../plugins/use-reload-on-plugin-change';

export interface KindsState {
  kinds: KindDefinition[];
  byId: Map<string, KindDefinition>;
  loading: boolean;
  error: Error | undefined;
  reload(): void;
}

const KindsContext = createContext<KindsState>({ kinds: [], byId: new Map(), loading: true, error: undefined, reload: () => undefined });

/** The catalog's kinds, loaded once and reloaded after Admin edits one or a plugin comes or goes. */
export function KindsProvider({ children }: { children: ReactNode }): ReactElement {
  const { data, loading, error, reload } = useApi<{ items: KindDefinition[] }>('/kinds');
  useReloadOnPluginChange(reload);
  const value = useMemo<KindsState>(() => {
    const kinds = [...(data?.items ?? [])].sort((a, b) => a.title.localeCompare(b.title));
    return { kinds, byId: new Map(kinds.map((kind) => [kind.id, kind])), loading, error, reload };
  }, [data, loading, error, reload]);
  return <KindsContext.Provider value={value}>{children}</KindsContext.Provider>;
}

export function useKinds(): KindsState {
  return useContext(KindsContext);
}
