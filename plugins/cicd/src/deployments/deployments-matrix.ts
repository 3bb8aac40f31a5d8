import type { Entity, EntityQuery, QueryRule } from '@portico/plugin-api';
import type { CatalogAccess } from './deployment-records';

/** @public */
export interface MatrixCell {
  /** The version live now: the newest successful deployment. */
  version: string | null;
  deployedAt: string | null;
  deployment: string | null;
  url: string | null;
  /** The newest deployment when it is newer than the live one (running, failed, cancelled). */
  latest: { id: string; version: string; status: string; deployedAt: string } | null;
  lock: { lockedBy: string; reason: string; lockedAt: string } | null;
}

/** @public */
export interface DeploymentsMatrix {
  environments: Array<{ id: string; title: string; tier: string }>;
  services: Array<{ id: string; title: string; system: string | null; cells: Record<string, MatrixCell> }>;
}

/** Pages through a query; `enough` stops early once the pages read so far answer the question. */
async function queryAll(catalog: CatalogAccess, query: EntityQuery, enough: (items: Entity[]) => boolean = () => false, max = 5000): Promise<Entity[]> {
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ ...query, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max && !enough(items));
  return items;
}

/** Services × environments: what is deployed where, since when, and whether it is locked. */
export async function buildDeploymentsMatrix(catalog: CatalogAccess, options: { system?: string } = {}): Promise<DeploymentsMatrix> {
  const serviceRules: QueryRule[] = [{ property: 'type', operator: '=', value: 'service' }];
  if (options.system) serviceRules.push({ property: 'relations.partOf', operator: '=', value: options.system });
  const [environments, services] = await Promise.all([
    queryAll(catalog, { kind: 'environment', sort: { property: 'order', order: 'asc' } }),
    queryAll(catalog, { kind: 'component', filter: { combinator: 'and', rules: serviceRules } }).then((items) => items.sort((a, b) => a.title.localeCompare(b.title))),
  ]);
  const serviceIds = services.map((s) => s.id);
  const [deployments, locks] = serviceIds.length === 0
    ? [[], []]
    : await Promise.all([
        // History grows with every deploy: newest first, stop once every cell has its live version.
        queryAll(
          catalog,
          { kind: 'deployment', filter: { combinator: 'and', rules: [{ property: 'relations.service', operator: 'in', value: serviceIds }] }, sort: { property: 'deployedAt', order: 'desc' } },
          (items) => new Set(items.filter((d) => d.properties.status === 'succeeded').map((d) => `${String(d.relations.service)}\u0000${String(d.relations.environment)}`)).size >= serviceIds.length * environments.length,
        ),
        queryAll(catalog, { kind: 'deployment-lock', filter: { combinator: 'and', rules: [{ property: 'relations.service', operator: 'in', value: serviceIds }] } }),
      ]);

  const cells = new Map<string, MatrixCell>();
  const cell = (service: string, environment: string): MatrixCell => {
    const key = `${service}\u0000${environment}`;
    let found = cells.get(key);
    if (!found) {
      found = { version: null, deployedAt: null, deployment: null, url: null, latest: null, lock: null };
      cells.set(key, found);
    }
    return found;
  };
  // Newest first, so the first succeeded one per pair is the live version.
  for (const d of [...deployments].sort((a, b) => String(b.properties.deployedAt).localeCompare(String(a.properties.deployedAt)))) {
    const c = cell(String(d.relations.service), String(d.relations.environment));
    const p = d.properties as { version: string; status: string; deployedAt: string; url?: string };
    if (c.version === null && p.status === 'succeeded') {
      c.version = p.version;
      c.deployedAt = p.deployedAt;
      c.deployment = d.id;
      c.url = p.url ?? null;
    } else if (c.version === null && c.latest === null) {
      c.latest = { id: d.id, version: p.version, status: p.status, deployedAt: p.deployedAt };
    }
  }
  for (const lock of locks) {
    const p = lock.properties as { lockedBy: string; reason: string; lockedAt: string };
    cell(String(lock.relations.service), String(lock.relations.environment)).lock = { lockedBy: p.lockedBy, reason: p.reason, lockedAt: p.lockedAt };
  }
  return {
    environments: environments.map((e) => ({ id: e.id, title: e.title, tier: String(e.properties.tier ?? '') })),
    services: services.map((s) => ({
      id: s.id,
      title: s.title,
      system: typeof s.relations.partOf === 'string' ? s.relations.partOf : null,
      cells: Object.fromEntries(environments.map((e) => [e.id, cell(s.id, e.id)])),
    })),
  };
}
