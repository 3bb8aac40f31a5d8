import { randomBytes } from 'node:crypto';
import { BillingError, type Billing, type BillingCustomer, type BillingSubscription } from '../billing/billing';
import type { BackofficeConfig } from '../config/backoffice-config';
import type { SampleCustomer } from './sample-customers';

/** Demo prices in cents, by plan tier. */
const PRICE_BY_TIER = [0, 2900, 9900, 49900];

/**
 * Stripe simulated in memory for demos (`simulated: true`): the sample customers and their
 * subscriptions, idempotent writes, and previews priced by tier. Never for real use.
 */
export function createSimulatedBilling(config: BackofficeConfig, samples: SampleCustomer[]): { billing: Billing; billingIdOf(customerId: string): string; subscriptionIdOf(customerId: string): string } {
  const customers = new Map<string, BillingCustomer>();
  const subscriptions = new Map<string, BillingSubscription>();
  const replies = new Map<string, unknown>();
  const id = (prefix: string): string => `${prefix}_sim${randomBytes(6).toString('hex')}`;
  const unitAmount = (price: string): number => PRICE_BY_TIER[Math.min(config.plans.find((p) => p.priceIds.includes(price))?.tier ?? 1, PRICE_BY_TIER.length - 1)];
  const once = <T>(key: string, make: () => T): T => {
    if (!replies.has(key)) replies.set(key, make());
    return replies.get(key) as T;
  };
  const subscription = (subscriptionId: string): BillingSubscription => {
    const found = subscriptions.get(subscriptionId);
    if (!found) throw new BillingError(`Stripe refused to read the subscription ${subscriptionId}: No such subscription: '${subscriptionId}'.`, 'invalid_request_error');
    return found;
  };
  const bySample = new Map<string, { billingId: string; subscriptionId: string }>();
  for (const sample of samples) {
    const customer: BillingCustomer = { id: id('cus'), name: sample.name, email: sample.email, metadata: { portico_customer_id: sample.id } };
    const plan = config.plans.find((p) => p.id === sample.plan) ?? config.plans[0];
    const sub: BillingSubscription = { id: id('sub'), customer: customer.id, status: 'active', itemId: id('si'), priceId: plan.priceIds[0] };
    customers.set(customer.id, customer);
    subscriptions.set(sub.id, sub);
    bySample.set(sample.id, { billingId: customer.id, subscriptionId: sub.id });
  }
  const billing: Billing = {
    createCustomer: async (input, key) =>
      once(key, () => {
        const customer = { id: id('cus'), name: input.name, email: input.email ?? null, metadata: input.metadata };
        customers.set(customer.id, customer);
        return customer;
      }),
    deleteCustomer: async (customerId) => {
      customers.delete(customerId);
      for (const s of subscriptions.values()) if (s.customer === customerId) s.status = 'canceled';
    },
    createSubscription: async (input, key) =>
      once(key, () => {
        const sub = { id: id('sub'), customer: input.customer, status: 'active', itemId: id('si'), priceId: input.price };
        subscriptions.set(sub.id, sub);
        return sub;
      }),
    cancelSubscription: async (subscriptionId) => void (subscription(subscriptionId).status = 'canceled'),
    getSubscription: async (subscriptionId) => ({ ...subscription(subscriptionId) }),
    previewPriceChange: async ({ subscription: sub, price, proration }) => {
      const next = unitAmount(price);
      const proratedDifference = proration === 'none' ? 0 : Math.round((next - unitAmount(sub.priceId)) / 2);
      return { amount: Math.max(0, next + proratedDifference), currency: 'usd' };
    },
    changePrice: async ({ subscription: sub, price }, key) =>
      once(key, () => {
        const stored = subscription(sub.id);
        stored.priceId = price;
        return { ...stored };
      }),
    listCustomers: async () => [...customers.values()],
    listSubscriptions: async () => [...subscriptions.values()],
    verifyWebhook: async () => {
      throw new BillingError('Stripe is simulated in this portal: it sends no webhooks.', 'configuration');
    },
  };
  return { billing, billingIdOf: (c) => bySample.get(c)?.billingId ?? '', subscriptionIdOf: (c) => bySample.get(c)?.subscriptionId ?? '' };
}
