import { useEffect, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { apiFetch } from '@portico/ui-api';
import type { PluginChangeOutcome, PluginCheck } from './plugin-check';

/** What the admin asked for: install a package, upgrade or remove an installed plugin. */
export type PluginChangeRequest =
  | { kind: 'install'; spec: string }
  | { kind: 'upgrade'; id: string; packageName: string; version: string }
  | { kind: 'remove'; id: string; packageName: string };

function checkSpec(request: PluginChangeRequest): string | null {
  if (request.kind === 'install') return request.spec;
  if (request.kind === 'upgrade') return `${request.packageName}@${request.version}`;
  return null;
}

function Compatibility({ check }: { check: PluginCheck }): ReactElement {
  const m = check.manifest;
  const contributes = [`${m.kinds?.length ?? 0} kinds`, `${m.actions?.length ?? 0} actions`, `${m.widgets?.length ?? 0} widgets`].join(', ');
  return (
    <>
      <Typography variant="body2">
        {check.name} {check.version} (plugin "{m.id}"){check.description ? `: ${check.description}` : ''}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Needs plugin-api {m.pluginApi}
        {m.uiApi ? `, ui-api ${m.uiApi}` : ''}
        {m.dependsOn?.length ? `, plugins ${m.dependsOn.join(', ')}` : ''}. Contributes {contributes}.
      </Typography>
      {check.compatible ? (
        <Alert severity="success" sx={{ mt: 1 }}>Compatible with this portal.</Alert>
      ) : (
        <Alert severity="error" sx={{ mt: 1 }} aria-label="Why it cannot be installed">
          {check.problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
    </>
  );
}

/**
 * Confirms a plugin change: for an install or upgrade it first shows whether the package fits
 * this portal (nothing is installed until the admin confirms), then runs it and shows the
 * portal's answer.
 */
export function PluginChangeDialog({ request, onClose, onDone }: { request: PluginChangeRequest; onClose(): void; onDone(outcome: PluginChangeOutcome): void }): ReactElement {
  const spec = checkSpec(request);
  const [check, setCheck] = useState<PluginCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!spec) return undefined;
    const controller = new AbortController();
    apiFetch<PluginCheck>(`/admin/plugin-registry/check?package=${encodeURIComponent(spec)}`, { signal: controller.signal }).then(setCheck, (caught: Error) => !controller.signal.aborted && setError(caught.message));
    return () => controller.abort();
  }, [spec]);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const outcome =
        request.kind === 'install'
          ? await apiFetch<PluginChangeOutcome>('/admin/plugins', { method: 'POST', body: { package: request.spec } })
          : request.kind === 'upgrade'
            ? await apiFetch<PluginChangeOutcome>(`/admin/plugins/${encodeURIComponent(request.id)}/upgrade`, { method: 'POST', body: { range: request.version } })
            : await apiFetch<PluginChangeOutcome>(`/admin/plugins/${encodeURIComponent(request.id)}`, { method: 'DELETE' });
      onDone(outcome);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const title = request.kind === 'install' ? `Install ${request.spec}` : request.kind === 'upgrade' ? `Upgrade ${request.id} to ${request.version}` : `Remove ${request.id}`;
  const ready = request.kind === 'remove' || Boolean(check?.compatible);
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="plugin-change-title" fullWidth maxWidth="sm">
      <DialogTitle id="plugin-change-title">{title}</DialogTitle>
      <DialogContent>
        {request.kind === 'remove' && (
          <Typography variant="body2">
            {request.packageName} is unloaded from the running portal and uninstalled. Its kinds and their entities stay in the catalog.
          </Typography>
        )}
        {spec && !check && !error && <LinearProgress aria-label="Checking the package in the registry" />}
        {check && <Compatibility check={check} />}
        {busy && <LinearProgress aria-label="Changing the portal's plugins" sx={{ mt: 2 }} />}
        <div role="status" aria-live="polite">
          {busy ? 'Working: npm installs, then the running portal loads the change (no restart)...' : ''}
        </div>
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 1, whiteSpace: 'pre-line' }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color={request.kind === 'remove' ? 'error' : 'primary'} onClick={() => void confirm()} disabled={busy || !ready}>
          {request.kind === 'install' ? 'Install' : request.kind === 'upgrade' ? 'Upgrade' : 'Remove'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
