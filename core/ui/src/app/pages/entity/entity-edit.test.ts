import type { Entity, KindDefinition } from '@portico/plugin-api';
import { editEntitySchema, entityFormData, entityPatch, refusedFieldErrors } from './entity-edit';

const kind: KindDefinition = {
  id: 'component',
  title: 'Component',
  ownerKind: 'team',
  schema: { type: 'object', properties: { lifecycle: { type: 'string' }, tier: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } },
  relations: { partOf: { target: 'system' } },
  editable: ['tier', 'description'],
} as KindDefinition;

const entity: Entity = {
  kind: 'component',
  id: 'cart',
  title: 'Cart',
  owner: 'payments',
  properties: { lifecycle: 'production', tier: 1, tags: ['a', 'b'], extra: { y: 1, x: 2 } },
  relations: { partOf: 'shop' },
  meta: { version: 4, createdBy: 'plugin:software-catalog' },
} as unknown as Entity;

test('sends only what changed, with null for what was emptied', () => {
  const form = entityFormData(entity);
  expect(entityPatch(entity, form)).toEqual({});
  // Object key order in the form does not count as a change.
  expect(entityPatch(entity, { ...form, properties: { ...entity.properties, extra: { x: 2, y: 1 } } })).toEqual({});
  const edited = { ...form, description: 'Checkout', properties: { lifecycle: 'production', tier: 2, extra: { y: 1, x: 2 } }, relations: { partOf: undefined } };
  expect(entityPatch(entity, edited)).toEqual({ description: 'Checkout', properties: { tier: 2, tags: null }, relations: { partOf: null } });
  expect(entityPatch({ ...entity, description: 'Old' }, { ...form, description: '' })).toEqual({ description: null });
});

test('the edit form has no id; on a plugin-managed entity only editable fields are writable', () => {
  const open = editEntitySchema(kind);
  expect(open.properties?.id).toBeUndefined();
  expect(open.properties?.title?.readOnly).toBeUndefined();
  expect(open.properties?.properties?.properties?.lifecycle?.readOnly).toBeUndefined();
  const managed = editEntitySchema(kind, 'software-catalog');
  expect(managed.properties?.title?.readOnly).toBe(true);
  expect(managed.properties?.title?.description).toBe('Written by the plugin "software-catalog": change it where the plugin reads it from.');
  expect(managed.properties?.description?.readOnly).toBeUndefined();
  expect(managed.properties?.owner?.readOnly).toBe(true);
  expect(managed.properties?.properties?.properties?.tier?.readOnly).toBeUndefined();
  expect(managed.properties?.properties?.properties?.lifecycle?.readOnly).toBe(true);
  expect(managed.properties?.relations?.properties?.partOf?.readOnly).toBe(true);
  expect(editEntitySchema({ ...kind, editable: ['relations.partOf'] }, 'x').properties?.relations?.properties?.partOf?.readOnly).toBeUndefined();
});

test("a 403's refused fields become errors next to those fields", () => {
  expect(refusedFieldErrors(['title', 'lifecycle', 'relations.partOf'], 'no')).toEqual({
    title: { __errors: ['no'] },
    properties: { lifecycle: { __errors: ['no'] } },
    relations: { partOf: { __errors: ['no'] } },
  });
  expect(refusedFieldErrors(undefined, 'no')).toEqual({});
});
