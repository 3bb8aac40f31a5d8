import type { CatalogService, EntityProvider } from '@portico/plugin-api';
import type { Billing } from '../billing/billing';
import type { BackofficeConfig } from '../config/backoffice-config';
import { billingCustomerEntity, customerIdOf, subscriptionsByCustomer } from '../ingestion/billing-customer-entity';
import { planEntities } from './plan-entities';

/**
 * Writes the configured plans, then reads every customer and subscription from Stripe (all pages) and writes a Customer per
 * Stripe customer with its plan and status. It never deletes: a customer Stripe stops listing
 * keeps its entity until someone deletes it through the portal.
 */
export function stripeCustomersProvider(deps: { config: BackofficeConfig; billing: Billing; catalog: CatalogService }): EntityProvider {
  const { config, billing, catalog } = deps;
  return {
    id: 'backoffice.stripe-customers',
    everyMs: config.syncIntervalMs,
    async refresh(ctx) {
      // First and on their own: the plans are there even while Stripe cannot be reached.
      await ctx.apply({ upsert: planEntities(config) });
      const [customers, subscriptions] = await Promise.all([billing.listCustomers(), billing.listSubscriptions()]);
      const byCustomer = subscriptionsByCustomer(subscriptions);
      const upsert = [];
      for (const customer of customers) {
        const existing = await catalog.get({ kind: 'customer', id: customerIdOf(customer) });
        upsert.push(billingCustomerEntity(config, customer, byCustomer.get(customer.id), existing));
      }
      await ctx.apply({ upsert });
      ctx.logger.info(`Synced ${upsert.length} customer(s) from Stripe`);
    },
  };
}
