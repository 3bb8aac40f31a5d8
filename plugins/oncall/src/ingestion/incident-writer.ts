import type { CatalogService, Entity, EntityInput } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';
import { entityIdFor } from '../config/oncall-config';
import type { TimelineEntry } from '../kinds/incident-kind';
import type { PdIncident } from '../pagerduty/pagerduty-types';
import { incidentEntity, pagerDutyUpdatedAt } from './pagerduty-entities';
import { buildServiceMap, serviceKey } from './service-map';

type Catalog = Pick<CatalogService, 'get' | 'query' | 'upsert'>;

const TIMELINE_LIMIT = 200;

/** The runbook to start when an incident of `component` is triggered: the first with `runOnTrigger`. */
export async function triggeredRunbookOf(catalog: Pick<CatalogService, 'query'>, component: string): Promise<string | null> {
  const found = await catalog.query({
    kind: 'runbook',
    filter: { combinator: 'and', rules: [{ property: 'relations.components', operator: 'contains', value: component }, { property: 'runOnTrigger', operator: '=', value: true }] },
    sort: { property: 'id', order: 'asc' },
    limit: 1,
  });
  return found.items[0]?.id ?? null;
}

async function exists(catalog: Pick<CatalogService, 'get'>, kind: string, id: unknown): Promise<boolean> {
  return typeof id === 'string' && (await catalog.get({ kind, id })) !== null;
}

/**
 * Builds the entity of a PagerDuty incident as the portal should store it now: the stored
 * timeline kept (plus `append`; or only `append` when it is PagerDuty's whole log),
 * relations only to entities that exist, and, the first time a triggered incident is seen,
 * the runbook its service starts on trigger. A copy older than the stored one (a resync that
 * read PagerDuty before an action or a webhook changed it, a late webhook) never overwrites
 * it: the answer is null, or the stored incident with `append` added to its timeline.
 */
export async function incidentInput(catalog: Catalog, account: string, incident: PdIncident, serviceMap: Map<string, string>, append: TimelineEntry[] = [], options: { replaceTimeline?: boolean } = {}): Promise<EntityInput | null> {
  const stored = await catalog.get({ kind: 'incident', id: entityIdFor(account, incident.id) });
  const storedAt = stored?.properties.pagerdutyUpdatedAt;
  if (stored && typeof storedAt === 'string' && Date.parse(pagerDutyUpdatedAt(incident)) < Date.parse(storedAt)) {
    if (options.replaceTimeline || append.length === 0) return null;
    const timeline = [...((stored.properties.timeline as TimelineEntry[] | undefined) ?? []), ...append].slice(-TIMELINE_LIMIT);
    return { kind: stored.kind, id: stored.id, title: stored.title, description: stored.description, owner: stored.owner, relations: stored.relations, properties: { ...stored.properties, timeline } };
  }
  const kept = options.replaceTimeline ? [] : ((stored?.properties.timeline as TimelineEntry[] | undefined) ?? []);
  const previous = kept.filter((e) => !append.some((a) => a.at === e.at && a.summary === e.summary));
  const timeline = [...previous, ...append].slice(-TIMELINE_LIMIT);
  const draft = incidentEntity(account, incident, serviceMap, { timeline });
  const component = draft.relations?.component as string | null;
  if (!(await exists(catalog, 'component', component))) draft.relations!.component = null;
  if (!(await exists(catalog, 'escalation-policy', draft.relations?.escalationPolicy))) draft.relations!.escalationPolicy = null;
  const autoRunbook = stored ? ((stored.properties.autoRunbook as string | null) ?? null) : incident.status === 'triggered' && draft.relations!.component ? await triggeredRunbookOf(catalog, draft.relations!.component as string) : null;
  draft.properties!.autoRunbook = autoRunbook;
  return draft;
}

/**
 * Writes one incident now (a webhook, an action). Its Component is the one already linked, or
 * found by scanning the catalog's Components the first time the portal sees the incident.
 */
export async function writeIncident(catalog: Catalog, config: OncallConfig, account: string, incident: PdIncident, append: TimelineEntry[] = []): Promise<Entity> {
  const ref = { kind: 'incident', id: entityIdFor(account, incident.id) };
  const linked = (await catalog.get(ref))?.relations.component;
  const serviceMap = typeof linked === 'string' ? new Map([[serviceKey(account, incident.service.id), linked]]) : await buildServiceMap(config, catalog);
  const input = await incidentInput(catalog, account, incident, serviceMap, append);
  // Only an older copy with nothing to add yields no input: the stored incident stands.
  return input ? catalog.upsert(input) : (await catalog.get(ref))!;
}
