import { useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import type { Entity, KindDefinition } from '@portico/plugin-api';
import { apiFetch, ApiError } from '@portico/ui-api';
import { managingPlugin } from '../../access/access-of';
import SchemaForm from '../../forms/schema-form';
import { editEntitySchema, entityFormData, entityPatch, refusedFieldErrors } from './entity-edit';
import { entityEtag } from './entity-etag';

function entityUrl(entity: Entity): string {
  return `/kinds/${encodeURIComponent(entity.kind)}/entities/${encodeURIComponent(entity.id)}`;
}

/**
 * Edits an entity with a form from its kind's schema and sends only what changed, as a merge
 * patch with `If-Match`: a 412 means someone wrote it meanwhile (reload offered), a 403's
 * reason shows next to the fields it names.
 */
export default function EditEntityDialog({ entity, kind, onClose, onSaved }: { entity: Entity; kind: KindDefinition; onClose(): void; onSaved(): void }): ReactElement {
  const [base, setBase] = useState(entity);
  const plugin = managingPlugin(base);
  const schema = useMemo(() => editEntitySchema(kind, plugin), [kind, plugin]);
  const [data, setData] = useState<Record<string, unknown>>(() => entityFormData(entity));
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const ref = `${base.kind}/${base.id}`;
  const conflict = error instanceof ApiError && error.status === 412;
  const refused = error instanceof ApiError && error.status === 403 ? refusedFieldErrors(error.problem.fields, error.detail ?? error.message) : undefined;

  const submit = async (form: Record<string, unknown>): Promise<void> => {
    const patch = entityPatch(base, form);
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await apiFetch<Entity>(entityUrl(base), { method: 'PATCH', body: patch, headers: { 'if-match': entityEtag(base) } });
      onSaved();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setSaving(false);
    }
  };

  const reload = async (): Promise<void> => {
    try {
      const fresh = await apiFetch<Entity>(entityUrl(base));
      setBase(fresh);
      setData(entityFormData(fresh));
      setError(null);
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="edit-entity-title">
      <DialogTitle id="edit-entity-title">Edit {base.title}</DialogTitle>
      <DialogContent>
        {plugin && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {`${ref} is written by the plugin "${plugin}": only ${(kind.editable ?? []).join(', ') || 'no field'} can be changed here; the plugin would overwrite the rest.`}
          </Alert>
        )}
        {conflict ? (
          <Alert
            severity="warning"
            sx={{ mb: 2 }}
            role="alert"
            action={
              <Button color="inherit" size="small" onClick={() => void reload()}>
                Reload
              </Button>
            }
          >
            {`Someone changed ${ref} since you opened it. Reload to edit their version (your changes here are discarded).`}
          </Alert>
        ) : (
          error && (
            <Alert severity="error" sx={{ mb: 2 }} role="alert">
              {error.message}
              {error instanceof ApiError && error.fieldProblems.map((problem) => <div key={problem.path}>{`${problem.path}: ${problem.message}`}</div>)}
            </Alert>
          )
        )}
        <SchemaForm key={base.meta.version} schema={schema} formData={data} onChange={setData} extraErrors={refused} submitLabel={saving ? 'Saving…' : 'Save'} disabled={saving || conflict} onSubmit={(form) => void submit(form)} />
      </DialogContent>
    </Dialog>
  );
}
