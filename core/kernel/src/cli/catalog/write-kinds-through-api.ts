import type { KindDefinition } from '@portico/plugin-api';
import type { PortalClient } from './write-entities-through-api';

export interface KindWriteSummary {
  created: string[];
  updated: string[];
  unchanged: string[];
  failed: Array<{ kind: string; detail: string }>;
}

async function request(portal: PortalClient, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${portal.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${portal.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** JSON with sorted keys, to compare a stored kind with a wanted one. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * Creates or changes kinds with the kinds API (PUT /api/v1/kinds/{id}, so kind permissions
 * and the audit log apply). Kinds may point at each other in a cycle, and a relation's target
 * must exist: new kinds are first created without relations and computed properties, then
 * every kind is written whole. A kind a plugin defines, or a change that would break existing
 * entities, is refused by the portal and listed in `failed`.
 */
export async function writeKindsThroughApi(portal: PortalClient, kinds: KindDefinition[]): Promise<KindWriteSummary> {
  const summary: KindWriteSummary = { created: [], updated: [], unchanged: [], failed: [] };
  const fresh = new Set<string>();
  const same = new Set<string>();
  const failed = new Set<string>();
  const fail = (kind: string, status: number, body: Record<string, unknown>): void => {
    failed.add(kind);
    summary.failed.push({ kind, detail: `${status}: ${String(body.detail ?? 'no detail')}` });
  };
  for (const kind of kinds) {
    const path = `/kinds/${encodeURIComponent(kind.id)}`;
    const existing = await request(portal, 'GET', path);
    if (existing.status === 200) {
      const { source: _source, ...stored } = existing.body;
      void _source;
      if (canonical(stored) === canonical(kind)) same.add(kind.id);
      continue;
    }
    if (existing.status !== 404) {
      fail(kind.id, existing.status, existing.body);
      continue;
    }
    const { relations: _r, mirror: _m, aggregation: _a, ...bare } = kind;
    void [_r, _m, _a];
    const created = await request(portal, 'PUT', path, bare);
    if (created.status === 201) fresh.add(kind.id);
    else fail(kind.id, created.status, created.body);
  }
  for (const kind of kinds) {
    if (failed.has(kind.id)) continue;
    if (same.has(kind.id)) {
      summary.unchanged.push(kind.id);
      continue;
    }
    const written = await request(portal, 'PUT', `/kinds/${encodeURIComponent(kind.id)}`, kind);
    if (written.status >= 300) fail(kind.id, written.status, written.body);
    else (fresh.has(kind.id) ? summary.created : summary.updated).push(kind.id);
  }
  return summary;
}
