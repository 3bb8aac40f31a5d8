import { useSyncExternalStore } from 'react';

const NAVIGATE_EVENT = 'portico:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

/**
 * Moves the portal to `to` without a page load. The router lives in this package (not the
 * shell) so plugin widgets, which share this module instance, navigate the same history.
 * @alpha
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** @alpha */
export interface PortalLocation {
  pathname: string;
  search: URLSearchParams;
}

/**
 * The current path and query string; re-renders on every navigation.
 * @alpha
 */
export function usePortalLocation(): PortalLocation {
  const value = useSyncExternalStore(subscribe, snapshot, () => '/');
  const [pathname, query = ''] = value.split('?');
  return { pathname, search: new URLSearchParams(query) };
}
