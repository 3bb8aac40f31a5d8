import type { JsonSchema } from '@portico/plugin-api';

const meta: JsonSchema = {
  type: 'object',
  properties: {
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string' },
    updatedBy: { type: 'string' },
    version: { type: 'integer' },
    source: { type: 'string', description: 'The source that owns the entity: `provider:<id>`, or `code:<file>` for an entity managed in a catalog file (direct edits are refused unless its kind sets allowOverrides); absent for entities written only through the API.' },
  },
};

/** What writers send; the kind's own JSON Schema then checks `properties`. */
export const entityInputSchema: JsonSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: ['string', 'null'] },
    owner: { type: ['string', 'null'] },
    properties: { type: 'object' },
    relations: { type: 'object' },
    meta: { type: 'object', description: 'Ignored on writes (the server keeps it).' },
    computed: { type: 'object', description: 'Ignored on writes (computed on read).' },
  },
};

export const entitySchema: JsonSchema = {
  type: 'object',
  required: ['kind', 'id', 'title', 'properties', 'relations', 'meta'],
  properties: {
    kind: { type: 'string' },
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    owner: { type: 'string' },
    properties: { type: 'object' },
    relations: { type: 'object' },
    computed: { type: 'object' },
    meta,
  },
};

export const kindSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'title', 'schema'],
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    title: { type: 'string' },
    description: { type: 'string' },
    icon: { type: 'string' },
    schema: { type: 'object' },
    relations: { type: 'object' },
    ownerKind: { type: 'string' },
    editable: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: 200 },
    allowOverrides: { type: 'boolean', description: 'Whether entities applied from catalog files may still be edited through the API (default false: refused with 409)' },
    mirror: { type: 'object' },
    calculation: { type: 'object' },
    aggregation: { type: 'object' },
  },
};

export const querySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string' },
    filter: { type: 'object' },
    search: { type: 'string', maxLength: 500 },
    sort: { type: 'object', properties: { property: { type: 'string' }, order: { enum: ['asc', 'desc'] } }, required: ['property'] },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    cursor: { type: 'string' },
    facets: { type: 'array', items: { type: 'string' }, maxItems: 20 },
  },
};

export const queryResultSchema: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', items: entitySchema },
    total: { type: 'integer' },
    nextCursor: { type: ['string', 'null'] },
    facets: { type: 'object' },
  },
};
