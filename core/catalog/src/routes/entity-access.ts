import { ForbiddenError, PERMISSIONS, hasPermission, isOwner, isPluginManaged, scopedPermission, type Entity, type EntityQuery, type Identity, type KindDefinition, type QueryResult } from '@portico/plugin-api';
import { forbidden } from '@portico/http';

/**
 * Whether the identity may read entities of `kind` (and see the kind).
 * @public
 */
export function canReadKind(identity: Identity, kind: string): boolean {
  return hasPermission(identity, scopedPermission(PERMISSIONS.entityRead, kind));
}

/**
 * The query restricted to the kinds the identity may read, so lists, facets and search
 * never count what the caller cannot see; null when it may read none of them.
 */
export function restrictToReadableKinds(identity: Identity, query: EntityQuery, kinds: KindDefinition[]): EntityQuery | null {
  if (query.kind !== undefined) return canReadKind(identity, query.kind) ? query : null;
  if (hasPermission(identity, PERMISSIONS.entityRead)) return query;
  const readable = kinds.map((k) => k.id).filter((id) => canReadKind(identity, id));
  if (readable.length === 0) return null;
  const only = { property: 'kind', operator: 'in' as const, value: readable };
  return { ...query, filter: query.filter ? { combinator: 'and', rules: [query.filter, only] } : { combinator: 'and', rules: [only] } };
}

export const EMPTY_PAGE: QueryResult<never> = Object.freeze({ items: [], total: 0, nextCursor: null }) as QueryResult<never>;

/** The fields of an entity a write changes: `title`, `owner`, property names, `relations.<name>`. */
function changedFields(before: Entity, after: Partial<Entity>): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const key of ['title', 'description', 'owner'] as const) if (key in after && !same(before[key], after[key])) changed.push(key);
  for (const [name, value] of Object.entries(after.properties ?? {})) if (!same(before.properties[name], value)) changed.push(name);
  for (const [name, value] of Object.entries(after.relations ?? {})) if (!same(before.relations[name], value)) changed.push(`relations.${name}`);
  return changed;
}

/**
 * Whether a write of `next` over `before` (null when creating) is allowed, throwing the 403
 * that says why not. The rule, in one place:
 * - a holder of `catalog.entity.write[:kind]` (or `.delete` for deletes) may write any entity;
 * - otherwise a member of the owning team may, and may not hand it to a team they are not in;
 * - on an entity a plugin wrote, nobody changes more than the kind's `editable` fields, and
 *   nobody deletes it: the plugin would write it back.
 */
export function authorizeEntityWrite(options: {
  identity: Identity;
  kind: KindDefinition;
  before: Entity | null;
  /** What the write sets (a full entity for PUT, the changed fields for PATCH); undefined for a delete. */
  next?: Partial<Entity>;
  ref: string;
}): void {
  const { identity, kind, before, next, ref } = options;
  const deleting = next === undefined;
  const permission = scopedPermission(deleting ? PERMISSIONS.entityDelete : PERMISSIONS.entityWrite, kind.id);
  const doing = `${deleting ? 'Deleting' : before ? 'Changing' : 'Creating'} ${ref}`;
  const permitted = hasPermission(identity, permission);
  const ownsBefore = before ? isOwner(identity, before) : true;
  const ownsAfter = next?.owner === undefined ? Boolean(before) : isOwner(identity, { owner: next.owner });
  if (!permitted && !(ownsBefore && ownsAfter)) {
    const why = before && !ownsBefore ? ` and ${identity.id} is not a member of its owning team "${before.owner ?? 'none'}"` : !ownsAfter ? ` and ${identity.id} may give entities only to its own teams (${identity.teams.join(', ') || 'none'})` : '';
    throw forbidden(identity, permission, doing, why);
  }
  if (before && isPluginManaged(before)) {
    const plugin = before.meta.createdBy.slice('plugin:'.length);
    if (deleting) throw forbiddenManaged(identity, `${ref} is written by the plugin "${plugin}"; remove it where the plugin reads it from, and the plugin removes it here.`);
    const editable = new Set(kind.editable ?? []);
    const refused = changedFields(before, next).filter((field) => !editable.has(field));
    if (refused.length) {
      const allowed = editable.size ? `People may change only ${[...editable].join(', ')}` : 'The kind marks no field editable';
      throw forbiddenManaged(identity, `${ref} is written by the plugin "${plugin}", so ${refused.join(', ')} cannot be changed here (the plugin would overwrite it). ${allowed}.`, refused);
    }
  }
}

function forbiddenManaged(identity: Identity, detail: string, fields: string[] = []): ForbiddenError {
  return new ForbiddenError(detail, { fields, identity: identity.id });
}
