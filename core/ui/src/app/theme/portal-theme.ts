import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark';

/**
 * Colours are chosen for WCAG AA: text on every filled chip, button and alert reaches 4.5:1
 * (`contrastThreshold` makes MUI pick dark text where white would not), and the light mode's
 * warning, info and error tones are darker than MUI's so they also work as text on white.
 */
export function portalTheme(mode: ThemeMode): Theme {
  const dark = mode === 'dark';
  return createTheme({
    palette: {
      mode,
      contrastThreshold: 4.5,
      primary: { main: dark ? '#7aa7ff' : '#2451b7' },
      secondary: { main: dark ? '#ce93d8' : '#8e44ad' },
      ...(dark ? {} : { warning: { main: '#a84d00' }, info: { main: '#0277bd' }, error: { main: '#c62828' } }),
    },
    shape: { borderRadius: 8 },
    typography: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    components: {
      // Keyboard focus is always visible, on links and custom controls too, not only where MUI draws a ripple.
      MuiCssBaseline: {
        styleOverrides: (theme) => ({
          ':focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 2 },
        }),
      },
    },
  });
}
