import type { ActionDefinition } from '@portico/plugin-api';
import { daysMs, environmentNamespace, environmentUrl, memberBindingName, personOf, remindAt } from '../environments/environment-times';
import { noteSimulated, type CloudActionDeps } from './cloud-action-deps';

interface SpinUpInputs {
  name: string;
  owner: string;
  services: string[];
}

/** Spin up a developer environment for 5 days: a namespace with the chosen services, torn down by its timer. */
export function spinUpEnvironmentAction(deps: CloudActionDeps): ActionDefinition<SpinUpInputs> {
  const env = deps.config.environments;
  const services = env.services.map((s) => s.component);
  return {
    id: 'cloud.spin-up-environment',
    title: `Spin up a developer environment`,
    description: `A namespace of your own with the services you pick, for ${env.ttlDays} days; extend it while you need it.`,
    icon: 'rocket_launch',
    operation: 'create',
    permission: 'cloud.environment.create',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'owner', 'services'],
      properties: {
        name: { type: 'string', title: 'Name', pattern: '^[a-z][a-z0-9-]{1,40}[a-z0-9]$', description: 'Lower-case letters, digits and dashes; the namespace is env-<name>.' },
        owner: { type: 'string', title: 'Team', format: 'team' },
        services: { type: 'array', title: 'Services', uniqueItems: true, items: { type: 'string', ...(services.length > 0 ? { enum: services } : {}) }, default: [] },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const id = ctx.inputs.name;
        const existing = await ctx.catalog.get({ kind: 'dev-environment', id });
        if (existing && existing.properties.status !== 'ended') throw new Error(`A developer environment "${id}" exists already (${existing.properties.status}); pick another name.`);
        const person = personOf(ctx.actor);
        const namespace = environmentNamespace(id);
        const now = Date.now();
        const expiresAt = now + daysMs(deps.config, env.ttlDays);
        const images = ctx.inputs.services.map((component) => env.services.find((s) => s.component === component)!);
        // Recorded first, with its timer: whatever fails later, the teardown still finds and removes it.
        await ctx.catalog.upsert({
          kind: 'dev-environment',
          id,
          title: `Environment ${id}`,
          owner: ctx.inputs.owner,
          properties: {
            requestedBy: person ?? ctx.actor,
            members: person ? [person] : [],
            services: ctx.inputs.services,
            cluster: env.cluster,
            namespace,
            url: null,
            status: 'provisioning',
            createdAt: new Date(now).toISOString(),
            expiresAt: new Date(expiresAt).toISOString(),
            remindAt: remindAt(deps.config, expiresAt),
            maxExpiresAt: new Date(now + daysMs(deps.config, env.maxLifetimeDays)).toISOString(),
            extensions: 0,
            error: null,
          },
          relations: { components: ctx.inputs.services },
        });
        try {
          const api = await deps.kubernetes(env.cluster);
          const created = await api.createNamespace(namespace, { 'app.kubernetes.io/managed-by': 'portico', 'portico.io/environment': id });
          if (!created) throw new Error(`The namespace ${namespace} exists already on cluster "${env.cluster}" and is not this environment's; pick another name.`);
          ctx.logger.info(`Created namespace ${namespace} on cluster "${env.cluster}"`);
          for (const service of images) {
            await api.deployService(namespace, { name: service.component, image: service.image, port: service.port, labels: { 'portico.io/environment': id } });
            ctx.logger.info(`Deployed ${service.component} (${service.image})`);
          }
          if (person) await api.bindRole(namespace, { name: memberBindingName(person), clusterRole: env.memberRole, user: person });
          const url = environmentUrl(deps.config, namespace);
          await ctx.catalog.patch({ kind: 'dev-environment', id }, { properties: { status: 'ready', url } });
          ctx.logger.info(`Environment ${id} is ready at ${url} until ${new Date(expiresAt).toISOString()}`);
          ctx.addLink({ title: `Environment ${id}`, url });
          ctx.setOutput('environment', id);
          ctx.setOutput('expiresAt', new Date(expiresAt).toISOString());
        } catch (error) {
          await ctx.catalog.patch({ kind: 'dev-environment', id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}
