import { NotFoundError, PERMISSIONS, ValidationError, isPluginManaged, type Entity, type EntityQuery, type Identity, type KindDefinition } from '@portico/plugin-api';
import { defineRoute, type ApiRoute } from '@portico/http';
import type { PorticoCatalog } from '../catalog/portico-catalog';
import { entityInputSchema, entitySchema, kindSchema, queryResultSchema, querySchema } from './entity-schemas';
import type { Response } from 'express';
import { etagOf, etagOfVersion, ifMatchVersion } from './etag';
import { EMPTY_PAGE, authorizeEntityWrite, canReadKind, restrictToReadableKinds } from './entity-access';
import { refuseEditOfCodeManaged } from './managed-in-code-guard';

const MAX_BULK = 1000;
const TAGS = ['catalog'];
const OWNERS = 'a member of the team that owns the entity';

function flag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (value === 'true' || value === '') return true;
  if (value === 'false') return false;
  throw new ValidationError(`The query parameter "${name}" must be "true" or "false".`, [{ pointer: `/query/${name}`, message: 'must be "true" or "false"' }]);
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`The query parameter "${name}" must be given once, as text.`, [{ pointer: `/query/${name}`, message: 'must be a single string' }]);
  return value;
}

function integer(value: unknown, name: string): number | undefined {
  const raw = text(value, name);
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,6}$/.test(raw)) throw new ValidationError(`The query parameter "${name}" must be a whole number.`, [{ pointer: `/query/${name}`, message: 'must be a whole number' }]);
  return Number(raw);
}

function withSource(catalog: PorticoCatalog, kind: KindDefinition): KindDefinition & { source: string } {
  return { ...kind, source: catalog.kindSource(kind.id) ?? 'unknown' };
}

