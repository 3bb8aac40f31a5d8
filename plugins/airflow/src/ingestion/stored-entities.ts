import type { CatalogService, Entity } from '@portico/plugin-api';

/** Every stored entity of `kind` whose `property` equals `value`, by id. */
export async function storedEntities(catalog: Pick<CatalogService, 'query'>, kind: string, property: string, value: string): Promise<Map<string, Entity>> {
  const byId = new Map<string, Entity>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind, filter: { combinator: 'and', rules: [{ property, operator: '=', value }] }, limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) byId.set(e.id, e);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byId;
}

/** The ids among `ids` that name an existing entity of `kind` (relations and owners must point at one). */
export async function existingIds(catalog: Pick<CatalogService, 'get'>, kind: string, ids: Iterable<string>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const id of new Set(ids)) if (await catalog.get({ kind, id })) found.add(id);
  return found;
}
