import type { CatalogService } from '@portico/plugin-api';

/** The ids of every stored entity of `kind` (optionally with `property` = `value`), to delete what the upstream no longer lists. */
export async function storedIds(catalog: Pick<CatalogService, 'query'>, kind: string, where?: { property: string; value: string }): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind, ...(where ? { filter: { combinator: 'and', rules: [{ property: where.property, operator: '=', value: where.value }] } } : {}), limit: 500, ...(cursor ? { cursor } : {}) });
    for (const e of page.items) ids.add(e.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** Resolves team ids to themselves when the team exists in the catalog, else to the fallback (owners must name a team). */
export function teamResolver(catalog: Pick<CatalogService, 'get'>, fallback: string | undefined): (team: string | undefined) => Promise<string | undefined> {
  const known = new Map<string, boolean>();
  return async (team) => {
    if (!team) return fallback;
    if (!known.has(team)) known.set(team, Boolean(await catalog.get({ kind: 'team', id: team })));
    return known.get(team) ? team : fallback;
  };
}
