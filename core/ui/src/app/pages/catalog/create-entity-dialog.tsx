import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { Entity, KindDefinition } from '@portico/plugin-api';
import { apiFetch, ApiError, entityPath, navigate } from '@portico/ui-api';
import SchemaForm from '../../forms/schema-form';
import { newEntitySchema } from './new-entity-schema';

/** Creates an entity of one kind, then opens its page. Server problems show above the form. */
export default function CreateEntityDialog({ kind, onClose }: { kind: KindDefinition; onClose(): void }): ReactElement {
  const schema = useMemo(() => newEntitySchema(kind), [kind]);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [saving, setSaving] = useState(false);
  const [data, setData] = useState<Record<string, unknown>>({});
  const submit = async (form: Record<string, unknown>): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      const created = await apiFetch<Entity>(`/kinds/${encodeURIComponent(kind.id)}/entities`, { method: 'POST', body: { ...form, kind: kind.id, properties: form.properties ?? {}, relations: form.relations ?? {} } });
      onClose();
      navigate(entityPath(created ?? { kind: kind.id, id: String(form.id) }));
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="create-entity-title">
      <DialogTitle id="create-entity-title">New {kind.title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {error.message}
            {error instanceof ApiError && error.fieldProblems.map((problem) => <div key={problem.path}>{`${problem.path}: ${problem.message}`}</div>)}
          </Alert>
        )}
        <SchemaForm schema={schema} formData={data} onChange={setData} submitLabel={saving ? 'Creating…' : 'Create'} disabled={saving} onSubmit={(form) => void submit(form)} />
      </DialogContent>
    </Dialog>
  );
}
