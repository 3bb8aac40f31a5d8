import { createStripeBilling } from './stripe-billing';
import type { Billing } from '../billing/billing';
import { startFakeStripe, type FakeStripe } from '../testing/fake-stripe';

// The official SDK against a local Stripe answering the documented shapes of exactly the
// endpoints the plugin uses.

let stripe: FakeStripe;
let billing: Billing;
let key: string | undefined;

beforeAll(async () => {
  stripe = await startFakeStripe({ prices: [{ id: 'price_team', unit_amount: 4900, currency: 'eur' }, { id: 'price_enterprise', unit_amount: 19900, currency: 'eur' }] });
  key = stripe.secretKey;
  billing = createStripeBilling({
    host: stripe.host,
    port: stripe.port,
    protocol: 'http',
    maxNetworkRetries: 2,
    webhookToleranceSeconds: 300,
    secretKey: async () => key,
    webhookSecret: async () => stripe.webhookSecret,
  });
});
afterAll(() => stripe.close());
afterEach(() => {
  key = stripe.secretKey;
  expect(stripe.upstream.rejected).toEqual([]);
  stripe.upstream.reset();
});

test('creates a customer with form-encoded metadata and the idempotency key given', async () => {
  const customer = await billing.createCustomer({ name: 'Acme', email: 'billing@acme.test', metadata: { portico_customer_id: 'acme' } }, 'run-1:customer');
  expect(customer).toEqual({ id: expect.stringMatching(/^cus_/), name: 'Acme', email: 'billing@acme.test', metadata: { portico_customer_id: 'acme' } });
  const [request] = stripe.upstream.requestsTo('POST /v1/customers');
  expect(request.headers['content-type']).toContain('application/x-www-form-urlencoded');
  expect(request.rawBody).toContain('metadata[portico_customer_id]=acme');
  expect(request.headers['idempotency-key']).toBe('run-1:customer');
});

test('a request retried after a server error replays the first answer: one customer, not two', async () => {
  const before = stripe.customers.length;
  stripe.failAfterHandling('POST /v1/customers');
  const customer = await billing.createCustomer({ name: 'Retry Ltd', metadata: {} }, 'run-2:customer');
  const sent = stripe.upstream.requestsTo('POST /v1/customers');
  expect(sent).toHaveLength(2);
  expect(sent.map((r) => r.headers['idempotency-key'])).toEqual(['run-2:customer', 'run-2:customer']);
  expect(stripe.customers.length).toBe(before + 1);
  expect(stripe.customers[0].id).toBe(customer.id);
});

test('the same idempotency key with other parameters is refused with Stripe’s idempotency error', async () => {
  await billing.createCustomer({ name: 'Once', metadata: {} }, 'run-3:customer');
  await expect(billing.createCustomer({ name: 'Other', metadata: {} }, 'run-3:customer')).rejects.toThrow(/Stripe refused to create the customer Other: Keys for idempotent requests/);
});

test('lists every customer and subscription across pages with starting_after', async () => {
  for (let i = 0; i < 120; i++) await billing.createCustomer({ name: `Bulk ${i}`, metadata: {} }, `bulk-${i}`);
  const all = await billing.listCustomers();
  expect(all.map((c) => c.id)).toEqual(stripe.customers.map((c) => c.id));
  const lists = stripe.upstream.requestsTo('GET /v1/customers');
  expect(lists.map((r) => r.query.starting_after)).toEqual([undefined, all[99].id]);
  expect(lists.map((r) => r.query.limit)).toEqual(['100', '100']);
});

test('subscribes, previews a price change with the proration chosen, and changes the price', async () => {
  const customer = await billing.createCustomer({ name: 'Plan Co', metadata: {} }, 'plan-co');
  const subscription = await billing.createSubscription({ customer: customer.id, price: 'price_team' }, 'plan-co:sub');
  expect(subscription).toMatchObject({ customer: customer.id, status: 'active', priceId: 'price_team', itemId: expect.stringMatching(/^si_/) });
  const prorated = await billing.previewPriceChange({ subscription, price: 'price_enterprise', proration: 'create_prorations' });
  const flat = await billing.previewPriceChange({ subscription, price: 'price_enterprise', proration: 'none' });
  expect(prorated).toEqual({ amount: 19900 + 7500, currency: 'eur' });
  expect(flat).toEqual({ amount: 19900, currency: 'eur' });
  const changed = await billing.changePrice({ subscription, price: 'price_enterprise', proration: 'always_invoice' }, 'plan-co:change');
  expect(changed.priceId).toBe('price_enterprise');
  expect(stripe.upstream.requestsTo('POST /v1/subscriptions/:id')[0].body).toEqual({ items: [{ id: subscription.itemId, price: 'price_enterprise' }], proration_behavior: 'always_invoice' });
  expect((await billing.listSubscriptions()).find((s) => s.id === subscription.id)?.priceId).toBe('price_enterprise');
});

test('card, rate-limit, unknown-object and key errors become one sentence saying what to do', async () => {
  const customer = await billing.createCustomer({ name: 'Errors Inc', metadata: {} }, 'errors');
  stripe.declineNext('POST /v1/subscriptions');
  await expect(billing.createSubscription({ customer: customer.id, price: 'price_team' }, 'errors:sub')).rejects.toThrow(/Stripe declined the card .*insufficient funds.*\(insufficient_funds\)\. Ask the customer to update their payment method/);
  stripe.rateLimitNext('POST /v1/subscriptions');
  await expect(billing.createSubscription({ customer: customer.id, price: 'price_team' }, 'errors:sub2')).rejects.toMatchObject({ kind: 'rate_limit_error', message: expect.stringMatching(/rate limit was hit .* run this again in a minute/) });
  await expect(billing.getSubscription('sub_missing')).rejects.toThrow("Stripe refused to read the subscription sub_missing: No such subscription: 'sub_missing' (parameter id)");
  await expect(billing.deleteCustomer('cus_gone')).rejects.toMatchObject({ kind: 'invalid_request_error', code: 'resource_missing' });
  key = 'sk_test_wrong';
  await expect(billing.listCustomers()).rejects.toMatchObject({ kind: 'authentication_error' });
});

test('verifies webhook signatures with the webhook secret and refuses forged or stale ones', async () => {
  const customer = await billing.createCustomer({ name: 'Hooks', metadata: {} }, 'hooks');
  const created = await billing.createSubscription({ customer: customer.id, price: 'price_team' }, 'hooks:sub');
  const subscription = stripe.subscriptions.find((s) => s.id === created.id)!;
  const signed = stripe.signedEvent('customer.subscription.updated', subscription);
  const event = await billing.verifyWebhook(Buffer.from(signed.body), signed.headers['stripe-signature']);
  expect(event).toMatchObject({ type: 'customer.subscription.updated', subscription: { id: subscription.id }, deleted: false });
  const forged = stripe.signedEvent('customer.subscription.updated', subscription, { secret: 'whsec_wrong' });
  await expect(billing.verifyWebhook(Buffer.from(forged.body), forged.headers['stripe-signature'])).rejects.toMatchObject({ kind: 'signature' });
  const stale = stripe.signedEvent('customer.subscription.updated', subscription, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
  await expect(billing.verifyWebhook(Buffer.from(stale.body), stale.headers['stripe-signature'])).rejects.toMatchObject({ kind: 'signature' });
  await expect(billing.verifyWebhook(Buffer.from(signed.body), undefined)).rejects.toThrow('no Stripe-Signature header');
});
