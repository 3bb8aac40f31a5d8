import { useEffect, useRef } from 'react';
import { usePortalEvent } from './portal-events';

/**
 * Calls `reload` after entities of `kind` changed (any kind when undefined), as the portal's
 * `catalog` events say, at most as often as the server sends them (once a second).
 */
export function useCatalogChanges(kind: string | undefined, reload: () => void): void {
  const latest = useRef(reload);
  useEffect(() => {
    latest.current = reload;
  });
  usePortalEvent('catalog', (data) => {
    const kinds = (data as { kinds?: unknown } | undefined)?.kinds;
    if (kind === undefined || (Array.isArray(kinds) && kinds.includes(kind))) latest.current();
  });
}
