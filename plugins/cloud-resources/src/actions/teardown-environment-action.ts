import type { ActionDefinition } from '@portico/plugin-api';
import { requireEnvironmentMember } from '../environments/require-environment-member';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

/** Tears an environment down: its namespace deleted, the entity kept and marked ended. Run by its timer at expiry; a second run changes nothing. */
export function teardownEnvironmentAction(deps: CloudActionDeps): ActionDefinition<{ reason?: string }> {
  return {
    id: 'cloud.teardown-environment',
    title: 'Tear down environment',
    description: 'Deletes the namespace and everything in it now; it also happens by itself when the environment expires.',
    icon: 'delete',
    kind: 'dev-environment',
    operation: 'delete',
    permission: 'cloud.environment.teardown',
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const environment = target(ctx.entity, 'dev-environment', 'developer environment');
        await requireEnvironmentMember(ctx, environment, 'tear it down');
        if (environment.properties.status === 'ended') {
          ctx.logger.info(`${environment.id} ended already at ${environment.properties.endedAt}; nothing to do`);
          return;
        }
        const [cluster, namespace] = [required(environment, 'cluster'), required(environment, 'namespace')];
        await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { status: 'ending' } });
        const deleted = await (await deps.kubernetes(cluster)).deleteNamespace(namespace);
        ctx.logger.info(deleted ? `Deleted namespace ${namespace} on cluster "${cluster}"` : `Namespace ${namespace} was gone already`);
        await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { status: 'ended', endedAt: new Date().toISOString(), url: null, remindAt: null } });
        ctx.logger.info(`${environment.id} ended${ctx.inputs.reason ? `: ${ctx.inputs.reason}` : ''}`);
      },
    },
  };
}
