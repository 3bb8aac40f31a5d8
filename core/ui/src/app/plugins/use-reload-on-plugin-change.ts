import { useEffect, useRef } from 'react';
import { usePluginRegistry } from './plugin-registry';

/** Calls `reload` after each live plugin change (not on mount: the first load is the caller's). */
export function useReloadOnPluginChange(reload: () => void): void {
  const { generation } = usePluginRegistry();
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reload();
  }, [generation, reload]);
}
