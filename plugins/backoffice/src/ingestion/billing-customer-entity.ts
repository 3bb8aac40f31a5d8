import type { Entity, EntityInput } from '@portico/plugin-api';
import type { BillingCustomer, BillingSubscription } from '../billing/billing';
import { planForPrice, type BackofficeConfig } from '../config/backoffice-config';

/** The catalog id of a Stripe customer: the portal id it was created with, else its Stripe id. */
export function customerIdOf(customer: BillingCustomer): string {
  return (customer.metadata.portico_customer_id || customer.id).toLowerCase().replace(/[^a-z0-9._-]/g, '-');
}

/**
 * The Customer entity for what Stripe says, keeping what Stripe does not know (tenant version,
 * configuration, account owner) from the entity in the catalog, and a pending deletion as it is.
 */
export function billingCustomerEntity(config: BackofficeConfig, customer: BillingCustomer, subscription: BillingSubscription | undefined, existing: Entity | null): EntityInput {
  const plan = planForPrice(config, subscription?.priceId);
  const pending = existing?.properties.status === 'pending_deletion';
  return {
    kind: 'customer',
    id: customerIdOf(customer),
    title: existing?.title ?? customer.name ?? customer.id,
    ...(existing?.owner ? { owner: existing.owner } : {}),
    properties: {
      ...(existing?.properties ?? {}),
      status: pending ? 'pending_deletion' : (subscription?.status ?? (existing?.properties.status as string | undefined) ?? 'incomplete'),
      billingId: customer.id,
      ...(customer.email ? { email: customer.email } : {}),
      ...(subscription ? { subscriptionId: subscription.id } : {}),
    },
    relations: { ...(existing?.relations ?? {}), plan: plan?.id ?? (existing?.relations.plan as string | undefined) ?? null },
  };
}

/** Each customer's live subscription (else its newest), by Stripe customer id; lists come newest first. */
export function subscriptionsByCustomer(subscriptions: BillingSubscription[]): Map<string, BillingSubscription> {
  const byCustomer = new Map<string, BillingSubscription>();
  for (const s of subscriptions) {
    const seen = byCustomer.get(s.customer);
    if (!seen || (seen.status === 'canceled' && s.status !== 'canceled')) byCustomer.set(s.customer, s);
  }
  return byCustomer;
}
