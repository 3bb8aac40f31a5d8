import type { EntityInput, EntityProvider } from '@portico/plugin-api';
import type { BackofficeConfig } from '../config/backoffice-config';

export function planEntities(config: BackofficeConfig): EntityInput[] {
  return config.plans.map((p) => ({ kind: 'plan', id: p.id, title: p.title, properties: { tier: p.tier, priceIds: p.priceIds, limits: p.limits } }));
}

/** The configured plans, as Plan entities. */
export function plansProvider(config: BackofficeConfig): EntityProvider {
  return {
    id: 'backoffice.plans',
    async refresh(ctx) {
      await ctx.apply({ upsert: planEntities(config) });
    },
  };
}
