import type { ReactElement } from 'react';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { navigate } from '@portico/ui-api';
import { KindsAdmin } from './kinds-admin';
import { PluginsAdmin } from './plugins-admin';
import { SlotsAdmin } from './slots-admin';

const SECTIONS = [
  { id: 'kinds', label: 'Kinds' },
  { id: 'plugins', label: 'Plugins' },
  { id: 'slots', label: 'Slots' },
];

/** Kinds (view and edit schemas), installed plugins, and slots with what fills them. */
export function AdminPage({ section = 'kinds', kindId }: { section?: string; kindId?: string }): ReactElement {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Admin
      </Typography>
      <Tabs value={SECTIONS.some((item) => item.id === section) ? section : 'kinds'} onChange={(_event, value: string) => navigate(`/admin/${value}`)} aria-label="Admin sections">
        {SECTIONS.map((item) => (
          <Tab key={item.id} value={item.id} label={item.label} />
        ))}
      </Tabs>
      {section === 'plugins' ? <PluginsAdmin /> : section === 'slots' ? <SlotsAdmin /> : <KindsAdmin kindId={kindId} />}
    </Stack>
  );
}
