import { lazy, Suspense, useState, type ReactElement } from 'react';
import Stack from '@mui/material/Stack';
import { PERMISSIONS, managedInCode, scopedPermission, type Entity, type KindDefinition } from '@portico/plugin-api';
import { useAccess } from '../../access/access-provider';
import { managingPlugin } from '../../access/access-of';
import { RefusableButton } from '../../access/refusable-button';

const EditEntityDialog = lazy(() => import('./edit-entity-dialog'));
const DeleteEntityDialog = lazy(() => import('./delete-entity-dialog'));

/** Why the caller may not edit the entity, or undefined when they may (the server decides again). */
function editRefusal(access: ReturnType<typeof useAccess>, entity: Entity, kind: KindDefinition): string | undefined {
  const ref = `${entity.kind}/${entity.id}`;
  const file = managedInCode(entity);
  if (file && !kind.allowOverrides) return `${ref} is managed in code: ${file}. Change it in that file and apply it.`;
  const plugin = managingPlugin(entity);
  if (plugin && !(kind.editable ?? []).length) return `${ref} is written by the plugin "${plugin}" and its kind marks no field editable: change it where the plugin reads it from.`;
  const permission = scopedPermission(PERMISSIONS.entityWrite, entity.kind);
  return access.can(permission) || access.ownsEntity(entity) ? undefined : access.refusal(`Editing ${ref}`, permission, entity);
}

function deleteRefusal(access: ReturnType<typeof useAccess>, entity: Entity, kind: KindDefinition): string | undefined {
  const ref = `${entity.kind}/${entity.id}`;
  const file = managedInCode(entity);
  if (file && !kind.allowOverrides) return `${ref} is managed in code: ${file}. Remove it from that file and apply it.`;
  const plugin = managingPlugin(entity);
  if (plugin) return `${ref} is written by the plugin "${plugin}": remove it where the plugin reads it from, and the plugin removes it here.`;
  const permission = scopedPermission(PERMISSIONS.entityDelete, entity.kind);
  return access.can(permission) || access.ownsEntity(entity) ? undefined : access.refusal(`Deleting ${ref}`, permission, entity);
}

/** Edit and Delete for an entity, disabled with the reason for callers the server would refuse. */
export function EntityControls({ entity, kind, onChanged }: { entity: Entity; kind: KindDefinition | undefined; onChanged(): void }): ReactElement | null {
  const access = useAccess();
  const [open, setOpen] = useState<'edit' | 'delete' | null>(null);
  if (!kind || access.loading) return null;
  return (
    <Stack direction="row" spacing={1}>
      <RefusableButton variant="outlined" refusal={editRefusal(access, entity, kind)} onClick={() => setOpen('edit')}>
        Edit
      </RefusableButton>
      <RefusableButton variant="outlined" color="error" refusal={deleteRefusal(access, entity, kind)} onClick={() => setOpen('delete')}>
        Delete
      </RefusableButton>
      <Suspense fallback={null}>
        {open === 'edit' && (
          <EditEntityDialog
            entity={entity}
            kind={kind}
            onClose={() => setOpen(null)}
            onSaved={() => {
              setOpen(null);
              onChanged();
            }}
          />
        )}
        {open === 'delete' && <DeleteEntityDialog entity={entity} kind={kind} onClose={() => setOpen(null)} />}
      </Suspense>
    </Stack>
  );
}
