import type { ActionDefinition } from '@portico/plugin-api';
import { requireEnvironmentMember } from '../environments/require-environment-member';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** ETL mock data into an environment: a Kubernetes Job with the configured image, followed to its end. */
export function loadMockDataAction(deps: CloudActionDeps): ActionDefinition<{ dataset?: string }> {
  const job = deps.config.environments.mockData;
  return {
    id: 'cloud.load-mock-data',
    title: 'Load mock data',
    description: `Runs ${job.image} in this environment's namespace to fill its databases with mock data.`,
    icon: 'dataset',
    kind: 'dev-environment',
    operation: 'day-2',
    permission: 'cloud.environment.load-data',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'ready' }] },
    timeoutMs: 60 * 60 * 1000,
    inputSchema: { type: 'object', additionalProperties: false, properties: { dataset: { type: 'string', title: 'Dataset', pattern: '^[A-Za-z0-9._-]{1,64}$' } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const environment = target(ctx.entity, 'dev-environment', 'developer environment');
        await requireEnvironmentMember(ctx, environment, 'load data into it');
        const [cluster, namespace] = [required(environment, 'cluster'), required(environment, 'namespace')];
        const api = await deps.kubernetes(cluster);
        const name = `mock-data-${ctx.runId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-10)}`;
        const args = [...job.args, ...(ctx.inputs.dataset ? [`--dataset=${ctx.inputs.dataset}`] : [])];
        await api.startJob(namespace, { name, image: job.image, args, labels: { 'app.kubernetes.io/managed-by': 'portico', 'portico.io/run': name } });
        ctx.logger.info(`Started Job ${namespace}/${name} (${job.image}${args.length ? ` ${args.join(' ')}` : ''})`);
        let last = '';
        for (;;) {
          if (ctx.signal.aborted) throw new Error(`Cancelled while Job ${namespace}/${name} runs; it goes on in the cluster.`);
          const state = await api.readJob(namespace, name);
          if (state.message && state.message !== last) ctx.logger.info(`Job ${name}: ${state.message}`);
          last = state.message ?? last;
          if (state.done) {
            if (!state.succeeded) throw new Error(`The mock data Job ${namespace}/${name} failed (${state.message}); see its pod's logs with kubectl logs job/${name} -n ${namespace}.`);
            break;
          }
          await sleep(deps.config.environments.jobPollMs);
        }
        await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { mockDataLoadedAt: new Date().toISOString() } });
        ctx.logger.info(`Mock data loaded into ${namespace}`);
        ctx.setOutput('job', name);
      },
    },
  };
}
