import type { ActionDefinition } from '@portico/plugin-api';
import { memberBindingName } from '../environments/environment-times';
import { requireEnvironmentMember } from '../environments/require-environment-member';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

/** Invite a developer: a member of the environment, with a RoleBinding in its namespace. */
export function inviteDeveloperAction(deps: CloudActionDeps): ActionDefinition<{ user: string }> {
  return {
    id: 'cloud.invite-developer',
    title: 'Invite a developer',
    description: 'Lets someone else work in this environment: adds them as a member and binds them to a role in its namespace.',
    icon: 'person_add',
    kind: 'dev-environment',
    operation: 'day-2',
    permission: 'cloud.environment.invite',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'ready' }] },
    inputSchema: { type: 'object', additionalProperties: false, required: ['user'], properties: { user: { type: 'string', title: 'Who', format: 'user', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const environment = target(ctx.entity, 'dev-environment', 'developer environment');
        await requireEnvironmentMember(ctx, environment, 'invite someone');
        const user = ctx.inputs.user.replace(/^user:/, '');
        const members = (environment.properties.members as string[] | undefined) ?? [];
        const [cluster, namespace] = [required(environment, 'cluster'), required(environment, 'namespace')];
        const created = await (await deps.kubernetes(cluster)).bindRole(namespace, { name: memberBindingName(user), clusterRole: deps.config.environments.memberRole, user });
        if (!members.includes(user)) await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { members: [...members, user] } });
        ctx.logger.info(created ? `${user} can now work in ${namespace} (ClusterRole ${deps.config.environments.memberRole})` : `${user} was a member of ${namespace} already`);
      },
    },
  };
}
