import type { ActionDefinition } from '@portico/plugin-api';
import { requireCustomer, writeCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

export interface DeleteCustomerInputs {
  confirm: string;
  reason?: string;
}

/**
 * A soft delete, approved by the configured approvers and confirmed by typing the customer id:
 * the customer is marked `pending_deletion` with a `deleteAt` timer, and the grace-period
 * automation deletes it for good when the timer expires, unless it was restored.
 */
export function deleteCustomerAction({ config }: BackofficeActionDeps): ActionDefinition<DeleteCustomerInputs> {
  return {
    id: 'backoffice.delete-customer',
    title: 'Delete customer',
    description: `Delete this customer: after approval it is marked for deletion and deleted for good (tenant, subscription, Stripe customer) after the grace period, unless restored.`,
    icon: 'delete_forever',
    kind: 'customer',
    operation: 'delete',
    permission: 'backoffice.customers.delete',
    approval: { users: config.deletion.approvers.users, teams: config.deletion.approvers.teams, mode: 'any' },
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '!=', value: 'pending_deletion' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['confirm'],
      properties: {
        confirm: { type: 'string', title: 'Type the customer id to confirm', minLength: 1, maxLength: 100 },
        reason: { type: 'string', title: 'Reason', maxLength: 500 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const customer = requireCustomer(ctx);
        if (ctx.inputs.confirm !== customer.id) throw new Error(`The confirmation "${ctx.inputs.confirm}" is not the customer id; type "${customer.id}" exactly to delete this customer.`);
        // Read it again: the entity on the run is as it was when the run was requested, before the approval wait.
        const current = (await ctx.catalog.get({ kind: 'customer', id: customer.id })) ?? customer;
        if (current.properties.status === 'pending_deletion') throw new Error(`${customer.id} is being deleted already (at ${String(current.properties.deleteAt)}).`);
        const deleteAt = new Date(Date.now() + config.deletion.gracePeriodMs).toISOString();
        await writeCustomer(ctx, current, { status: 'pending_deletion', statusBeforeDeletion: current.properties.status, deleteAt, deletionRequestedBy: ctx.actor });
        ctx.setOutput('deleteAt', deleteAt);
        ctx.logger.info(`${customer.id} is marked for deletion${ctx.inputs.reason ? ` (${ctx.inputs.reason})` : ''}; it is deleted for good at ${deleteAt} unless restored before.`);
      },
    },
  };
}
