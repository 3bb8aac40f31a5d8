import { useMemo, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { navigate, useApi } from '@portico/ui-api';
import { usePluginRegistry } from '../../plugins/plugin-registry';
import type { ActionSummary } from './action-summary';

/** Every action, grouped by the plugin that adds it, then by kind. */
export function SelfServicePage(): ReactElement {
  const { data, error } = useApi<{ items: ActionSummary[] }>('/actions');
  const { plugins } = usePluginRegistry();
  const groups = useMemo(() => {
    const owner = (action: ActionSummary): string => action.pluginId ?? plugins.find((plugin) => plugin.contributions.actions.includes(action.id))?.id ?? action.id.split('.')[0];
    const byPlugin = new Map<string, Map<string, ActionSummary[]>>();
    for (const action of data?.items ?? []) {
      const plugin = owner(action);
      const kinds = byPlugin.get(plugin) ?? new Map<string, ActionSummary[]>();
      const kind = action.kind ?? 'global';
      kinds.set(kind, [...(kinds.get(kind) ?? []), action]);
      byPlugin.set(plugin, kinds);
    }
    return [...byPlugin.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [data, plugins]);
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        Self-service
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {groups.map(([plugin, kinds]) => (
        <Box key={plugin} component="section" aria-label={`Actions of plugin ${plugin}`}>
          <Typography variant="h6" component="h2">
            {plugin}
          </Typography>
          {[...kinds.entries()].map(([kind, actions]) => (
            <Box key={kind} sx={{ mt: 1 }}>
              <Typography variant="overline" component="h3">
                {kind}
              </Typography>
              <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 260px), 1fr))' }}>
                {actions.map((action) => (
                  <Card key={action.id} variant="outlined">
                    <CardActionArea component="a" href={`/self-service/${encodeURIComponent(action.id)}`} onClick={(event: React.MouseEvent) => { event.preventDefault(); navigate(`/self-service/${encodeURIComponent(action.id)}`); }}>
                      <CardContent>
                        <Typography variant="subtitle1" component="span" sx={{ display: 'block' }}>
                          {action.title}
                        </Typography>
                        {action.description && (
                          <Typography variant="body2" color="text.secondary">
                            {action.description}
                          </Typography>
                        )}
                        <Stack direction="row" spacing={0.5} sx={{ mt: 1 }}>
                          <Chip size="small" label={action.operation} />
                          {action.approval && <Chip size="small" color="warning" label="needs approval" />}
                          {action.allowed === false && <Chip size="small" color="error" variant="outlined" label={`needs permission ${action.permission}`} />}
                        </Stack>
                      </CardContent>
                    </CardActionArea>
                  </Card>
                ))}
              </Box>
            </Box>
          ))}
        </Box>
      ))}
      {data && groups.length === 0 && <Typography color="text.secondary">No actions are installed.</Typography>}
    </Stack>
  );
}
