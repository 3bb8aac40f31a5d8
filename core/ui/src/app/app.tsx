import { useMemo, type ReactElement } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { BootData } from '../handler/index-html';
import { AccessProvider } from './access/access-provider';
import { SessionProvider } from './session/session-provider';
import { KindsProvider } from './kinds/kinds-provider';
import { AppShell } from './layout/app-shell';
import { PluginRegistryProvider } from './plugins/plugin-registry';
import { PortalRoutes } from './routing/portal-routes';
import { portalTheme } from './theme/portal-theme';
import { useThemeMode } from './theme/use-theme-mode';

export function App({ boot }: { boot: BootData }): ReactElement {
  const [mode, toggleMode] = useThemeMode();
  const theme = useMemo(() => portalTheme(mode), [mode]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SessionProvider>
        <AccessProvider>
          <PluginRegistryProvider bundles={boot.plugins}>
            <KindsProvider>
              <AppShell title={boot.title} mode={mode} onToggleMode={toggleMode}>
                <PortalRoutes />
              </AppShell>
            </KindsProvider>
          </PluginRegistryProvider>
        </AccessProvider>
      </SessionProvider>
    </ThemeProvider>
  );
}
