import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

export function portalTheme(mode: ThemeMode): Theme {
  return createTheme({
    palette: { mode, primary: { main: mode === 'dark' ? '#7aa7ff' : '#2451b7' }, secondary: { main: '#8e44ad' } },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  });
}
