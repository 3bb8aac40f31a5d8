import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { TableScroller } from '@portico/ui-api';
import { usePluginRegistry } from '../../../plugins/plugin-registry';
import type { PluginChangeRequest } from './plugin-change-dialog';
import type { InstalledPackage } from './plugin-check';

/**
 * Installed plugins with versions, status, what they contribute and their UI bundle's verdict;
 * for admins, the registry's latest version of each npm-installed one with Upgrade and Remove.
 */
export function InstalledPluginsTable({ packages, onChange }: { packages?: InstalledPackage[]; onChange?(request: PluginChangeRequest): void }): ReactElement {
  const { plugins, bundles, error } = usePluginRegistry();
  if (error) return <Alert severity="error">{error.message}</Alert>;
  const manages = Boolean(packages && onChange);
  return (
    <TableScroller label="Installed plugins">
      <Table size="small" aria-label="Installed plugins">
        <TableHead>
          <TableRow>
            <TableCell>Plugin</TableCell>
            <TableCell>Package</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Contributes</TableCell>
            <TableCell>UI bundle</TableCell>
            {manages && <TableCell>Latest</TableCell>}
            {manages && <TableCell>Change</TableCell>}
          </TableRow>
        </TableHead>
        <TableBody>
          {plugins.map((plugin) => {
            const bundle = bundles.get(plugin.id);
            const c = plugin.contributions;
            // Plugins loaded from a path (the repository's own, a plugin under development) are not npm's to change.
            const pkg = packages?.find((p) => p.packageName === plugin.packageName);
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
                {manages && <TableCell>{pkg ? (pkg.latest ?? 'unknown') : 'not from npm'}</TableCell>}
                {manages && (
                  <TableCell>
                    {pkg && (
                      <Stack direction="row" spacing={1}>
                        {pkg.updateAvailable && pkg.latest && (
                          <Button size="small" variant="outlined" onClick={() => onChange?.({ kind: 'upgrade', id: plugin.id, packageName: pkg.packageName, version: pkg.latest! })} aria-label={`Upgrade ${plugin.id} to ${pkg.latest}`}>
                            Upgrade
                          </Button>
                        )}
                        <Button size="small" color="error" onClick={() => onChange?.({ kind: 'remove', id: plugin.id, packageName: pkg.packageName })} aria-label={`Remove ${plugin.id}`}>
                          Remove
                        </Button>
                      </Stack>
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroller>
  );
}