/** REST routes of the catalog, relative to /api/v1. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function catalogRoutes(catalog: PorticoCatalog): ApiRoute<any>[] {
  const kindPath = '/kinds/{kind}';
  const entityPath = '/kinds/{kind}/entities/{id}';
  return [
    defineRoute({
      method: 'get',
      path: '/kinds',
      operationId: 'listKinds',
      summary: 'List kinds (with the plugin or API that defines each)',
      tags: TAGS,
      access: { signedIn: 'Lists only the kinds whose entities the caller may read' },
      responses: { '200': { description: 'The kinds', schema: { type: 'object', properties: { items: { type: 'array', items: kindSchema } } } } },
      handler: async ({ identity }) => ({ body: { items: (await catalog.listKinds()).filter((k) => canReadKind(identity, k.id)).map((k) => withSource(catalog, k)) } }),
    }),
    defineRoute({
      method: 'post',
      path: '/kinds',
      operationId: 'createKind',
      summary: 'Create a kind',
      tags: TAGS,
      access: { permission: PERMISSIONS.kindWrite },
      body: kindSchema,
      responses: { '201': { description: 'Created', schema: kindSchema } },
      handler: async ({ body, audit }) => {
        const kind = await catalog.createKind(body);
        audit({ target: `kind:${kind.id}`, before: null, after: kind });
        return { status: 201, headers: { location: `/api/v1/kinds/${kind.id}` }, body: withSource(catalog, kind) };
      },
    }),
    defineRoute({
      method: 'get',
      path: kindPath,
      operationId: 'getKind',
      summary: 'Get a kind',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityRead, scope: 'kind' },
      responses: { '200': { description: 'The kind', schema: kindSchema } },
      handler: async ({ params }) => {
        const kind = await catalog.getKind(params.kind);
        if (!kind) throw catalogNotFound(params.kind);
        return { body: withSource(catalog, kind) };
      },
    }),
    defineRoute({
      method: 'put',
      path: kindPath,
      operationId: 'putKind',
      summary: 'Create or change a kind; existing entities are checked first (dryRun reports, breaking changes need force)',
      tags: TAGS,
      access: { permission: PERMISSIONS.kindWrite, scope: 'kind' },
      body: { ...kindSchema, required: ['title', 'schema'] },
      query: {
        dryRun: { description: 'Only report what the change would break', schema: { type: 'string', enum: ['true', 'false'] } },
        force: { description: 'Apply even if existing entities no longer match', schema: { type: 'string', enum: ['true', 'false'] } },
      },
      responses: {
        '200': { description: 'The change report (applied unless dryRun)', schema: { type: 'object', properties: { kind: { type: 'string' }, entities: { type: 'integer' }, breaking: { type: 'array' }, breakingCount: { type: 'integer' }, applied: { type: 'boolean' } } } },
        '201': { description: 'Created', schema: kindSchema },
      },
      handler: async ({ params, body, query, audit }) => {
        const dryRun = flag(query.dryRun, 'dryRun');
        const force = flag(query.force, 'force');
        const before = await catalog.getKind(params.kind);
        if (!dryRun) audit({ target: `kind:${params.kind}`, before, after: body });
        if (!before) {
          if (body.id !== undefined && body.id !== params.kind) throw new ValidationError(`The kind's id "${body.id}" differs from "${params.kind}" in the path.`, [{ pointer: '/id', message: `must be "${params.kind}"` }]);
          if (dryRun) return { body: { kind: params.kind, entities: 0, breaking: [], breakingCount: 0, applied: false } };
          const kind = await catalog.createKind({ ...body, id: params.kind });
          return { status: 201, body: withSource(catalog, kind) };
        }
        return { body: await catalog.updateKind(params.kind, body, { dryRun, force }) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: kindPath,
      operationId: 'deleteKind',
      summary: 'Delete a kind that has no entities and no kinds relating to it',
      tags: TAGS,
      access: { permission: PERMISSIONS.kindDelete, scope: 'kind' },
      responses: { '204': { description: 'Deleted' } },
      handler: async ({ params, audit }) => {
        audit({ target: `kind:${params.kind}`, before: await catalog.getKind(params.kind), after: null });
        await catalog.deleteKind(params.kind);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/kinds/{kind}/entities',
      operationId: 'listEntities',
      summary: 'List entities of a kind (keyset pages: pass nextCursor as cursor)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityRead, scope: 'kind' },
      query: {
        limit: { description: 'Page size, 1-500 (default 50)', schema: { type: 'string', pattern: '^[0-9]+$' } },
        cursor: { description: 'nextCursor of the previous page' },
        search: { description: 'Full-text search (word prefixes over id, title, description and text properties)' },
        sort: { description: 'id (default), meta.updatedAt, or a number/date-time property' },
        order: { description: 'asc (default) or desc', schema: { type: 'string', enum: ['asc', 'desc'] } },
        facets: { description: 'Comma-separated property names to count values of' },
      },
      responses: { '200': { description: 'A page', schema: queryResultSchema } },
      handler: async ({ params, query, res }) => {
        catalogKind(catalog, params.kind);
        const sort = text(query.sort, 'sort');
        const order = text(query.order, 'order');
        if (order !== undefined && order !== 'asc' && order !== 'desc') throw new ValidationError('The query parameter "order" must be "asc" or "desc".', [{ pointer: '/query/order', message: 'must be "asc" or "desc"' }]);
        const facets = text(query.facets, 'facets');
        const q: EntityQuery = {
          kind: params.kind,
          limit: integer(query.limit, 'limit'),
          cursor: text(query.cursor, 'cursor'),
          search: text(query.search, 'search'),
          ...(sort || order ? { sort: { property: sort ?? 'id', order: (order ?? 'asc') as 'asc' | 'desc' } } : {}),
          ...(facets ? { facets: facets.split(',').map((f) => f.trim()).filter(Boolean) } : {}),
        };
        return sendJson(res, await catalog.queryJson(q));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/kinds/{kind}/entities',
      operationId: 'createEntity',
      summary: 'Create an entity (409 if it exists)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityWrite, scope: 'kind', orOwner: OWNERS },
      body: entityInputSchema,
      responses: { '201': { description: 'Created', schema: entitySchema } },
      handler: async ({ params, body, identity, audit }) => {
        const kind = await kindOf(catalog, params.kind);
        authorizeEntityWrite({ identity, kind, before: null, next: body, ref: `${params.kind}/${String(body.id ?? '')}` });
        const entity = await catalog.create(params.kind, body, { actor: identity.id });
        audit({ target: `${entity.kind}:${entity.id}`, before: null, after: entity });
        return { status: 201, headers: { etag: etagOf(entity), location: `/api/v1/kinds/${entity.kind}/entities/${entity.id}` }, body: entity };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/kinds/{kind}/entities/bulk',
      operationId: 'bulkUpsertEntities',
      summary: `Create or replace up to ${MAX_BULK} entities; atomic per entity, with a result per item`,
      tags: TAGS,
      access: { permission: PERMISSIONS.entityWrite, scope: 'kind' },
      body: { type: 'object', required: ['entities'], additionalProperties: false, properties: { entities: { type: 'array', maxItems: MAX_BULK, items: { type: 'object' } } } },
      responses: {
        '200': {
          description: 'Per-item results (status created, updated, unchanged or error with a problem)',
          schema: { type: 'object', properties: { results: { type: 'array' }, created: { type: 'integer' }, updated: { type: 'integer' }, unchanged: { type: 'integer' }, failed: { type: 'integer' } } },
        },
      },
      handler: async ({ params, body, identity, audit }) => {
        const kind = await kindOf(catalog, params.kind);
        await refuseManagedInBulk(catalog, identity, kind, body.entities);
        audit({ target: `kind:${params.kind}`, note: { bulk: body.entities.length } });
        const results = await catalog.upsertMany(body.entities, { actor: identity.id, path: { kind: params.kind }, pointerPrefix: undefined });
        const count = (status: string): number => results.filter((r) => r.status === status).length;
        return { body: { results, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), failed: count('error') } };
      },
    }),
    defineRoute({
      method: 'get',
      path: entityPath,
      operationId: 'getEntity',
      summary: 'Get an entity (ETag from meta.version)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityRead, scope: 'kind' },
      responses: { '200': { description: 'The entity', schema: entitySchema } },
      handler: async ({ params, res }) => {
        catalogKind(catalog, params.kind);
        const found = await catalog.getJson({ kind: params.kind, id: params.id });
        if (!found) throw entityNotFound(params.kind, params.id);
        res.setHeader('etag', etagOfVersion(found.version));
        return sendJson(res, found.json);
      },
    }),
    defineRoute({
      method: 'put',
      path: entityPath,
      operationId: 'putEntity',
      summary: 'Create or replace an entity (If-Match honoured)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityWrite, scope: 'kind', orOwner: OWNERS },
      body: entityInputSchema,
      responses: { '200': { description: 'Replaced', schema: entitySchema }, '201': { description: 'Created', schema: entitySchema } },
      handler: async ({ params, body, identity, req, audit }) => {
        const kind = await kindOf(catalog, params.kind);
        const before = await catalog.get({ kind: params.kind, id: params.id });
        authorizeEntityWrite({ identity, kind, before, next: { properties: {}, relations: {}, ...body }, ref: `${params.kind}/${params.id}` });
        refuseEditOfCodeManaged(kind, before, `${params.kind}/${params.id}`);
        const entity = await catalog.put({ kind: params.kind, id: params.id }, body, { actor: identity.id, ifVersion: ifMatchVersion(req.get('if-match')) });
        audit({ target: `${entity.kind}:${entity.id}`, before, after: entity });
        return { status: before ? 200 : 201, headers: { etag: etagOf(entity) }, body: entity };
      },
    }),
    defineRoute({
      method: 'patch',
      path: entityPath,
      operationId: 'patchEntity',
      summary: 'Change some fields (JSON merge patch on properties and relations; If-Match honoured)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityWrite, scope: 'kind', orOwner: OWNERS },
      body: entityInputSchema,
      responses: { '200': { description: 'Changed', schema: entitySchema } },
      handler: async ({ params, body, identity, req, audit }) => {
        const kind = await kindOf(catalog, params.kind);
        for (const key of ['kind', 'id'] as const) {
          if (body[key] !== undefined && body[key] !== params[key]) throw new ValidationError(`/${key} cannot be changed by a patch.`, [{ pointer: `/${key}`, message: `must be "${params[key]}" or left out` }]);
        }
        const { kind: _kind, id: _id, meta: _meta, computed: _computed, ...patch } = body;
        void [_kind, _id, _meta, _computed];
        const before = await catalog.get({ kind: params.kind, id: params.id });
        if (!before) throw entityNotFound(params.kind, params.id);
        authorizeEntityWrite({ identity, kind, before, next: patch, ref: `${params.kind}/${params.id}` });
        refuseEditOfCodeManaged(kind, before, `${params.kind}/${params.id}`);
        const entity = await catalog.patch({ kind: params.kind, id: params.id }, patch, { actor: identity.id, ifVersion: ifMatchVersion(req.get('if-match')) });
        audit({ target: `${entity.kind}:${entity.id}`, before, after: entity });
        return { headers: { etag: etagOf(entity) }, body: entity };
      },
    }),
    defineRoute({
      method: 'delete',
      path: entityPath,
      operationId: 'deleteEntity',
      summary: 'Delete an entity; refused while others require it unless cascade=true (If-Match honoured)',
      tags: TAGS,
      access: { permission: PERMISSIONS.entityDelete, scope: 'kind', orOwner: OWNERS },
      query: { cascade: { description: 'Also delete the entities that require this one', schema: { type: 'string', enum: ['true', 'false'] } } },
      responses: { '204': { description: 'Deleted' } },
      handler: async ({ params, query, identity, req, audit }) => {
        const kind = await kindOf(catalog, params.kind);
        const before = await catalog.get({ kind: params.kind, id: params.id });
        if (!before) throw entityNotFound(params.kind, params.id);
        authorizeEntityWrite({ identity, kind, before, ref: `${params.kind}/${params.id}` });
        refuseEditOfCodeManaged(kind, before, `${params.kind}/${params.id}`, true);
        audit({ target: `${before.kind}:${before.id}`, before, after: null });
        await catalog.delete({ kind: params.kind, id: params.id }, { actor: identity.id, cascade: flag(query.cascade, 'cascade'), ifVersion: ifMatchVersion(req.get('if-match')) });
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/entities/query',
      operationId: 'queryEntities',
      summary: 'Query entities: filter (and/or rules, relatedTo), search, sort, keyset pages, facets',
      tags: TAGS,
      access: { signedIn: 'Answers only from the kinds the caller may read' },
      body: querySchema,
      responses: { '200': { description: 'A page of matches', schema: queryResultSchema } },
      handler: async ({ body, res, identity }) => {
        const query = restrictToReadableKinds(identity, body, await catalog.listKinds());
        return query ? sendJson(res, await catalog.queryJson(query)) : { body: EMPTY_PAGE };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/entities/{kind}/{id}/relations',
      operationId: 'getEntityRelations',
      summary: "An entity's relations in both directions",
      tags: TAGS,
      access: { permission: PERMISSIONS.entityRead, scope: 'kind' },
      responses: { '200': { description: 'Outgoing and incoming relations', schema: { type: 'object', properties: { outgoing: { type: 'array' }, incoming: { type: 'array' } } } } },
      handler: async ({ params, identity }) => {
        catalogKind(catalog, params.kind);
        const relations = await catalog.relationsOf({ kind: params.kind, id: params.id });
        return { body: { outgoing: relations.outgoing.filter((r) => canReadKind(identity, r.kind)), incoming: relations.incoming.filter((r) => canReadKind(identity, r.kind)) } };
      },
    }),
  ];
}

/** Sends prepared JSON, text or UTF-8 bytes (the route then returns undefined: it wrote the response itself). */
function sendJson(res: Response, json: string | Buffer): undefined {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', typeof json === 'string' ? Buffer.byteLength(json) : json.length);
  res.end(json);
  return undefined;
}

