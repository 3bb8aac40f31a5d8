import type { CatalogService, EntityInput, EntityProvider, SecretsService } from '@portico/plugin-api';
import { componentForRepository, type CicdConfig } from '../config/cicd-config';
import type { GitHubConnection } from '../github/github-connection';
import { buildEntity, pipelineEntity } from '../ingestion/github-entities';

/**
 * Resyncs workflows (as pipelines) and recent workflow runs (as builds) of every configured
 * repository. One failing repository (bad name, no access, rate limit) is logged and
 * skipped; the others still sync, and nothing already ingested is deleted. When every
 * repository synced, the pipelines are a full sync: a workflow removed upstream (or a
 * repository removed from the config) loses its pipeline. Builds are history, and only the
 * recent ones are listed, so they are never deleted by a sync.
 */
export function githubActionsProvider(deps: { config: CicdConfig; github: GitHubConnection; secrets: SecretsService; catalog: Pick<CatalogService, 'get'> }): EntityProvider {
  const { config } = deps;
  return {
    id: 'cicd.github-actions',
    everyMs: config.syncIntervalMs,
    async refresh(ctx) {
      const client = await deps.github(deps.secrets);
      let failures = 0;
      const pipelines: EntityInput[] = [];
      for (const { repository } of config.repositories) {
        if (ctx.signal.aborted) return;
        try {
          const componentId = componentForRepository(config, repository)!;
          const componentExists = async (): Promise<boolean> => (await deps.catalog.get({ kind: 'component', id: componentId })) !== null;
          let component = (await componentExists()) ? componentId : null;
          const workflows = await client.listWorkflows(repository);
          const known = new Set(workflows.map((w) => w.id));
          const runs = await client.listWorkflowRuns(repository, { perPage: 50, maxPages: config.runPages });
          const write = async (): Promise<void> => {
            await ctx.apply({ upsert: workflows.map((w) => pipelineEntity(repository, w, component)) });
            await ctx.apply({ upsert: runs.map((run) => buildEntity(repository, run, component, known.has(run.workflow_id))) });
          };
          await write();
          // The component may have been created while we wrote (another plugin's provider):
          // linkIngestedToComponent handles creations after this check, this one those before.
          if (!component && (await componentExists())) {
            component = componentId;
            await write();
          }
          pipelines.push(...workflows.map((w) => pipelineEntity(repository, w, component)));
          if (!component) ctx.logger.warn(`component ${componentId} of ${repository} is not in the catalog; its builds are ingested without the relation until it is`);
          ctx.logger.info(`synced ${repository}`, { workflows: workflows.length, runs: runs.length });
        } catch (error) {
          failures += 1;
          ctx.logger.error(`could not sync ${repository}: ${(error as Error).message}`, { repository });
        }
      }
      if (failures > 0 && failures === config.repositories.length) {
        throw new Error(`GitHub Actions sync failed for all ${failures} repositories; see the log for each reason.`);
      }
      if (failures > 0) {
        ctx.logger.warn(`${failures} repositories did not sync, so pipelines gone upstream are kept until a complete sync`);
        return;
      }
      if (ctx.signal.aborted) return;
      const report = await ctx.applyFullSync(pipelines, { kinds: ['pipeline'] });
      if (report.deleted.length) ctx.logger.info(`removed ${report.deleted.length} pipelines whose workflows are gone`, { pipelines: report.deleted.map((r) => r.id) });
    },
  };
}
