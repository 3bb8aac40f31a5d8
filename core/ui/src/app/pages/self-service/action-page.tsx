import { lazy, Suspense, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiError, EntityLink, navigate, runPath, useApi, usePortalLocation, useRunAction } from '@portico/ui-api';
import { EntitySelect } from '../../forms/entity-select';
import type { ActionSummary } from './action-summary';

// rjsf and ajv are the heaviest part of the UI: loaded only when a form is opened.
const SchemaForm = lazy(() => import('../../forms/schema-form'));

/** One action's form, generated from its input schema; submitting opens the new run. */
export function ActionPage({ actionId }: { actionId: string }): ReactElement {
  const { data, error } = useApi<{ items: ActionSummary[] }>('/actions');
  const { search } = usePortalLocation();
  const [entityKind, entityIdFromUrl] = (search.get('entity') ?? '').split(/:(.*)/s);
  const action = data?.items.find((item) => item.id === actionId);
  const [entityId, setEntityId] = useState<string | undefined>(entityIdFromUrl || undefined);
  const [inputs, setInputs] = useState<Record<string, unknown>>({});
  const { run, pending, error: runError } = useRunAction(actionId);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <CircularProgress aria-label="Loading action" />;
  if (!action) return <Alert severity="warning">There is no action "{actionId}".</Alert>;
  const needsEntity = Boolean(action.kind) && action.operation !== 'create';
  const kind = action.kind ?? entityKind;
  const submit = async (form: Record<string, unknown>): Promise<void> => {
    const started = await run(form, needsEntity && entityId && kind ? { kind, id: entityId } : null).catch(() => null);
    if (started) navigate(runPath(started.id));
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 720 }}>
      <Typography variant="h4" component="h1">
        {action.title}
      </Typography>
      {action.description && <Typography color="text.secondary">{action.description}</Typography>}
      {action.approval && <Alert severity="info">Runs of this action wait for approval before they start.</Alert>}
      {action.allowed === false && (
        <Alert severity="warning">
          Starting this action needs the permission "{action.permission}", which you do not have: ask a portal admin to grant it (auth.tokens[].permissions in portico.config.yaml).
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: { xs: 1.5, sm: 2 } }}>
        {needsEntity && (
          <Stack spacing={1} sx={{ mb: 2 }}>
            <EntitySelect kind={action.kind} filter={action.condition} value={entityId} onChange={setEntityId} label={`Target ${action.kind}`} required />
            {entityId && kind && (
              <Typography variant="body2">
                Runs on <EntityLink entity={{ kind, id: entityId }} />
              </Typography>
            )}
          </Stack>
        )}
        {runError && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {runError.message}
            {runError instanceof ApiError && runError.fieldProblems.map((problem) => <div key={problem.path}>{`${problem.path}: ${problem.message}`}</div>)}
          </Alert>
        )}
        <Suspense fallback={<CircularProgress aria-label="Loading form" />}>
          <SchemaForm schema={action.inputSchema} formData={inputs} onChange={setInputs} submitLabel={pending ? 'Starting…' : 'Run'} disabled={pending || (needsEntity && !entityId)} onSubmit={(form) => void submit(form)} />
        </Suspense>
      </Paper>
    </Stack>
  );
}
