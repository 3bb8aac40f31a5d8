import { useEffect, useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { ActionDefinition, Entity, JsonSchema } from '@portico/plugin-api';
import { navigate, runPath, useApi, useRunAction } from '@portico/ui-api';
import { configurationDiff } from '../configuration/configuration-diff';
import { ConfigurationDiffList } from './configuration-diff-list';
import { ConfigurationFields } from './configuration-fields';

export const CHANGE_CONFIGURATION = 'backoffice.change-configuration';
const NO_CONFIGURATION: Record<string, unknown> = {};

/** The schema's defaults for what `value` leaves out, as the runner fills them in on submit. */
function withDefaults(schema: JsonSchema, value: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...value };
  for (const [name, property] of Object.entries(schema.properties ?? {}) as Array<[string, JsonSchema]>) {
    if (filled[name] === undefined && property.default !== undefined) filled[name] = property.default;
  }
  return filled;
}

/**
 * "Change configuration" with the diff shown before submitting: a form generated from the
 * action's configuration schema, the changes against the current configuration, then a run.
 */
export function ChangeConfigurationDialog({ customer, open, onClose }: { customer: Entity; open: boolean; onClose(): void }): ReactElement {
  // The actions offered on this customer, with `allowed` telling whether the viewer may start each.
  const actions = useApi<{ items: Array<ActionDefinition & { allowed?: boolean }> }>(open ? `/actions?entity=${encodeURIComponent(`${customer.kind}:${customer.id}`)}` : null);
  const action = actions.data?.items.find((a) => a.id === CHANGE_CONFIGURATION);
  const current = (customer.properties.configuration as Record<string, unknown> | undefined) ?? NO_CONFIGURATION;
  const [draft, setDraft] = useState<Record<string, unknown>>(current);
  const { run, pending, error } = useRunAction(CHANGE_CONFIGURATION);
  const schema = action?.inputSchema.properties?.configuration as JsonSchema | undefined;
  // The diff shown is the one the run will make: defaults the runner would add count as changes.
  useEffect(() => {
    if (schema) setDraft((draftNow) => withDefaults(schema, draftNow));
  }, [schema]);
  const diff = useMemo(() => configurationDiff(current, draft), [current, draft]);
  const submit = async (): Promise<void> => {
    const started = await run({ configuration: draft }, { kind: customer.kind, id: customer.id }).catch(() => null);
    if (started) navigate(runPath(started.id));
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="change-configuration-title">
      <DialogTitle id="change-configuration-title">Change configuration of {customer.title}</DialogTitle>
      <DialogContent dividers>
        {actions.error && <Alert severity="error">{actions.error.message}</Alert>}
        {actions.data && !action && <Alert severity="info">Change configuration is not offered on this customer.</Alert>}
        {action?.allowed === false && <Alert severity="warning">You may not change this customer's configuration (it needs {action.permission}).</Alert>}
        {schema && <ConfigurationFields schema={schema} value={draft} onChange={setDraft} />}
        <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>
          Changes
        </Typography>
        <ConfigurationDiffList diff={diff} />
        {error && (
          <Alert severity="error" sx={{ mt: 2 }} data-testid="change-configuration-error">
            {error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={pending || diff.length === 0 || !schema || action?.allowed === false} onClick={() => void submit()}>
          Submit {diff.length} change{diff.length === 1 ? '' : 's'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