function catalogNotFound(kind: string): Error {
  return new NotFoundError(`Kind "${kind}" does not exist; list kinds at /api/v1/kinds.`);
}

function entityNotFound(kind: string, id: string): Error {
  return new NotFoundError(`Entity ${kind}/${id} does not exist.`);
}

/** A bulk write may not carry changes people cannot make to plugin-written entities; the whole request is refused, naming the item. */
async function refuseManagedInBulk(catalog: PorticoCatalog, identity: Identity, kind: KindDefinition, items: unknown[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    const id = (item as { id?: unknown })?.id;
    if (typeof id !== 'string') continue;
    const before: Entity | null = await catalog.get({ kind: kind.id, id });
    try {
      refuseEditOfCodeManaged(kind, before, `${kind.id}/${id}`);
    } catch (error) {
      throw Object.assign(error as Error, { message: `/entities/${index}: ${(error as Error).message}` });
    }
    if (!isPluginManaged(before)) continue;
    try {
      authorizeEntityWrite({ identity, kind, before, next: { properties: {}, relations: {}, ...(item as Partial<Entity>) }, ref: `${kind.id}/${id}` });
    } catch (error) {
      throw Object.assign(error as Error, { message: `/entities/${index}: ${(error as Error).message}` });
    }
  }
}

async function kindOf(catalog: PorticoCatalog, id: string): Promise<KindDefinition> {
  const kind = await catalog.getKind(id);
  if (!kind) throw catalogNotFound(id);
  return kind;
}

function catalogKind(catalog: PorticoCatalog, kind: string): void {
  if (!catalog.kindSource(kind)) throw catalogNotFound(kind);
}
