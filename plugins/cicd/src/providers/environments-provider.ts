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

/**
 * The environments named in the plugin config become entities, in config order; one removed
 * from the config is deleted (a full sync), unless deployments still require it.
 */
export function environmentsProvider(config: CicdConfig): EntityProvider {
  return {
    id: 'cicd.environments',
    async refresh(ctx) {
      // The config is edited on purpose and cannot be half-answered like an upstream API, so
      // the mass-deletion guard has nothing to protect here: removing 1 of 3 is 33 %.
      const report = await ctx.applyFullSync(environmentEntities(config), { kinds: ['environment'], allowLargeDelete: true });
      for (const { ref, detail } of report.notDeleted) ctx.logger.warn(`environment ${ref.id} is no longer configured but stays: ${detail}`);
      if (report.failed.length) throw new Error(`${report.failed.length} configured environments could not be written; the first: ${report.failed[0].detail}`);
    },
  };
}
