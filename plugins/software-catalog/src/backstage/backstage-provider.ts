import type { CatalogService, EntityProvider } from '@portico/plugin-api';
import { formatImportReport } from './backstage-import-report';
import { BackstageSources, describeSource, type BackstageSourceConfig } from './backstage-sources';

/** @public */
export interface BackstageSyncConfig {
  sources: BackstageSourceConfig[];
  everyMs?: number;
  maxDeleteShare?: number;
  allowLargeDelete?: boolean;
}

export const BACKSTAGE_PROVIDER_ID = 'software-catalog.backstage';

/**
 * Keeps Backstage catalog sources in sync as a full sync: entities removed from the files go.
 * When a file could not be read or parsed its entities are missing from the set, so that
 * sync deletes nothing; an unchanged URL or git source skips the sync altogether.
 */
export function backstageProvider(config: BackstageSyncConfig, catalog: Pick<CatalogService, 'get'>): EntityProvider {
  const sources = new BackstageSources(config.sources);
  return {
    id: BACKSTAGE_PROVIDER_ID,
    ...(config.everyMs ? { everyMs: config.everyMs } : {}),
    async refresh(ctx) {
      const { entities, report, unchanged } = await sources.load({ exists: async (kind, id) => (await catalog.get({ kind, id })) !== null });
      if (unchanged) {
        ctx.logger.debug('Backstage sources unchanged', { sources: config.sources.map(describeSource) });
        return;
      }
      const problems = report.errors.length + report.unresolved.length;
      if (problems) ctx.logger.warn(`Backstage import found ${report.errors.length} errors and ${report.unresolved.length} unresolved relations:\n${formatImportReport(report).join('\n')}`);
      if (report.incomplete) ctx.logger.warn('Some Backstage files could not be read or parsed: this sync deletes nothing until they can');
      const result = await ctx.applyFullSync(entities, report.incomplete ? { maxDeleteShare: 0 } : { maxDeleteShare: config.maxDeleteShare, allowLargeDelete: config.allowLargeDelete });
      for (const failure of result.failed) ctx.logger.warn(`Backstage entity ${failure.ref ? `${failure.ref.kind}/${failure.ref.id}` : `#${failure.index}`} was refused: ${failure.detail}`);
      ctx.logger.info('Backstage catalog synced', { created: result.created, updated: result.updated, unchanged: result.unchanged, deleted: result.deleted.length, heldBack: result.heldBack?.refs.length ?? 0, failed: result.failed.length });
    },
  };
}
