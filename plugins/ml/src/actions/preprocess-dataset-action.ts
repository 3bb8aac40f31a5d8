import type { ActionDefinition } from '@portico/plugin-api';
import { jobInputSchema } from '../jobs/job-input-schema';
import { pickTemplate, runJob, type JobInputs } from '../jobs/run-job';
import { noteSimulated, type MlActionDeps } from './ml-action-deps';

interface PreprocessInputs extends JobInputs {
  dataset: string;
  owner: string;
}

/** Pre-process a dataset: a Job from a pre-processing template that writes a dataset, recorded in the catalog. */
export function preprocessDatasetAction(deps: MlActionDeps): ActionDefinition<PreprocessInputs> {
  const templates = deps.config.preprocessing;
  return {
    id: 'ml.preprocess-dataset',
    title: 'Pre-process a dataset',
    description: 'Runs a pre-processing Job from a template and records the dataset it writes.',
    icon: 'dataset',
    operation: 'create',
    permission: 'ml.preprocess',
    timeoutMs: deps.config.jobTimeoutMs + 10 * 60 * 1000,
    inputSchema: jobInputSchema(templates, { dataset: { type: 'string', title: 'Dataset name', pattern: '^[a-z0-9][a-z0-9._-]{0,99}$' }, owner: { type: 'string', title: 'Team', format: 'team' } }, ['dataset', 'owner']),
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const template = pickTemplate(templates, ctx.inputs.template, 'pre-processing');
        const location = (template.outputUri ?? 'datasets/{dataset}/{run}').replace('{dataset}', ctx.inputs.dataset).replace('{run}', ctx.runId);
        const id = ctx.inputs.dataset;
        await ctx.catalog.upsert({ kind: 'ml-dataset', id, title: id, owner: ctx.inputs.owner, properties: { location, status: 'writing', template: template.id, job: null, parameters: ctx.inputs.parameters ?? {}, writtenAt: null, error: null } });
        try {
          const outcome = await runJob(ctx, deps, template, 'ml-prep', { PORTICO_OUTPUT_URI: location, PORTICO_DATASET: id });
          if (outcome.state.phase === 'failed') throw new Error(`Pre-processing Job ${outcome.job} failed (${outcome.state.message}); dataset ${id} was not written. See the Job's logs (kubectl logs job/${outcome.job} -n ${template.namespace}).`);
          await ctx.catalog.patch({ kind: 'ml-dataset', id }, { properties: { status: 'ready', job: outcome.job, writtenAt: new Date().toISOString() } });
          ctx.logger.info(`Dataset ${id} written to ${location}`);
          ctx.setOutput('dataset', id);
          ctx.setOutput('location', location);
        } catch (error) {
          await ctx.catalog.patch({ kind: 'ml-dataset', id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}
