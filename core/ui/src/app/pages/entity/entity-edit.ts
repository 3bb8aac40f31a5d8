import type { Entity, JsonSchema, KindDefinition } from '@portico/plugin-api';
import type { ErrorSchema } from '@rjsf/utils';
import { newEntitySchema } from '../catalog/new-entity-schema';

/** What the edit form shows: the fields a person writes (id, meta and computed values are the server's). */
export function entityFormData(entity: Entity): Record<string, unknown> {
  return { title: entity.title, description: entity.description, owner: entity.owner, relations: entity.relations, properties: entity.properties };
}

/**
 * The edit form's schema: the create form's without the id. On an entity a plugin wrote,
 * every field the kind does not list in `editable` is read-only and says why, as the server
 * would refuse a change to it (the plugin would write it back).
 */
export function editEntitySchema(kind: KindDefinition, plugin?: string): JsonSchema {
  const { id: _id, ...fields } = newEntitySchema(kind).properties ?? {};
  void _id;
  const schema: JsonSchema = { type: 'object', required: ['title', ...(kind.ownerKind ? ['owner'] : [])], properties: fields };
  if (!plugin) return schema;
  const editable = new Set(kind.editable ?? []);
  const lock = (field: JsonSchema, name: string): JsonSchema =>
    editable.has(name) ? field : { ...field, readOnly: true, description: `Written by the plugin "${plugin}": change it where the plugin reads it from.` };
  const nested = (group: 'properties' | 'relations', prefix: string): JsonSchema | undefined => {
    const section = fields[group];
    if (!section) return undefined;
    return { ...section, properties: Object.fromEntries(Object.entries(section.properties ?? {}).map(([name, field]) => [name, lock(field, `${prefix}${name}`)])) };
  };
  const locked: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(fields)) {
    locked[name] = name === 'properties' ? nested('properties', '')! : name === 'relations' ? nested('relations', 'relations.')! : lock(field, name);
  }
  return { ...schema, properties: locked };
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member) ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : member,
  );
}

function changedMembers(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> | undefined {
  const changed: Record<string, unknown> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    // A field emptied in the form is removed: null is a merge patch's "delete".
    if (canonical(before[name]) !== canonical(after[name])) changed[name] = after[name] ?? null;
  }
  return Object.keys(changed).length ? changed : undefined;
}

/**
 * The JSON merge patch from the entity to what the form holds: only what changed, so a
 * plugin-managed entity's untouched fields are never sent (and never refused).
 */
export function entityPatch(before: Entity, form: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const key of ['title', 'description', 'owner'] as const) {
    const value = form[key] === '' ? undefined : form[key];
    if (canonical(before[key]) !== canonical(value)) patch[key] = value ?? null;
  }
  const properties = changedMembers(before.properties, (form.properties ?? {}) as Record<string, unknown>);
  if (properties) patch.properties = properties;
  const relations = changedMembers(before.relations, (form.relations ?? {}) as Record<string, unknown>);
  if (relations) patch.relations = relations;
  return patch;
}

/**
 * The 403's refused fields (`title`, a property name, `relations.<name>`, as the catalog
 * names them) as form errors, so the reason shows next to each field.
 */
export function refusedFieldErrors(fields: unknown, reason: string): ErrorSchema {
  const errors: Record<string, unknown> = {};
  const at = (group: string, name: string): void => {
    const section = (errors[group] ??= {}) as Record<string, unknown>;
    section[name] = { __errors: [reason] };
  };
  for (const field of Array.isArray(fields) ? fields.map(String) : []) {
    if (['title', 'description', 'owner'].includes(field)) errors[field] = { __errors: [reason] };
    else if (field.startsWith('relations.')) at('relations', field.slice('relations.'.length));
    else at('properties', field);
  }
  return errors as ErrorSchema;
}
