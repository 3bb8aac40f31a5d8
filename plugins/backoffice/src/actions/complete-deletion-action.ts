import type { ActionDefinition } from '@portico/plugin-api';
import { BillingError } from '../billing/billing';
import { TenantApiError } from '../tenant/tenant-api-error';
import { requireCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

/** Whether an error means the thing is gone already, so deleting it again is done. */
function isGone(error: unknown): boolean {
  return (error instanceof TenantApiError && error.status === 404) || (error instanceof BillingError && error.code === 'resource_missing');
}

/**
 * Deletes a customer for good once its grace period is over: tenant, subscription, Stripe
 * customer, tenant deployments and the catalog entity. The grace-period automation starts it;
 * it does nothing for a customer restored in the meantime.
 */
export function completeDeletionAction({ config, billing, tenants }: BackofficeActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'backoffice.complete-deletion',
    title: 'Complete customer deletion',
    description: 'Delete a customer marked for deletion for good, once its grace period is over (the grace-period automation runs it).',
    icon: 'delete',
    kind: 'customer',
    operation: 'delete',
    permission: 'backoffice.customers.purge',
    secrets: [config.stripe.secretKeySecret, config.tenantApi.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'pending_deletion' }] },
    inputSchema: { type: 'object', additionalProperties: false, properties: {} },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const ref = requireCustomer(ctx);
        const customer = await ctx.catalog.get({ kind: 'customer', id: ref.id });
        const deleteAt = customer?.properties.deleteAt as string | undefined;
        if (!customer || customer.properties.status !== 'pending_deletion' || !deleteAt) {
          ctx.logger.info(`${ref.id} is not marked for deletion any more (restored or gone); nothing to do.`);
          return;
        }
        if (Date.parse(deleteAt) > Date.now()) throw new Error(`The grace period of ${ref.id} runs until ${deleteAt}; restore it or wait.`);
        const step = async (what: string, run: () => Promise<void>): Promise<void> => {
          try {
            await run();
            ctx.logger.info(`Deleted ${what}`);
          } catch (error) {
            if (!isGone(error)) throw error;
            ctx.logger.info(`${what} was gone already`);
          }
        };
        await step(`tenant ${ref.id}`, () => tenants.deleteTenant(ref.id));
        const subscriptionId = customer.properties.subscriptionId as string | undefined;
        if (subscriptionId) await step(`Stripe subscription ${subscriptionId}`, () => billing.cancelSubscription(subscriptionId));
        const billingId = customer.properties.billingId as string | undefined;
        if (billingId) await step(`Stripe customer ${billingId}`, () => billing.deleteCustomer(billingId));
        const { items } = await ctx.catalog.query({ kind: 'tenant-deployment', filter: { combinator: 'and', rules: [{ property: 'relations.customer', operator: '=', value: ref.id }] }, limit: 100 });
        for (const deployment of items) await ctx.catalog.delete({ kind: 'tenant-deployment', id: deployment.id });
        await ctx.catalog.delete({ kind: 'customer', id: ref.id });
        ctx.logger.info(`${ref.id} is deleted for good (requested by ${String(customer.properties.deletionRequestedBy ?? 'unknown')})`);
      },
    },
  };
}
