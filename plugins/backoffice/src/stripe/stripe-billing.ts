import Stripe from 'stripe';
import type { Billing, BillingCustomer, BillingEvent, BillingSubscription } from '../billing/billing';
import { BillingError } from '../billing/billing';
import { toBillingError } from './stripe-error-message';

/** @public */
export interface StripeBillingOptions {
  host: string;
  port: number;
  protocol: 'https' | 'http';
  maxNetworkRetries: number;
  webhookToleranceSeconds: number;
  /** Read on every call, so a rotated key is used without a restart. */
  secretKey(): Promise<string | undefined>;
  webhookSecret(): Promise<string | undefined>;
}

/** Most subscriptions and customers any company lists; past this a sync stops instead of running forever. */
const MAX_LISTED = 10_000;

function toCustomer(c: Stripe.Customer): BillingCustomer {
  return { id: c.id, name: c.name ?? null, email: c.email ?? null, metadata: { ...(c.metadata ?? {}) } };
}

function toSubscription(s: Stripe.Subscription): BillingSubscription {
  const item = s.items.data[0];
  return { id: s.id, customer: typeof s.customer === 'string' ? s.customer : s.customer.id, status: s.status, itemId: item?.id ?? '', priceId: item?.price.id ?? '' };
}

/**
 * Billing through Stripe's official SDK, pointed at `host:port` (a local fake in tests).
 * @public
 */
export function createStripeBilling(options: StripeBillingOptions): Billing {
  let cached: { key: string; client: Stripe } | undefined;
  const stripe = async (): Promise<Stripe> => {
    const key = await options.secretKey();
    if (!key) throw new BillingError('No Stripe secret key: set the secret named by stripe.secretKeySecret (PORTICO_SECRET_STRIPE_SECRET_KEY by default).', 'configuration');
    if (cached?.key !== key) {
      cached = { key, client: new Stripe(key, { host: options.host, port: options.port, protocol: options.protocol, maxNetworkRetries: options.maxNetworkRetries, telemetry: false }) };
    }
    return cached.client;
  };
  const call = async <T>(what: string, request: (client: Stripe) => Promise<T>): Promise<T> => {
    const client = await stripe();
    try {
      return await request(client);
    } catch (error) {
      throw toBillingError(error, what);
    }
  };

  return {
    createCustomer: (input, idempotencyKey) =>
      call(`create the customer ${input.name}`, async (s) => toCustomer(await s.customers.create({ name: input.name, ...(input.email ? { email: input.email } : {}), metadata: input.metadata }, { idempotencyKey }))),
    deleteCustomer: (id) => call(`delete the customer ${id}`, async (s) => void (await s.customers.del(id))),
    createSubscription: (input, idempotencyKey) =>
      call(`subscribe ${input.customer} to ${input.price}`, async (s) => toSubscription(await s.subscriptions.create({ customer: input.customer, items: [{ price: input.price }] }, { idempotencyKey }))),
    cancelSubscription: (id) => call(`cancel the subscription ${id}`, async (s) => void (await s.subscriptions.cancel(id))),
    getSubscription: (id) => call(`read the subscription ${id}`, async (s) => toSubscription(await s.subscriptions.retrieve(id))),
    previewPriceChange: ({ subscription, price, proration }) =>
      call(`preview the invoice of ${subscription.id} on ${price}`, async (s) => {
        const invoice = await s.invoices.createPreview({
          customer: subscription.customer,
          subscription: subscription.id,
          subscription_details: { items: [{ id: subscription.itemId, price }], proration_behavior: proration },
        });
        return { amount: invoice.amount_due, currency: invoice.currency };
      }),
    changePrice: ({ subscription, price, proration }, idempotencyKey) =>
      call(`move ${subscription.id} to ${price}`, async (s) =>
        toSubscription(await s.subscriptions.update(subscription.id, { items: [{ id: subscription.itemId, price }], proration_behavior: proration }, { idempotencyKey })),
      ),
    listCustomers: () => call('list customers', async (s) => (await s.customers.list({ limit: 100 }).autoPagingToArray({ limit: MAX_LISTED })).map(toCustomer)),
    listSubscriptions: () => call('list subscriptions', async (s) => (await s.subscriptions.list({ status: 'all', limit: 100 }).autoPagingToArray({ limit: MAX_LISTED })).map(toSubscription)),
    verifyWebhook: async (rawBody, signature) => {
      const secret = await options.webhookSecret();
      if (!secret) throw new BillingError('No Stripe webhook secret: set the secret named by stripe.webhookSecret.', 'configuration');
      if (!signature) throw new BillingError('The request has no Stripe-Signature header.', 'signature');
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(rawBody, signature, secret, options.webhookToleranceSeconds);
      } catch (error) {
        throw new BillingError(`The Stripe-Signature does not match this body: ${(error as Error).message}`, 'signature');
      }
      const object = event.data.object as { object?: string };
      return {
        id: event.id,
        type: event.type,
        ...(object.object === 'subscription' ? { subscription: toSubscription(object as Stripe.Subscription), deleted: event.type === 'customer.subscription.deleted' } : {}),
      } satisfies BillingEvent;
    },
  };
}
