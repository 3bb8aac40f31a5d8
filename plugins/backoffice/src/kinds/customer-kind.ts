import type { KindDefinition } from '@portico/plugin-api';

/**
 * What a customer can be in: Stripe's subscription statuses plus the portal's own deletion states.
 * @public
 */
export const CUSTOMER_STATUSES = ['active', 'trialing', 'past_due', 'unpaid', 'canceled', 'incomplete', 'pending_deletion'] as const;
/** @public */
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/**
 * A paying customer: its plan and billing in Stripe, its tenant in the company's tenant service.
 * @public
 */
export const customerKind: KindDefinition = {
  id: 'customer',
  title: 'Customer',
  description: 'A customer of the company: plan, status, region, software version and configuration of its tenant, and its billing id in Stripe.',
  icon: 'storefront',
  schema: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', title: 'Status', enum: [...CUSTOMER_STATUSES] },
      region: { type: 'string', title: 'Region' },
      softwareVersion: { type: 'string', title: 'Software version' },
      configuration: { type: 'object', title: 'Configuration' },
      billingId: { type: 'string', title: 'Stripe customer' },
      subscriptionId: { type: 'string', title: 'Stripe subscription' },
      accountOwner: { type: 'string', title: 'Account owner', format: 'user' },
      email: { type: 'string', title: 'Billing email' },
      previousPlan: { type: 'string', title: 'Previous plan' },
      planChangedAt: { type: 'string', title: 'Plan changed at', format: 'date-time' },
      /** When a soft-deleted customer is deleted for good, unless restored first. */
      deleteAt: { type: 'string', title: 'Deleted for good at', format: 'timer' },
      statusBeforeDeletion: { type: 'string', title: 'Status before deletion' },
      deletionRequestedBy: { type: 'string', title: 'Deletion requested by' },
    },
  },
  // On customers the plugin ingests, people may still name the account owner.
  editable: ['description', 'accountOwner'],
  relations: {
    plan: { target: 'plan', title: 'Plan', inverse: 'customers', inverseTitle: 'Customers' },
  },
};
