import type { CatalogService, Entity, EntityInput, EntityProvider, EntityProviderContext, EntityRef } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';
import type { PagerDutyConnection } from '../pagerduty/pagerduty-connection';
import { incidentInput } from './incident-writer';
import { onCallView, policyEntity, scheduleEntity, timelineOf } from './pagerduty-entities';
import { sameEntity } from './same-entity';
import { buildServiceMap } from './service-map';
import { storedEntities } from './stored-entities';

const DAY = 24 * 60 * 60 * 1000;
const ON_CALL_WINDOW_MS = 14 * DAY;

export interface ProviderDeps {
  config: OncallConfig;
  pagerduty: PagerDutyConnection;
  catalog: Pick<CatalogService, 'get' | 'query' | 'upsert'>;
}

/** Every account in turn: one that fails is logged and the next still syncs. */
export async function forEachAccount(config: OncallConfig, ctx: EntityProviderContext, what: string, sync: (account: string) => Promise<void>): Promise<void> {
  const failures: string[] = [];
  for (const { id } of config.accounts) {
    if (ctx.signal.aborted) return;
    try {
      await sync(id);
    } catch (error) {
      failures.push(id);
      ctx.logger.error(`PagerDuty ${what} of account "${id}" failed; the other accounts go on: ${(error as Error).message}`, { account: id });
    }
  }
  if (failures.length === config.accounts.length && failures.length > 0) throw new Error(`PagerDuty ${what} failed for every account (${failures.join(', ')}); see the log lines above.`);
}

/** Drops unchanged entities from a batch and deletes stored ones PagerDuty no longer has. */
function changes(stored: Map<string, Entity>, fresh: EntityInput[], kind: string, deleteMissing: boolean): { upsert: EntityInput[]; delete: EntityRef[] } {
  const ids = new Set(fresh.map((e) => e.id));
  return {
    upsert: fresh.filter((e) => !sameEntity(stored.get(e.id), e)),
    delete: deleteMissing ? [...stored.keys()].filter((id) => !ids.has(id)).map((id) => ({ kind, id })) : [],
  };
}

/**
 * The full resync: escalation policies (with their services and those services' Components), schedules,
 * who is on call, and open and recent incidents. Incidents are written one by one, so one
 * that the catalog refuses never holds back the others.
 */
export function pagerDutyProvider(deps: ProviderDeps): EntityProvider {
  return {
    id: 'oncall.pagerduty',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      await forEachAccount(deps.config, ctx, 'sync', async (account) => {
        const api = await deps.pagerduty(account);
        const now = Date.now();
        const [services, policies, schedules, oncalls, open, recent] = await Promise.all([
          api.listServices(),
          api.listEscalationPolicies(),
          api.listSchedules(),
          api.listOnCalls({ since: new Date(now).toISOString(), until: new Date(now + ON_CALL_WINDOW_MS).toISOString() }),
          api.listIncidents({ statuses: ['triggered', 'acknowledged'] }),
          deps.config.recentIncidentDays > 0 ? api.listIncidents({ statuses: ['resolved'], since: new Date(now - deps.config.recentIncidentDays * DAY).toISOString(), until: new Date(now).toISOString() }) : Promise.resolve([]),
        ]);
        const view = onCallView(oncalls, now);
        const checkedAt = new Date(now).toISOString();
        const write = async (serviceMap: Map<string, string>): Promise<number> => {
          const scheduleChanges = changes(await storedEntities(deps.catalog, 'schedule', account), schedules.map((s) => scheduleEntity(account, s, view)), 'schedule', true);
          const storedPolicies = await storedEntities(deps.catalog, 'escalation-policy', account);
          const policyInputs = policies.map((p) => policyEntity(account, p, serviceMap, view, checkedAt, services));
          // onCallCheckedAt alone changing is not worth a new version.
          for (const p of policyInputs) {
            const before = storedPolicies.get(p.id);
            if (before && before.properties.onCallCheckedAt) p.properties!.onCallCheckedAt = before.properties.onCallCheckedAt as string;
          }
          const policyChanges = changes(storedPolicies, policyInputs, 'escalation-policy', true);
          await ctx.apply({ upsert: [...scheduleChanges.upsert, ...policyChanges.upsert] });
          await ctx.apply({ delete: [...policyChanges.delete, ...scheduleChanges.delete] });

          const storedIncidents = await storedEntities(deps.catalog, 'incident', account);
          let refused = 0;
          for (const incident of [...open, ...recent]) {
            try {
              // Open incidents get their timeline from PagerDuty's log; resolved ones keep what was stored.
              const isOpen = incident.status !== 'resolved';
              const timeline = isOpen ? timelineOf(await api.listLogEntries(incident.id)) : [];
              const input = await incidentInput(deps.catalog, account, incident, serviceMap, timeline, { replaceTimeline: isOpen });
              if (input && !sameEntity(storedIncidents.get(input.id), input)) await ctx.apply({ upsert: [input] });
            } catch (error) {
              refused++;
              ctx.logger.warn(`PagerDuty incident ${incident.id} of account "${account}" was not synced: ${(error as Error).message}`, { account, incident: incident.id });
            }
          }
          return refused;
        };
        const serviceMap = await buildServiceMap(deps.config, deps.catalog);
        let refused = await write(serviceMap);
        // A Component created while this ran (another plugin's provider, an import) may have
        // missed both this map and the link made on its creation: one more pass links it.
        const after = await buildServiceMap(deps.config, deps.catalog);
        if ([...after].some(([key, component]) => serviceMap.get(key) !== component)) refused = await write(after);
        ctx.logger.info(`PagerDuty account "${account}": ${services.length} services, ${policies.length} escalation policies, ${schedules.length} schedules, ${open.length} open and ${recent.length} recent incidents${refused ? ` (${refused} not synced)` : ''}`);
      });
    },
  };
}

/** Who is on call now and next, every minute by default: only policies and schedules whose on-call changed are written. */
export function onCallProvider(deps: ProviderDeps): EntityProvider {
  return {
    id: 'oncall.on-call',
    everyMs: deps.config.onCallRefreshMs,
    async refresh(ctx) {
      await forEachAccount(deps.config, ctx, 'on-call refresh', async (account) => {
        const api = await deps.pagerduty(account);
        const now = Date.now();
        const view = onCallView(await api.listOnCalls({ since: new Date(now).toISOString(), until: new Date(now + ON_CALL_WINDOW_MS).toISOString() }), now);
        const upsert: EntityInput[] = [];
        // The stored entity with only who is on call replaced; written only when that changed.
        const refreshed = (stored: Entity, onCall: { now: unknown; next: unknown }, extra: Record<string, unknown> = {}): void => {
          const next: EntityInput = { kind: stored.kind, id: stored.id, title: stored.title, description: stored.description, owner: stored.owner, relations: stored.relations, properties: { ...stored.properties, onCall: onCall.now, nextOnCall: onCall.next } };
          if (!sameEntity(stored, next)) upsert.push({ ...next, properties: { ...next.properties, ...extra } });
        };
        const checkedAt = { onCallCheckedAt: new Date(now).toISOString() };
        for (const policy of (await storedEntities(deps.catalog, 'escalation-policy', account)).values()) refreshed(policy, view.byPolicy.get(policy.properties.pagerdutyId as string) ?? { now: [], next: [] }, checkedAt);
        for (const schedule of (await storedEntities(deps.catalog, 'schedule', account)).values()) refreshed(schedule, view.bySchedule.get(schedule.properties.pagerdutyId as string) ?? { now: null, next: null });
        if (upsert.length > 0) await ctx.apply({ upsert });
      });
    },
  };
}
