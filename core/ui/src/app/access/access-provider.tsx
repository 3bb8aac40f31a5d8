import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import type { Identity } from '@portico/plugin-api';
import { useApi } from '@portico/ui-api';
import { accessOf, type Access } from './access-of';

interface AccessState extends Access {
  /** Still asking `/me`: controls wait rather than flash as refused. */
  loading: boolean;
  /** Ask `/me` again (after signing in, or when roles changed). */
  reload(): void;
}

const AccessContext = createContext<AccessState>({ ...accessOf(undefined), loading: true, reload: () => undefined });

/** Asks `/api/v1/me` once for the whole shell and shares the answer. */
export function AccessProvider({ children }: { children: ReactNode }): ReactElement {
  const { data, loading, reload } = useApi<Identity>('/me');
  const value = useMemo(() => ({ ...accessOf(data), loading: loading && !data, reload }), [data, loading, reload]);
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

/** The caller's identity and what it may do (see `accessOf`). */
export function useAccess(): AccessState {
  return useContext(AccessContext);
}
