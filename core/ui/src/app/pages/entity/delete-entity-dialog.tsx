import { useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Entity, EntityRef, KindDefinition } from '@portico/plugin-api';
import { apiFetch, ApiError, EntityLink, navigate } from '@portico/ui-api';
import { entityEtag } from './entity-etag';

/** The catalog's 409 when others require the entity: `dependents` (up to 100) and their count. */
function dependentsOf(error: Error | null): { refs: EntityRef[]; count: number } | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.problem.type !== 'urn:portico:problem:required-by-others') return null;
  const refs = Array.isArray(error.problem.dependents) ? (error.problem.dependents as EntityRef[]) : [];
  return { refs, count: typeof error.problem.dependentsCount === 'number' ? error.problem.dependentsCount : refs.length };
}

/**
 * Asks before deleting, with `If-Match`. When others require the entity, the catalog
 * refuses; the dialog lists them and offers to delete them too, saying so plainly.
 */
export default function DeleteEntityDialog({ entity, kind, onClose }: { entity: Entity; kind: KindDefinition; onClose(): void }): ReactElement {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const dependents = dependentsOf(error);
  const ref = `${entity.kind}/${entity.id}`;

  const remove = async (cascade: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/kinds/${encodeURIComponent(entity.kind)}/entities/${encodeURIComponent(entity.id)}${cascade ? '?cascade=true' : ''}`, { method: 'DELETE', headers: { 'if-match': entityEtag(entity) } });
      onClose();
      navigate(`/catalog/${encodeURIComponent(entity.kind)}`);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-entity-title" aria-describedby="delete-entity-text">
      <DialogTitle id="delete-entity-title">Delete {entity.title}?</DialogTitle>
      <DialogContent>
        <DialogContentText id="delete-entity-text">{`${kind.title} ${ref} is removed from the catalog. This cannot be undone.`}</DialogContentText>
        {dependents ? (
          <Alert severity="warning" sx={{ mt: 2 }} role="alert">
            {`${dependents.count} ${dependents.count === 1 ? 'entity requires' : 'entities require'} ${ref}. Deleting with its dependents also deletes ${dependents.count === 1 ? 'it' : 'all of them'}, and whatever requires those:`}
            <Box component="ul" sx={{ pl: 2, my: 1 }} aria-label="Dependents">
              {dependents.refs.map((dependent) => (
                <li key={`${dependent.kind}:${dependent.id}`}>
                  <EntityLink entity={dependent} /> ({dependent.kind})
                </li>
              ))}
            </Box>
          </Alert>
        ) : (
          error && (
            <Alert severity="error" sx={{ mt: 2 }} role="alert">
              {error instanceof ApiError && error.status === 412 ? `Someone changed ${ref} since this page loaded; reload the page and check it before deleting.` : error.message}
            </Alert>
          )
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        {dependents ? (
          <Button color="error" variant="contained" disabled={busy} onClick={() => void remove(true)}>
            {`Delete with ${dependents.count} ${dependents.count === 1 ? 'dependent' : 'dependents'}`}
          </Button>
        ) : (
          <Button color="error" variant="contained" disabled={busy} onClick={() => void remove(false)}>
            Delete
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
