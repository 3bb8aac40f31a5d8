import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { Identity } from '@portico/plugin-api';
import { EntityLink, InfoCard, useApi, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

const bare = (team: string): string => (team.startsWith('team:') ? team.slice(5) : team);

/** Home: DAG runs that failed, of DAGs my teams own, newest first. */
export function FailedDagRuns({ widget }: WidgetProps): ReactElement {
  const { data: me } = useApi<Identity>('/me');
  const teams = (me?.teams ?? []).map(bare);
  const runs = useCatalogQuery(
    teams.length > 0
      ? { kind: 'dag-run', filter: { combinator: 'and', rules: [{ property: 'state', operator: '=', value: 'failed' }, { property: 'owner', operator: 'in', value: teams }] }, sort: { property: 'meta.updatedAt', order: 'desc' }, limit: 10 }
      : null,
  );
  const items = runs.data?.items ?? [];
  return (
    <InfoCard title={widget.title}>
      {runs.error && <Alert severity="error">{runs.error.message}</Alert>}
      {me && teams.length === 0 && <Typography color="text.secondary">You are in no team, so no DAGs are yours.</Typography>}
      {runs.data && items.length === 0 && <Typography color="text.secondary">No failed runs of your teams' DAGs.</Typography>}
      <List dense data-testid="failed-dag-runs">
        {items.map((run) => {
          const p = run.properties as { dagId: string; runId: string; url?: string; startDate?: string | null; failedTasks?: string[] };
          return (
            <ListItem key={run.id} disableGutters>
              <ListItemText
                primary={<EntityLink entity={{ kind: 'dag', id: String(run.relations.dag) }}>{p.dagId}</EntityLink>}
                secondary={
                  <>
                    {[p.failedTasks?.length ? `failed: ${p.failedTasks.join(', ')}` : 'failed', p.startDate ? new Date(p.startDate).toLocaleString('en') : null, run.owner].filter(Boolean).join(' · ')}
                    {p.url && (
                      <>
                        {' · '}
                        <Link href={p.url} target="_blank" rel="noreferrer">
                          in Airflow
                        </Link>
                      </>
                    )}
                  </>
                }
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
