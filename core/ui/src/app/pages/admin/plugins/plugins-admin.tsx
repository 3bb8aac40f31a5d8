import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { PERMISSIONS } from '@portico/plugin-api';
import { InfoCard, useApi } from '@portico/ui-api';
import { useAccess } from '../../../access/access-provider';
import { useReloadOnPluginChange } from '../../../plugins/use-reload-on-plugin-change';
import { InstalledPluginsTable } from './installed-plugins-table';
import { PluginChangeDialog, type PluginChangeRequest } from './plugin-change-dialog';
import type { InstalledPackage, PluginChangeOutcome } from './plugin-check';
import { PluginRegistrySearch } from './plugin-registry-search';

/**
 * Admin → Plugins: what runs, and for admins the registry's plugins with install, upgrade and
 * remove, live (the running portal changes; the open tabs learn of it through the event stream).
 */
export default function PluginsAdmin(): ReactElement {
  const access = useAccess();
  const admin = access.can(PERMISSIONS.admin);
  const updates = useApi<{ items: InstalledPackage[] }>(admin ? '/admin/plugins/updates' : null);
  // The plugin list changes by itself on every live change (this tab's or another's); the registry views follow it.
  useReloadOnPluginChange(updates.reload);
  const [request, setRequest] = useState<PluginChangeRequest | null>(null);
  const [outcome, setOutcome] = useState<PluginChangeOutcome | null>(null);
  return (
    <Stack spacing={2}>
      <InfoCard title="Installed plugins">
        {updates.error && <Alert severity="warning">The registry could not be asked for updates: {updates.error.message}</Alert>}
        <InstalledPluginsTable packages={admin ? (updates.data?.items ?? []) : undefined} onChange={admin ? setRequest : undefined} />
      </InfoCard>
      <div role="status" aria-live="polite">
        {outcome && (
          <Alert severity="success" onClose={() => setOutcome(null)} sx={{ whiteSpace: 'pre-line' }}>
            {outcome.messages.join('\n')}
          </Alert>
        )}
      </div>
      {access.loading ? null : admin ? (
        <PluginRegistrySearch onInstall={(spec) => setRequest({ kind: 'install', spec })} />
      ) : (
        <Alert severity="info">{access.refusal('Installing, upgrading and removing plugins', PERMISSIONS.admin)}</Alert>
      )}
      {request && (
        <PluginChangeDialog
          request={request}
          onClose={() => setRequest(null)}
          onDone={(done) => {
            setRequest(null);
            setOutcome(done);
          }}
        />
      )}
    </Stack>
  );
}
