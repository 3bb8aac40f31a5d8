import { useCallback, useState } from 'react';
import type { ThemeMode } from './portal-theme';

const KEY = 'portico.theme';

function initialMode(): ThemeMode {
  const stored = window.localStorage.getItem(KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light/dark mode, following the OS until the user picks one, then remembered. */
export function useThemeMode(): [ThemeMode, () => void] {
  const [mode, setMode] = useState<ThemeMode>(initialMode);
  const toggle = useCallback(() => {
    setMode((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      window.localStorage.setItem(KEY, next);
      return next;
    });
  }, []);
  return [mode, toggle];
}
