import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Run } from '@portico/plugin-api';
import { EntityLink, InfoCard, PortalLink, RunStatus, runPath, useApi, type WidgetProps } from '@portico/ui-api';
import { describeChange, type ConfigurationChange } from '../configuration/configuration-diff';
import { ChangeConfigurationDialog } from './change-configuration-dialog';

/** A Customer page: plan, status, version, configuration, and what was changed through the portal. */
export function CustomerCard({ entity, widget }: WidgetProps): ReactElement | null {
  const [editing, setEditing] = useState(false);
  const history = useApi<{ items: Run[] }>(entity ? `/runs?entity=${encodeURIComponent(`customer:${entity.id}`)}&limit=20` : null);
  if (!entity) return null;
  const p = entity.properties as { status?: string; region?: string; softwareVersion?: string; billingId?: string; configuration?: Record<string, unknown>; deleteAt?: string };
  const backofficeRuns = (history.data?.items ?? []).filter((run) => run.actionId.startsWith('backoffice.'));
  return (
    <InfoCard
      title={widget.title}
      action={
        p.status !== 'pending_deletion' && (
          <Button size="small" variant="outlined" onClick={() => setEditing(true)}>
            Change configuration
          </Button>
        )
      }
    >
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mb: 1 }} data-testid="customer-summary">
        {entity.relations.plan && <Chip label={<EntityLink entity={{ kind: 'plan', id: String(entity.relations.plan), title: String(entity.relations.plan) }} />} variant="outlined" />}
        {p.status && <Chip label={p.status.replace(/_/g, ' ')} color={p.status === 'active' ? 'success' : p.status === 'pending_deletion' ? 'warning' : 'default'} data-customer-status={p.status} />}
        {p.softwareVersion && <Chip label={`version ${p.softwareVersion}`} variant="outlined" />}
        {p.region && <Chip label={p.region} variant="outlined" />}
      </Stack>
      {p.status === 'pending_deletion' && <Alert severity="warning">Deleted for good at {p.deleteAt} unless restored.</Alert>}
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Configuration
      </Typography>
      <Table size="small" data-testid="customer-configuration" sx={{ mb: 1 }}>
        <TableBody>
          {Object.entries(p.configuration ?? {}).map(([key, value]) => (
            <TableRow key={key}>
              <TableCell component="th" scope="row" sx={{ pl: 0 }}>
                {key}
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{JSON.stringify(value)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Divider />
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        Changes made through the portal
      </Typography>
      {history.error && <Alert severity="error">{history.error.message}</Alert>}
      {backofficeRuns.length === 0 && !history.loading && <Typography color="text.secondary">None yet.</Typography>}
      <List dense data-testid="customer-history">
        {backofficeRuns.map((run) => {
          const diff = (run.outputs.diff as ConfigurationChange[] | undefined) ?? [];
          return (
            <ListItem key={run.id} disableGutters secondaryAction={<RunStatus status={run.status} />}>
              <ListItemText
                primary={<PortalLink to={runPath(run.id)}>{run.title ?? run.actionId.replace('backoffice.', '').replace(/-/g, ' ')}</PortalLink>}
                secondary={[new Date(run.createdAt).toLocaleString(), `by ${run.actor}`, ...diff.map(describeChange)].join(' · ')}
              />
            </ListItem>
          );
        })}
      </List>
      {editing && <ChangeConfigurationDialog customer={entity} open={editing} onClose={() => setEditing(false)} />}
    </InfoCard>
  );
}
