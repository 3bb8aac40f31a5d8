import type { ActionDefinition } from '@portico/plugin-api';
import { configurationDiff, describeChange } from '../configuration/configuration-diff';
import { requireCustomer, writeCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

export interface ChangeConfigurationInputs {
  configuration: Record<string, unknown>;
}

/**
 * Replaces a customer's configuration in the tenant service. The inputs are the configuration
 * schema itself, so the runner refuses a configuration failing it (400) before any run exists;
 * the diff against the tenant's current configuration is logged and kept on the run.
 */
export function changeConfigurationAction({ config, tenants }: BackofficeActionDeps): ActionDefinition<ChangeConfigurationInputs> {
  return {
    id: 'backoffice.change-configuration',
    title: 'Change configuration',
    description: "Replace this customer's tenant configuration; the change is validated against the configuration schema and its diff kept on the run.",
    icon: 'tune',
    kind: 'customer',
    operation: 'day-2',
    permission: 'backoffice.customers.configure',
    secrets: [config.tenantApi.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '!=', value: 'pending_deletion' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['configuration'],
      properties: { configuration: { ...config.configurationSchema, title: 'Configuration' } },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const customer = requireCustomer(ctx);
        const next = ctx.inputs.configuration;
        const current = await tenants.getConfiguration(customer.id);
        const diff = configurationDiff(current, next);
        ctx.setOutput('diff', diff);
        if (diff.length === 0) {
          ctx.logger.info(`The configuration of ${customer.id} already is this; nothing to change.`);
          return;
        }
        ctx.logger.info(`Changing ${diff.length} setting(s) of ${customer.id}:`);
        for (const change of diff) ctx.logger.info(describeChange(change));
        await tenants.replaceConfiguration(customer.id, next);
        await writeCustomer(ctx, customer, { configuration: next });
        ctx.logger.info(`The tenant ${customer.id} runs the new configuration`);
      },
    },
  };
}
