import type { CatalogService, EntityEvent, LoggerService } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';
import { serviceOfComponent } from './service-map';

/**
 * Policies and incidents ingested before their Component existed (providers of different
 * plugins run concurrently; a component may be registered or imported later) carry no link
 * to it. When a Component tied to a PagerDuty service is created or changed, link them at
 * once instead of waiting for the next resync.
 */
export function linkComponentToService(deps: { config: OncallConfig; catalog: CatalogService; logger: LoggerService }): () => void {
  const { config, catalog, logger } = deps;
  return catalog.onEvent(async (event: EntityEvent) => {
    if (event.kind !== 'component' || !event.after || event.type === 'deleted') return;
    const link = serviceOfComponent(config, event.after);
    if (!link) return;
    const byService = (property: string, operator: 'contains' | '=') => ({
      combinator: 'and' as const,
      rules: [
        { property: 'account', operator: '=' as const, value: link.account },
        { property, operator, value: link.serviceId },
      ],
    });
    try {
      for (const policy of (await catalog.query({ kind: 'escalation-policy', filter: byService('serviceIds', 'contains'), limit: 100 })).items) {
        const components = (policy.relations.components as string[] | null) ?? [];
        if (components.includes(event.id)) continue;
        await catalog.patch({ kind: policy.kind, id: policy.id }, { relations: { ...policy.relations, components: [...components, event.id] } }, { actor: 'plugin:oncall' });
      }
      let cursor: string | undefined;
      do {
        const page = await catalog.query({ kind: 'incident', filter: byService('serviceId', '='), limit: 500, ...(cursor ? { cursor } : {}) });
        for (const incident of page.items) {
          if (incident.relations.component === event.id) continue;
          await catalog.patch({ kind: incident.kind, id: incident.id }, { relations: { ...incident.relations, component: event.id } }, { actor: 'plugin:oncall' });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    } catch (error) {
      logger.warn(`could not link PagerDuty service ${link.serviceId} to component ${event.id}: ${(error as Error).message}`);
    }
  });
}
