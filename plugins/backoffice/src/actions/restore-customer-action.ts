import type { ActionDefinition } from '@portico/plugin-api';
import { requireCustomer, writeCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

/** Takes back a deletion during its grace period: the customer gets its status back and its timer goes. */
export function restoreCustomerAction(_deps: BackofficeActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'backoffice.restore-customer',
    title: 'Restore customer',
    description: 'Cancel the pending deletion of this customer.',
    icon: 'restore_from_trash',
    kind: 'customer',
    operation: 'day-2',
    permission: 'backoffice.customers.delete',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'pending_deletion' }] },
    inputSchema: { type: 'object', additionalProperties: false, properties: {} },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const customer = requireCustomer(ctx);
        const current = (await ctx.catalog.get({ kind: 'customer', id: customer.id })) ?? customer;
        if (current.properties.status !== 'pending_deletion') throw new Error(`${customer.id} is not being deleted (status ${String(current.properties.status)}); nothing to restore.`);
        const status = (current.properties.statusBeforeDeletion as string | undefined) ?? 'active';
        await writeCustomer(ctx, current, { status, deleteAt: null, statusBeforeDeletion: null, deletionRequestedBy: null });
        ctx.logger.info(`${customer.id} is restored (${status}); its deletion is cancelled.`);
      },
    },
  };
}
