import { useState, type ReactElement, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import { navigate, useCompactLayout, usePortalLocation } from '@portico/ui-api';
import { usePluginRegistry } from '../plugins/plugin-registry';
import { useSlotWidgets } from '../slots/use-slot-widgets';
import { GlobalSearch } from './global-search';
import { SessionMenu } from '../session/session-menu';
import { GuestBadge } from './guest-badge';
import { AdminIcon, CatalogIcon, DashboardIcon, DarkIcon, HistoryIcon, HomeIcon, KeyIcon, LightIcon, MenuIcon, PluginIcon, RunIcon } from './icons';
import { useAccess } from '../access/access-provider';
import { mayMakeTokens } from '../pages/tokens/may-make-tokens';
import type { ThemeMode } from '../theme/portal-theme';

const DRAWER = 220;

const BUILT_IN = [
  { path: '/', label: 'Home', icon: <HomeIcon /> },
  { path: '/dashboards', label: 'Dashboards', icon: <DashboardIcon /> },
  { path: '/catalog', label: 'Catalog', icon: <CatalogIcon /> },
  { path: '/self-service', label: 'Self-service', icon: <RunIcon /> },
  { path: '/runs', label: 'Runs', icon: <HistoryIcon /> },
  { path: '/admin', label: 'Admin', icon: <AdminIcon /> },
];

/** Shown only to people who may have tokens (not the guest, machines or tokens). */
const TOKENS = { path: '/tokens', label: 'Tokens', icon: <KeyIcon /> };

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function NavList({ items, pathname, onNavigate }: { items: Array<{ path: string; label: string; icon: ReactElement }>; pathname: string; onNavigate(): void }): ReactElement {
  return (
    <nav aria-label="Main">
      <List>
        {items.map((item) => (
          <ListItem key={item.path} disablePadding>
            <ListItemButton
              component="a"
              href={item.path}
              selected={isActive(pathname, item.path)}
              aria-current={isActive(pathname, item.path) ? 'page' : undefined}
              onClick={(event: React.MouseEvent) => {
                event.preventDefault();
                onNavigate();
                navigate(item.path);
              }}
            >
              <ListItemIcon>{item.icon}</ListItemIcon>
              <ListItemText primary={item.label} />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </nav>
  );
}

/**
 * App bar (title, global search, theme switch), the navigation and the page. From tablet width
 * up the navigation is a permanent side drawer; below it, a drawer the menu button opens.
 */
export function AppShell({ title, mode, onToggleMode, children }: { title: string; mode: ThemeMode; onToggleMode(): void; children: ReactNode }): ReactElement {
  const { pathname } = usePortalLocation();
  const navItems = [...useSlotWidgets('nav.items'), ...useSlotWidgets('pages')].filter((widget) => widget.path);
  const { bundles } = usePluginRegistry();
  const refused = [...bundles.values()].filter((bundle) => !bundle.compatible);
  const { me } = useAccess();
  const compact = useCompactLayout();
  const [navOpen, setNavOpen] = useState(false);
  const items = [...BUILT_IN, ...(mayMakeTokens(me) ? [TOKENS] : []), ...navItems.map((widget) => ({ path: widget.path!, label: widget.title, icon: <PluginIcon /> }))];
  const nav = <NavList items={items} pathname={pathname} onNavigate={() => setNavOpen(false)} />;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1, '& :focus-visible': { outlineColor: 'currentColor' } }}>
        <Toolbar sx={{ gap: { xs: 1, sm: 2 }, px: { xs: 1, sm: 2 }, bgcolor: 'inherit' }}>
          {compact && (
            <IconButton color="inherit" edge="start" aria-label="Open navigation" aria-expanded={navOpen} aria-controls="portal-navigation" onClick={() => setNavOpen(true)}>
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component="a" href="/" noWrap onClick={(event) => { event.preventDefault(); navigate('/'); }} sx={{ color: 'inherit', textDecoration: 'none', flexShrink: 1, minWidth: 0 }}>
            {title}
          </Typography>
          <GuestBadge />
          <Box sx={{ flexGrow: 1 }} />
          <GlobalSearch collapsed={compact} />
          <SessionMenu />
          <Tooltip title={mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
            <IconButton color="inherit" onClick={onToggleMode} aria-label={mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
              {mode === 'dark' ? <LightIcon /> : <DarkIcon />}
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      {compact ? (
        <Drawer id="portal-navigation" variant="temporary" open={navOpen} onClose={() => setNavOpen(false)} sx={{ '& .MuiDrawer-paper': { width: DRAWER, boxSizing: 'border-box' } }}>
          {nav}
        </Drawer>
      ) : (
        <Drawer variant="permanent" sx={{ width: DRAWER, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER, boxSizing: 'border-box' } }}>
          <Toolbar />
          {nav}
        </Drawer>
      )}
      <Box component="main" sx={{ flexGrow: 1, p: { xs: 1.5, sm: 3 }, minWidth: 0 }}>
        <Toolbar />
        {refused.map((bundle) => (
          <Alert key={bundle.pluginId} severity="error" sx={{ mb: 2 }} data-testid="bundle-refused">
            {bundle.problem}
          </Alert>
        ))}
        {children}
      </Box>
    </Box>
  );
}
