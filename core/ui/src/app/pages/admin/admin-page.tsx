import { lazy, Suspense, type ReactElement } from 'react';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { PERMISSIONS } from '@portico/plugin-api';
import { navigate } from '@portico/ui-api';
import { useAccess } from '../../access/access-provider';
import { KindsAdmin } from './kinds-admin';
import { SlotsAdmin } from './slots-admin';

const SECTIONS = [
  { id: 'kinds', label: 'Kinds' },
  { id: 'plugins', label: 'Plugins' },
  { id: 'slots', label: 'Slots' },
  // Only admins see this tab (the page itself still explains a refusal to anyone else).
  { id: 'roles', label: 'Roles', permission: PERMISSIONS.admin },
  { id: 'audit', label: 'Audit log', permission: PERMISSIONS.auditRead },
];

// Loaded on first visit, like the shell's other pages.
const RolesAdmin = lazy(() => import('./roles-admin'));
const AuditAdmin = lazy(() => import('./audit-admin'));
const PluginsAdmin = lazy(() => import('./plugins/plugins-admin'));

/** Kinds (view and edit schemas), installed plugins, slots with what fills them, roles and the audit log. */
export function AdminPage({ section = 'kinds', kindId }: { section?: string; kindId?: string }): ReactElement {
  const access = useAccess();
  const sections = SECTIONS.filter((item) => !('permission' in item) || access.can(item.permission));
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Admin
      </Typography>
      <Tabs value={sections.some((item) => item.id === section) ? section : 'kinds'} onChange={(_event, value: string) => navigate(`/admin/${value}`)} aria-label="Admin sections" variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile>
        {sections.map((item) => (
          <Tab key={item.id} value={item.id} label={item.label} />
        ))}
      </Tabs>
      {section === 'audit' && sections.some((item) => item.id === 'audit') ? (
        <Suspense fallback={<span aria-busy="true" />}>
          <AuditAdmin />
        </Suspense>
      ) : section === 'roles' ? (
        <Suspense fallback={<span aria-busy="true" />}>
          <RolesAdmin />
        </Suspense>
      ) : section === 'plugins' ? (
        <Suspense fallback={<span aria-busy="true" />}>
          <PluginsAdmin />
        </Suspense>
      ) : section === 'slots' ? <SlotsAdmin /> : <KindsAdmin kindId={kindId} />}
    </Stack>
  );
}
