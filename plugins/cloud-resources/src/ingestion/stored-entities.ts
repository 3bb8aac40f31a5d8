import type { CatalogService, Entity, QueryFilter } from '@portico/plugin-api';

/** Every stored entity of `kind` matching `filter`, by id. */
export async function storedEntities(catalog: Pick<CatalogService, 'query'>, kind: string, filter?: QueryFilter): Promise<Map<string, Entity>> {
  const byId = new Map<string, Entity>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind, ...(filter ? { filter } : {}), limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) byId.set(e.id, e);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byId;
}
