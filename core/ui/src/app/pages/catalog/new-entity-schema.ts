import type { JsonSchema, KindDefinition } from '@portico/plugin-api';

/** The form schema of a new entity: id, title, owner, relations (as pickers) and the kind's properties. */
export function newEntitySchema(kind: KindDefinition): JsonSchema {
  const relations: Record<string, JsonSchema> = {};
  for (const [name, relation] of Object.entries(kind.relations ?? {})) {
    const picker = { type: 'string', format: 'entity', 'x-portico-entity': { kind: relation.target } };
    relations[name] = relation.many ? { type: 'array', title: relation.title ?? name, items: picker } : { ...picker, title: relation.title ?? name };
  }
  return {
    type: 'object',
    required: ['id', 'title', ...(kind.ownerKind ? ['owner'] : [])],
    properties: {
      id: { type: 'string', title: 'Id', description: 'Lower-case letters, digits and dashes', pattern: '^[a-z0-9][a-z0-9._-]*$' },
      title: { type: 'string', title: 'Title', minLength: 1 },
      description: { type: 'string', title: 'Description' },
      ...(kind.ownerKind ? { owner: { type: 'string', title: 'Owner', format: 'entity', 'x-portico-entity': { kind: kind.ownerKind } } } : {}),
      ...(Object.keys(relations).length > 0 ? { relations: { type: 'object', title: 'Relations', properties: relations } } : {}),
      properties: { ...kind.schema, title: 'Properties' },
    },
  };
}
