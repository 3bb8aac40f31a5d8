import { createContext, useCallback, useContext, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import type { Identity } from '@portico/plugin-api';
import { apiFetch, ApiError } from '@portico/ui-api';
import { SignInPage } from './sign-in-page';

/** The browser's session as `GET /api/v1/auth/session` answers it. */
export interface SessionState {
  /** Who this browser is (a signed-in person or the dev guest), null when nobody. */
  identity: Identity | null;
  /** Where to sign in, null when the portal has no sign-in configured. */
  signInUrl: string | null;
  /** True when the browser held a session that is over. */
  ended: boolean;
}

const SessionContext = createContext<SessionState>({ identity: null, signInUrl: null, ended: false });

async function askSession(): Promise<SessionState | null> {
  try {
    return await apiFetch<SessionState>('/auth/session');
  } catch (error) {
    // A kernel without sign-in (older than @portico/auth's session route): nothing to gate.
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Asks who this browser is before the shell renders: nobody (the portal answers 401 to the
 * API without a guest) gets the sign-in page instead of a page of errors. It asks again when
 * the tab comes back into view, so a session that ended meanwhile shows the sign-in page.
 */
export function SessionProvider({ children }: { children: ReactNode }): ReactElement {
  const [state, setState] = useState<SessionState | null | undefined>(undefined);
  const check = useCallback(() => {
    askSession().then(setState, () => setState(null));
  }, []);
  useEffect(() => {
    check();
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [check]);
  if (state === undefined) return <span aria-busy="true" />;
  if (state && state.identity === null) return <SignInPage signInUrl={state.signInUrl} ended={state.ended} />;
  return <SessionContext.Provider value={state ?? { identity: null, signInUrl: null, ended: false }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}
