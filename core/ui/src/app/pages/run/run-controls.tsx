import { lazy, Suspense, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { PERMISSIONS, type ActionDefinition, type Run } from '@portico/plugin-api';
import { apiFetch, isTerminalStatus, navigate, useApi, useEntity } from '@portico/ui-api';
import { useAccess } from '../../access/access-provider';
import { secretInputsSchema } from './secret-inputs-schema';

const RerunDialog = lazy(() => import('./rerun-dialog'));

type ListedAction = ActionDefinition & { allowed?: boolean };

/**
 * Cancel (while the run has not ended: its actor, or `runs.cancel`) and Re-run (once it
 * has: `actions.run`, or the owning team for a day-2 action, plus the action's own
 * permission, which the actions list reports as `allowed`). Each shows only to those allowed.
 */
export function RunControls({ run, onChanged }: { run: Run; onChanged(): void }): ReactElement | null {
  const access = useAccess();
  const ended = isTerminalStatus(run.status);
  const actions = useApi<{ items: ListedAction[] }>(ended ? '/actions' : null);
  const action = actions.data?.items.find((item) => item.id === run.actionId);
  // Owners may re-run a day-2 action without actions.run: only then is the entity needed.
  const needsOwner = ended && action?.operation === 'day-2' && !access.can(PERMISSIONS.actionsRun);
  const { data: entity } = useEntity(needsOwner && run.entity ? run.entity : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  if (access.loading || !access.me) return null;

  const mayCancel = !ended && (run.actor === access.me.id || access.can(PERMISSIONS.runsCancel));
  const mayRerun = ended && action?.allowed === true && (access.can(PERMISSIONS.actionsRun) || (action.operation === 'day-2' && access.ownsEntity(entity)));
  if (!mayCancel && !mayRerun) return null;
  const secrets = secretInputsSchema(action?.inputSchema);

  const cancel = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/runs/${encodeURIComponent(run.id)}/cancel`, { method: 'POST' });
      onChanged();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const rerun = async (inputs: Record<string, unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const next = await apiFetch<Run>(`/runs/${encodeURIComponent(run.id)}/rerun`, { body: { inputs } });
      setAsking(false);
      navigate(`/runs/${encodeURIComponent(next.id)}`);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1}>
        {mayCancel && (
          <Button variant="outlined" color="error" disabled={busy} onClick={() => void cancel()}>
            Cancel run
          </Button>
        )}
        {mayRerun && (
          <Button variant="outlined" disabled={busy} onClick={() => (secrets ? setAsking(true) : void rerun({}))}>
            Re-run
          </Button>
        )}
      </Stack>
      {error && !asking && <Alert severity="error" role="alert">{error}</Alert>}
      <Suspense fallback={null}>{asking && secrets && <RerunDialog schema={secrets} busy={busy} error={error} onClose={() => setAsking(false)} onSubmit={(inputs) => void rerun(inputs)} />}</Suspense>
    </Stack>
  );
}
