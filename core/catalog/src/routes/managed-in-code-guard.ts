import { ConflictError, managedInCode, type Entity, type KindDefinition } from '@portico/plugin-api';

/**
 * A direct write (PUT, PATCH, DELETE, bulk) to an entity applied from a catalog file is
 * refused with a 409 naming the file: the next apply would undo it. Kinds with
 * `allowOverrides: true` accept such writes (the entity stays owned by its file).
 */
export function refuseEditOfCodeManaged(kind: KindDefinition, before: Entity | null, ref: string, deleting = false): void {
  const file = managedInCode(before);
  if (!file || kind.allowOverrides) return;
  throw new ConflictError(
    `${ref} is managed in code: ${file}. ${deleting ? 'Remove it from' : 'Change it in'} that file and apply it ("portico catalog apply", or the git sync); a direct edit would be undone by the next apply. A kind with allowOverrides: true accepts direct edits.`,
    { file, source: before!.meta.source },
    'managed-in-code',
  );
}
