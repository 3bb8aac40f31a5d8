import type { CatalogService, Entity } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';

/**
 * Backstage's annotation naming a Component's PagerDuty service, kept by the importers under `properties.annotations`.
 * @public
 */
export const PAGERDUTY_ANNOTATION = 'pagerduty.com/service-id';

export interface ServiceLink {
  account: string;
  serviceId: string;
  routingKeySecret?: string;
}

/** The PagerDuty service a Component is tied to: the config's mapping, its `pagerdutyServiceId` property, or the Backstage annotation. */
export function serviceOfComponent(config: OncallConfig, component: Entity): ServiceLink | null {
  const mapped = config.services.find((s) => s.component === component.id);
  if (mapped) return { account: mapped.account ?? config.accounts[0].id, serviceId: mapped.serviceId, routingKeySecret: mapped.routingKeySecret };
  const p = component.properties as { pagerdutyServiceId?: unknown; pagerdutyAccount?: unknown; annotations?: Record<string, unknown> };
  const account = typeof p.pagerdutyAccount === 'string' ? p.pagerdutyAccount : config.accounts[0].id;
  if (typeof p.pagerdutyServiceId === 'string' && p.pagerdutyServiceId) return { account, serviceId: p.pagerdutyServiceId };
  const annotated = p.annotations?.[PAGERDUTY_ANNOTATION];
  if (typeof annotated === 'string' && annotated) return { account, serviceId: annotated };
  return null;
}

/** `account|serviceId` → Component id, over every Component in the catalog (config mappings included, through `serviceOfComponent`). */
export async function buildServiceMap(config: OncallConfig, catalog: Pick<CatalogService, 'query'>): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await catalog.query({ kind: 'component', limit: 500, ...(cursor ? { cursor } : {}) });
    for (const component of page.items) {
      const link = serviceOfComponent(config, component);
      if (link) map.set(serviceKey(link.account, link.serviceId), component.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // Components found above exist; a mapping naming one not (yet) in the catalog is linked when it arrives.
  return map;
}

export function serviceKey(account: string, serviceId: string): string {
  return `${account}|${serviceId}`;
}
