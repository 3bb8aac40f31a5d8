import { useEffect, useRef } from 'react';

/**
 * Calls `onChange` whenever the portal adds, removes or upgrades a plugin while it runs
 * (the `plugins` event of `GET /api/v1/events`). The browser's EventSource reconnects by itself.
 */
export function usePluginChanges(onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const listener = (): void => latest.current();
    source.addEventListener('plugins', listener);
    return () => {
      source.removeEventListener('plugins', listener);
      source.close();
    };
  }, []);
}
