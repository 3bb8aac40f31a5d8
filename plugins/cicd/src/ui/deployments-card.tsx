import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { formatAge } from './format-age';

const STATUS_COLOR: Record<string, 'success' | 'error' | 'info' | 'default'> = { succeeded: 'success', failed: 'error', in_progress: 'info', cancelled: 'default' };

/** A Component page: what version runs in each environment, locks, and the recent history. */
export function DeploymentsCard({ entity, widget }: WidgetProps): ReactElement {
  const service = entity?.id ?? '';
  const byService = { combinator: 'and' as const, rules: [{ property: 'relations.service', operator: '=' as const, value: service }] };
  const deployments = useCatalogQuery(entity ? { kind: 'deployment', filter: byService, sort: { property: 'deployedAt', order: 'desc' }, limit: 20 } : null);
  const locks = useCatalogQuery(entity ? { kind: 'deployment-lock', filter: byService, limit: 50 } : null);
  const items = deployments.data?.items ?? [];
  const live = new Map<string, Entity>();
  for (const d of items) {
    const env = String(d.relations.environment);
    if (d.properties.status === 'succeeded' && !live.has(env)) live.set(env, d);
  }
  return (
    <InfoCard title={widget.title}>
      {deployments.error && <Alert severity="error">{deployments.error.message}</Alert>}
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} data-testid="deployments-current">
        {[...live.entries()].map(([env, d]) => (
          <Chip key={env} color="success" variant="outlined" label={`${env}: ${String(d.properties.version)}`} title={formatAge(d.properties.deployedAt as string)} />
        ))}
        {(locks.data?.items ?? []).map((lock) => (
          <Chip key={lock.id} color="warning" label={`${String(lock.relations.environment)} locked by ${String(lock.properties.lockedBy)}`} title={String(lock.properties.reason)} />
        ))}
      </Stack>
      {items.length === 0 && !deployments.loading && <Typography color="text.secondary">No deployments reported yet.</Typography>}
      <List dense data-testid="deployments-history">
        {items.map((d) => {
          const p = d.properties as { version: string; status: string; deployedAt: string; strategy?: string; deployedBy?: string; url?: string };
          return (
            <ListItem key={d.id} disableGutters secondaryAction={<Chip size="small" color={STATUS_COLOR[p.status] ?? 'default'} label={p.status.replace('_', ' ')} />}>
              <ListItemText
                primary={
                  <>
                    {p.url ? <Link href={p.url} target="_blank" rel="noreferrer">{p.version}</Link> : p.version} → {String(d.relations.environment)}
                  </>
                }
                secondary={[formatAge(p.deployedAt), p.strategy, p.deployedBy && `by ${p.deployedBy}`].filter(Boolean).join(' · ')}
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
