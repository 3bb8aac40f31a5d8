import type { CatalogService, EntityEvent, LoggerService } from '@portico/plugin-api';
import type { CicdConfig } from '../config/cicd-config';

/**
 * Pipelines and builds ingested before their Component existed carry no `component`
 * relation (providers of different plugins run concurrently, and a component may be
 * registered later). When the component is created, link them at once instead of waiting
 * for the next resync.
 */
export function linkIngestedToComponent(deps: { config: CicdConfig; catalog: CatalogService; logger: LoggerService }): () => void {
  const { config, catalog, logger } = deps;
  const repositoriesOf = (componentId: string): string[] =>
    config.repositories.filter((r) => (r.component ?? r.repository.split('/')[1].toLowerCase()) === componentId).map((r) => r.repository);

  return catalog.onEvent(async (event: EntityEvent) => {
    if (event.kind !== 'component' || event.type !== 'created') return;
    const repositories = repositoriesOf(event.id);
    if (repositories.length === 0) return;
    try {
      for (const kind of ['pipeline', 'build']) {
        let cursor: string | undefined;
        do {
          const page = await catalog.query({
            kind,
            filter: { combinator: 'and', rules: [{ property: 'repository', operator: 'in', value: repositories }] },
            limit: 500,
            cursor,
          });
          for (const entity of page.items) {
            if (entity.relations.component === event.id) continue;
            await catalog.patch({ kind, id: entity.id }, { relations: { ...entity.relations, component: event.id } }, { actor: 'plugin:cicd' });
          }
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
    } catch (error) {
      logger.warn(`could not link ${repositories.join(', ')} to component ${event.id}: ${(error as Error).message}`);
    }
  });
}
