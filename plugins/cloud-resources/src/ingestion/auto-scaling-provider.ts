import type { CatalogService, EntityInput, EntityProvider } from '@portico/plugin-api';
import type { AutoScalingGroupInfo } from '../aws/auto-scaling-api';
import type { AutoScalingConnection } from '../aws/auto-scaling-connection';
import type { AutoScalingConfig, CloudConfig } from '../config/cloud-config';
import { loadComponentLinks, type ComponentLinks } from './component-links';
import { storedEntities } from './stored-entities';
import { unchanged } from './unchanged';

/** `<account>.<group name>`, lower-cased to an entity id. */
export function groupId(account: string, name: string): string {
  return `${account}.${name.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`;
}

export function groupEntity(settings: AutoScalingConfig, group: AutoScalingGroupInfo, links: ComponentLinks): EntityInput {
  return {
    kind: 'auto-scaling-group',
    id: groupId(settings.id, group.name),
    title: group.name,
    properties: { name: group.name, account: settings.id, region: settings.region, arn: group.arn, minSize: group.minSize, maxSize: group.maxSize, desiredCapacity: group.desiredCapacity, instances: group.instances, healthyInstances: group.healthyInstances, status: group.status },
    relations: { component: links.componentFor(group.tags, [settings.componentTag]) },
  };
}

/** Every configured account/region: its groups, linked to the Component their tag names; one failing account stops nothing. */
export function autoScalingProvider(deps: { config: CloudConfig; autoScaling: AutoScalingConnection; catalog: Pick<CatalogService, 'query'> }): EntityProvider {
  return {
    id: 'cloud.auto-scaling',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      if (deps.config.autoScaling.length === 0) return;
      const links = await loadComponentLinks(deps.catalog);
      const failed: string[] = [];
      for (const settings of deps.config.autoScaling) {
        try {
          const groups = await (await deps.autoScaling(settings.id)).listGroups();
          const fresh = groups.map((g) => groupEntity(settings, g, links));
          const stored = await storedEntities(deps.catalog, 'auto-scaling-group', { combinator: 'and', rules: [{ property: 'account', operator: '=', value: settings.id }] });
          const ids = new Set(fresh.map((e) => e.id));
          await ctx.apply({ upsert: fresh.filter((e) => !unchanged(stored.get(e.id), e)), delete: [...stored.keys()].filter((id) => !ids.has(id)).map((id) => ({ kind: 'auto-scaling-group', id })) });
        } catch (error) {
          failed.push(settings.id);
          ctx.logger.error(`Auto Scaling sync of "${settings.id}" failed; the others go on: ${(error as Error).message}`, { account: settings.id });
        }
      }
      if (failed.length === deps.config.autoScaling.length) throw new Error(`Auto Scaling sync failed for every account (${failed.join(', ')}); see the log lines above.`);
    },
  };
}
