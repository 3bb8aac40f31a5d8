import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { usePluginRegistry } from '../../plugins/plugin-registry';

/** Installed plugins with versions, status, what they contribute and their UI bundle's verdict. */
export function PluginsAdmin(): ReactElement {
  const { plugins, bundles, error } = usePluginRegistry();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return (
    <Table size="small" aria-label="Installed plugins">
      <TableHead>
        <TableRow>
          <TableCell>Plugin</TableCell>
          <TableCell>Package</TableCell>
          <TableCell>Version</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Contributes</TableCell>
          <TableCell>UI bundle</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {plugins.map((plugin) => {
          const bundle = bundles.get(plugin.id);
          const c = plugin.contributions;
          return (
            <TableRow key={plugin.id} data-plugin={plugin.id}>
              <TableCell>{plugin.id}</TableCell>
              <TableCell>{plugin.packageName}</TableCell>
              <TableCell>{plugin.version}</TableCell>
              <TableCell>
                <Chip size="small" color={plugin.status === 'running' ? 'success' : 'error'} label={plugin.status} />
                {plugin.error && <div role="note">{plugin.error}</div>}
              </TableCell>
              <TableCell>
                {c.kinds.length} kinds, {c.actions.length} actions, {c.automations?.length ?? 0} automations, {c.widgets.length} widgets, {c.routes.length} routes, {c.providers.length} providers
              </TableCell>
              <TableCell>{!bundle ? '—' : bundle.compatible ? `ui-api ${bundle.uiApi ?? 'any'}` : <Chip size="small" color="error" label="refused" title={bundle.problem} />}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
