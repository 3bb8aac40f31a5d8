import type { Entity, KindDefinition } from '@portico/plugin-api';
import type { FieldChange } from './catalog-code-plan';

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** JSON equality, key order and prototypes aside (stored kinds and parsed YAML differ in both). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

/** Relation values as the catalog stores them: a list for `many`, empty ones absent. */
function normalRelations(kind: KindDefinition | null, relations: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(isObject(relations) ? relations : {})) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    out[name] = kind?.relations?.[name]?.many ? [...new Set(Array.isArray(value) ? value : [value])] : value;
  }
  return out;
}

/** Field by field, what writing `input` over `before` changes: title, description, owner, properties.<name>, relations.<name>, meta.source. */
export function entityChanges(kind: KindDefinition | null, before: Entity | null, input: Record<string, unknown>, source: string): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, a: unknown, b: unknown): void => {
    if (!sameJson(a ?? null, b ?? null)) changes.push({ field, ...(a !== undefined && a !== null ? { before: a } : {}), ...(b !== undefined && b !== null ? { after: b } : {}) });
  };
  compare('title', before?.title, input.title ?? input.id);
  compare('description', before?.description, input.description);
  compare('owner', before?.owner, input.owner);
  const props = isObject(input.properties) ? input.properties : {};
  for (const name of new Set([...Object.keys(before?.properties ?? {}), ...Object.keys(props)])) compare(`properties.${name}`, before?.properties[name], props[name]);
  const had = normalRelations(kind, before?.relations);
  const wants = normalRelations(kind, input.relations);
  for (const name of new Set([...Object.keys(had), ...Object.keys(wants)])) compare(`relations.${name}`, had[name], wants[name]);
  compare('meta.source', before?.meta.source, source);
  return changes;
}

/** Top-level fields of a kind (and each property of its schema) that differ. */
export function kindChanges(before: KindDefinition | null, after: KindDefinition): FieldChange[] {
  const changes: FieldChange[] = [];
  const a = (before ?? {}) as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'schema' && before) {
      const pa = before.schema.properties ?? {};
      const pb = after.schema.properties ?? {};
      for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) if (!sameJson(pa[name], pb[name])) changes.push({ field: `schema.properties.${name}`, before: pa[name], after: pb[name] });
      const { properties: _x, ...restA } = before.schema;
      const { properties: _y, ...restB } = after.schema;
      void [_x, _y];
      if (!sameJson(restA, restB)) changes.push({ field: 'schema', before: restA, after: restB });
    } else if (!sameJson(a[key], b[key])) changes.push({ field: key, before: a[key], after: b[key] });
  }
  return changes;
}
