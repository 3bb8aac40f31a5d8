import type { EntityInput, EntityProvider } from '@portico/plugin-api';
import type { CicdConfig } from '../config/cicd-config';

export function environmentEntities(config: CicdConfig): EntityInput[] {
  return config.environments.map((env, index) => ({
    kind: 'environment',
    id: env.id,
    title: env.title,
    properties: { tier: env.tier, order: index, ...(env.url ? { url: env.url } : {}) },
    relations: {},
  }));
}

/** The environments named in the plugin config become entities, in config order. */
export function environmentsProvider(config: CicdConfig): EntityProvider {
  return {
    id: 'cicd.environments',
    async refresh(ctx) {
      await ctx.apply({ upsert: environmentEntities(config) });
    },
  };
}
