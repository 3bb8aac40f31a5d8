import type { ActionDefinition, Entity } from '@portico/plugin-api';
import { requireCustomer, writeCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

export interface UpdateSoftwareVersionInputs {
  version: string;
}

/**
 * Moves a customer's tenant to a version the tenant service offers: through the CI/CD plugin's
 * deploy action for each tenant deployment with an environment and a component, otherwise
 * through the tenant admin API.
 */
export function updateSoftwareVersionAction({ config, tenants }: BackofficeActionDeps): ActionDefinition<UpdateSoftwareVersionInputs> {
  return {
    id: 'backoffice.update-software-version',
    title: 'Update software version',
    description: "Move this customer's tenant to another software version (a deploy through CI/CD where the tenant has a deployment environment).",
    icon: 'upgrade',
    kind: 'customer',
    operation: 'day-2',
    permission: 'backoffice.customers.upgrade',
    secrets: [config.tenantApi.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '!=', value: 'pending_deletion' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['version'],
      properties: { version: { type: 'string', title: 'Version', pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$', maxLength: 100 } },
    },
    timeoutMs: 60 * 60 * 1000,
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const customer = requireCustomer(ctx);
        const { version } = ctx.inputs;
        const versions = (await tenants.listVersions()).map((v) => v.version);
        if (!versions.includes(version)) throw new Error(`Version ${version} does not exist; the tenant service offers ${versions.slice(0, 10).join(', ') || 'no versions'}.`);
        if (customer.properties.softwareVersion === version) throw new Error(`${customer.title} runs ${version} already.`);
        const { items } = await ctx.catalog.query({ kind: 'tenant-deployment', filter: { combinator: 'and', rules: [{ property: 'relations.customer', operator: '=', value: customer.id }] }, limit: 50 });
        const deployed = items.filter((d: Entity) => d.properties.environment && d.properties.component);
        if (deployed.length === 0) {
          const tenant = await tenants.setVersion(customer.id, version);
          ctx.logger.info(`The tenant service moved ${customer.id} to ${tenant.version}`);
        }
        for (const deployment of deployed) {
          const { environment, component } = deployment.properties as { environment: string; component: string };
          ctx.logger.info(`Deploying ${component} ${version} to ${environment} through CI/CD`);
          const child = await ctx.runAction('cicd.deploy', { entity: { kind: 'component', id: component }, inputs: { environment, version, strategy: 'canary' }, title: `Deploy ${customer.id} ${version} to ${environment}` });
          if (child.status !== 'succeeded') throw new Error(`The deploy of ${component} ${version} to ${environment} ended ${child.status}${child.error ? `: ${child.error}` : ''}; ${customer.id} stays on ${String(customer.properties.softwareVersion ?? 'its version')}.`);
          await ctx.catalog.patch({ kind: 'tenant-deployment', id: deployment.id }, { properties: { version } });
        }
        for (const other of items.filter((d: Entity) => !deployed.includes(d))) await ctx.catalog.patch({ kind: 'tenant-deployment', id: other.id }, { properties: { version } });
        await writeCustomer(ctx, customer, { softwareVersion: version });
        ctx.logger.info(`${customer.title} runs ${version}`);
      },
    },
  };
}
