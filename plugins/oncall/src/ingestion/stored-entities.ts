import type { CatalogService, Entity } from '@portico/plugin-api';

/** Every stored entity of `kind` from one PagerDuty account, by id. */
export async function storedEntities(catalog: Pick<CatalogService, 'query'>, kind: string, account: string): Promise<Map<string, Entity>> {
  const byId = new Map<string, Entity>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind, filter: { combinator: 'and', rules: [{ property: 'account', operator: '=', value: account }] }, limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) byId.set(e.id, e);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return byId;
}
