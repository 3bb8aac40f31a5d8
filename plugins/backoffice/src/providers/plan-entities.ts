import type { EntityInput } from '@portico/plugin-api';
import type { BackofficeConfig } from '../config/backoffice-config';

/**
 * The configured plans as Plan entities. Customers point at them, and a relation needs its
 * target to exist, so each provider writes these before (or with) the customers it writes.
 */
export function planEntities(config: BackofficeConfig): EntityInput[] {
  return config.plans.map((p) => ({ kind: 'plan', id: p.id, title: p.title, properties: { tier: p.tier, priceIds: p.priceIds, limits: p.limits } }));
}
