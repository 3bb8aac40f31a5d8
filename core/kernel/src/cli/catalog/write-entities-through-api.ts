import type { EntityInput } from '@portico/plugin-api';

export interface PortalClient {
  url: string;
  token: string;
}

export interface WriteSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ kind: string; id: string; detail: string }>;
}

/** The bulk route's limit per request. */
const BATCH = 1000;

interface BulkResult {
  index: number;
  status: 'created' | 'updated' | 'unchanged' | 'error';
  error?: { detail: string };
}

/**
 * Writes entities with the REST API's bulk route, one kind at a time, kinds in the order
 * their relations need (a relation's target must exist or come in the same request).
 * Entities refused only because a target was not written yet get one more round at the end.
 */
export async function writeEntitiesThroughApi(portal: PortalClient, entities: EntityInput[], onProgress?: (done: number, total: number) => void): Promise<WriteSummary> {
  const summary: WriteSummary = { created: 0, updated: 0, unchanged: 0, failed: [] };
  let done = 0;
  const order = (kind: string): number => {
    const index = ['team', 'user', 'domain', 'system', 'resource', 'api', 'component'].indexOf(kind);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const byKind = new Map<string, EntityInput[]>();
  for (const entity of entities) byKind.set(entity.kind, [...(byKind.get(entity.kind) ?? []), entity]);
  const kinds = [...byKind.keys()].sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  let waiting: Array<{ entity: EntityInput; detail: string }> = [];
  const send = async (kind: string, batch: EntityInput[], last: boolean): Promise<void> => {
    const res = await fetch(`${portal.url}/api/v1/kinds/${encodeURIComponent(kind)}/entities/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${portal.token}` },
      body: JSON.stringify({ entities: batch }),
    });
    const body = (await res.json().catch(() => ({}))) as { results?: BulkResult[]; detail?: string };
    if (!res.ok || !body.results) throw new Error(`POST /api/v1/kinds/${kind}/entities/bulk answered ${res.status}: ${body.detail ?? 'no detail'}`);
    for (const result of body.results) {
      const entity = batch[result.index];
      if (result.status !== 'error') summary[result.status] += 1;
      else if (!last && /which does not exist/.test(result.error?.detail ?? '')) waiting.push({ entity, detail: result.error!.detail });
      else summary.failed.push({ kind: entity.kind, id: entity.id, detail: result.error?.detail ?? 'refused' });
    }
    // Entities waiting for a second round are counted when that round settles them.
    if (!last) done += batch.length - body.results.filter((r) => r.status === 'error' && /which does not exist/.test(r.error?.detail ?? '')).length;
    else done += batch.length;
    onProgress?.(done, entities.length);
  };
  for (const kind of kinds) {
    const list = byKind.get(kind)!;
    for (let i = 0; i < list.length; i += BATCH) await send(kind, list.slice(i, i + BATCH), false);
  }
  const retry = waiting;
  waiting = [];
  for (const kind of kinds) {
    const list = retry.filter((w) => w.entity.kind === kind).map((w) => w.entity);
    for (let i = 0; i < list.length; i += BATCH) await send(kind, list.slice(i, i + BATCH), true);
  }
  return summary;
}
