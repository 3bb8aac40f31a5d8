import { join } from 'node:path';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import { startFakeStripe, type FakeStripe } from './testing/fake-stripe';
import { startFakeTenantService, type FakeTenantService } from './testing/fake-tenant-service';

// The plugin in a real portal on real Redis, against a local Stripe (driven by the official SDK)
// and a local implementation of the tenant admin contract.

jest.setTimeout(60_000);

const plans = [
  { id: 'starter', title: 'Starter', tier: 1, priceIds: ['price_starter'], limits: { seats: 5 } },
  { id: 'team', title: 'Team', tier: 2, priceIds: ['price_team'], limits: { seats: 25 } },
  { id: 'enterprise', title: 'Enterprise', tier: 3, priceIds: ['price_enterprise'], limits: { seats: 500 } },
];

let stripe: FakeStripe;
let tenants: FakeTenantService;
let portal: TestPortal;
let existingBillingId: string;

const newCustomer = (id: string, extra: Record<string, unknown> = {}) => ({
  inputs: { id, name: `${id} Ltd`, email: `billing@${id}.test`, plan: 'team', region: 'eu-west', configuration: { seats: 10, ssoEnabled: false }, ...extra },
  as: 'support',
});

function stripeCustomerOf(id: string): Record<string, any> | undefined {
  return stripe.customers.find((c) => c.metadata.portico_customer_id === id);
}

async function runsOf(actionId: string, customer: string): Promise<any[]> {
  const res = await portal.api('GET', `/runs?actionId=${actionId}&entity=customer:${customer}`, undefined, { as: 'support' });
  expect(res.status).toBe(200);
  return res.body.items;
}

beforeAll(async () => {
  stripe = await startFakeStripe({
    prices: [
      { id: 'price_starter', unit_amount: 1900, currency: 'usd' },
      { id: 'price_team', unit_amount: 4900, currency: 'usd' },
      { id: 'price_enterprise', unit_amount: 19900, currency: 'usd' },
    ],
  });
  tenants = await startFakeTenantService();
  // A customer billed in Stripe before the portal existed: ingestion brings it in.
  const res = await fetch(`${stripe.url}/v1/customers`, { method: 'POST', headers: { authorization: `Bearer ${stripe.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=Legacy+Co&metadata[portico_customer_id]=legacy' });
  existingBillingId = ((await res.json()) as { id: string }).id;
  await fetch(`${stripe.url}/v1/subscriptions`, { method: 'POST', headers: { authorization: `Bearer ${stripe.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' }, body: `customer=${existingBillingId}&items[0][price]=price_starter` });

  portal = await startTestPortal({
    store: 'redis',
    plugins: [
      {
        path: join(__dirname, '..'),
        config: {
          stripe: { host: stripe.host, port: stripe.port, protocol: 'http', maxNetworkRetries: 1 },
          tenantApi: { baseUrl: tenants.url },
          plans,
          deletion: { approvers: { teams: ['billing-admins'] }, gracePeriodMs: 60 * 60 * 1000 },
        },
      },
    ],
    users: {
      support: { roles: ['developer'], permissions: ['backoffice.*'] },
      approver: { roles: ['developer'], teams: ['billing-admins'] },
      viewer: { roles: ['viewer'] },
      admin: { roles: ['admin'] },
    },
    secrets: { 'stripe-secret-key': stripe.secretKey, 'stripe-webhook-secret': stripe.webhookSecret, 'tenant-api-token': tenants.token },
  });
});

afterAll(async () => {
  await portal?.close();
  await stripe?.close();
  await tenants?.close();
});

afterEach(() => {
  expect(stripe.upstream.rejected).toEqual([]);
  expect(tenants.upstream.rejected).toEqual([]);
  expect(tenants.contractViolations).toEqual([]);
});

test('ingests plans and the customers and subscriptions already in Stripe', async () => {
  const legacy = await portal.waitForEntity('customer', 'legacy', { as: 'viewer' });
  expect(legacy.properties).toMatchObject({ status: 'active', billingId: existingBillingId, subscriptionId: expect.stringMatching(/^sub_/) });
  expect(legacy.relations.plan).toBe('starter');
  expect((await portal.entity('plan', 'enterprise', 'viewer')).properties).toEqual({ tier: 3, priceIds: ['price_enterprise'], limits: { seats: 500 } });
});

test('creates a customer in Stripe, the tenant service and the catalog', async () => {
  const from = stripe.upstream.requests.length;
  const run = await portal.runAction('backoffice.create-customer', newCustomer('acme'));
  expect(run.error).toBeNull();
  expect(run.status).toBe('succeeded');
  const billing = stripeCustomerOf('acme')!;
  expect(billing).toMatchObject({ name: 'acme Ltd', email: 'billing@acme.test' });
  const subscription = stripe.subscriptions.find((s) => s.customer === billing.id)!;
  expect(subscription.items.data[0].price.id).toBe('price_team');
  expect(tenants.tenants.get('acme')).toMatchObject({ plan: 'team', region: 'eu-west', configuration: { seats: 10, ssoEnabled: false } });
  const entity = await portal.entity('customer', 'acme', 'viewer');
  expect(entity.properties).toMatchObject({ status: 'active', billingId: billing.id, subscriptionId: subscription.id, softwareVersion: '2.1.0', configuration: { seats: 10, ssoEnabled: false } });
  expect(entity.relations.plan).toBe('team');
  // Every Stripe write carried the run's idempotency key.
  const writes = stripe.upstream.requests.slice(from).filter((r) => r.method === 'POST');
  expect(writes.map((r) => r.headers['idempotency-key'])).toEqual([`${run.id}:customer`, `${run.id}:subscription`]);
});

test('when the tenant service answers 409, the Stripe customer is removed again and no entity is left', async () => {
  tenants.tenants.set('taken', { id: 'taken', name: 'Taken', region: 'eu-west', plan: 'team', version: '2.1.0', status: 'active', createdAt: new Date().toISOString(), configuration: {} });
  const run = await portal.runAction('backoffice.create-customer', newCustomer('taken'));
  expect(run.status).toBe('failed');
  expect(run.error).toMatch(/The tenant service refused POST \/tenants .*\(409\).*Everything created before that was undone\./);
  expect(run.outputs.undone).toEqual([expect.stringMatching(/^Stripe subscription sub_/), expect.stringMatching(/^Stripe customer cus_/)]);
  expect(run.outputs.leftovers).toEqual([]);
  expect(stripeCustomerOf('taken')).toBeUndefined();
  expect(stripe.upstream.requestsTo('DELETE /v1/customers/:id')).toHaveLength(1);
  expect(await portal.entity('customer', 'taken', 'viewer')).toBeNull();
});

test('what cannot be undone is named in the failed run, so nothing is left half-created without a record', async () => {
  tenants.tenants.set('stuck', { id: 'stuck', name: 'Stuck', region: 'eu-west', plan: 'team', version: '2.1.0', status: 'active', createdAt: new Date().toISOString(), configuration: {} });
  // Stripe fails the deletion, and the SDK's retry of it.
  stripe.upstream.failNext('DELETE /v1/customers/:id', { status: 500, times: 2, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } });
  const run = await portal.runAction('backoffice.create-customer', newCustomer('stuck'));
  expect(run.status).toBe('failed');
  const leftover = stripeCustomerOf('stuck')!;
  expect(run.outputs.undone).toEqual([expect.stringMatching(/^Stripe subscription sub_/)]);
  expect(run.outputs.leftovers).toEqual([expect.stringContaining(`Stripe customer ${leftover.id} (Stripe failed to delete the customer ${leftover.id} (500)`)]);
  expect(run.error).toContain(`These could not be undone and must be removed by hand: Stripe customer ${leftover.id}`);
  expect(run.logs).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^Could not undo Stripe customer ${leftover.id}`))]));
  expect(await portal.entity('customer', 'stuck', 'viewer')).toBeNull();
});

test('a declined card or a Stripe rate limit fails the run with what to do, leaving nothing behind', async () => {
  stripe.declineNext('POST /v1/subscriptions');
  const declined = await portal.runAction('backoffice.create-customer', newCustomer('broke'));
  expect(declined.status).toBe('failed');
  expect(declined.error).toMatch(/Stripe declined the card .*Ask the customer to update their payment method.*Everything created before that was undone/);
  expect(stripeCustomerOf('broke')).toBeUndefined();

  stripe.rateLimitNext('POST /v1/customers');
  const limited = await portal.runAction('backoffice.create-customer', newCustomer('busy'));
  expect(limited.status).toBe('failed');
  expect(limited.error).toMatch(/rate limit was hit .*run this again in a minute\. Nothing had been created\./);
  expect(tenants.tenants.has('broke') || tenants.tenants.has('busy')).toBe(false);
});

test('bad input is a 400 naming the field, before any run: a configuration failing its schema, an unknown plan', async () => {
  const badConfig = await portal.api('POST', '/actions/backoffice.create-customer/runs', { inputs: { ...newCustomer('bad').inputs, configuration: { seats: 0 } } }, { as: 'support' });
  expect(badConfig.status).toBe(400);
  expect(JSON.stringify(badConfig.body)).toContain('/configuration/seats');
  const badPlan = await portal.api('POST', '/actions/backoffice.change-plan/runs', { entity: { kind: 'customer', id: 'acme' }, inputs: { plan: 'platinum', proration: 'none' } }, { as: 'support' });
  expect(badPlan.status).toBe(400);
  expect(JSON.stringify(badPlan.body)).toContain('/plan');
  const forbidden = await portal.api('POST', '/actions/backoffice.create-customer/runs', { inputs: newCustomer('nope').inputs }, { as: 'viewer' });
  expect(forbidden.status).toBe(403);
});

test('changes the configuration and keeps the diff on the run', async () => {
  const run = await portal.runAction('backoffice.change-configuration', { entity: { kind: 'customer', id: 'acme' }, inputs: { configuration: { seats: 40, ssoEnabled: true, supportTier: 'priority' } }, as: 'support' });
  expect(run.status).toBe('succeeded');
  expect(run.outputs.diff).toEqual([
    { path: 'seats', before: 10, after: 40 },
    { path: 'ssoEnabled', before: false, after: true },
    { path: 'supportTier', before: 'standard', after: 'priority' },
  ]);
  expect(run.logs).toEqual(expect.arrayContaining(['~ seats: 10 → 40', '~ ssoEnabled: false → true', '~ supportTier: "standard" → "priority"']));
  // The schema's defaults fill what the form left out, on creation as now.
  const expected = { seats: 40, ssoEnabled: true, supportTier: 'priority', dataRetentionDays: 90 };
  expect(tenants.tenants.get('acme')!.configuration).toEqual(expected);
  expect((await portal.entity('customer', 'acme', 'viewer')).properties.configuration).toEqual(expected);
});

test('upgrades the plan with the proration chosen and shows the resulting amount', async () => {
  const run = await portal.runAction('backoffice.change-plan', { entity: { kind: 'customer', id: 'acme' }, inputs: { plan: 'enterprise', proration: 'always_invoice' }, as: 'support' });
  expect(run.status).toBe('succeeded');
  // Team (49.00) to Enterprise (199.00) with half a period left, as the fake prorates.
  expect(run.outputs.amountDue).toBe('274.00 USD');
  expect(run.logs).toEqual(expect.arrayContaining([expect.stringMatching(/^Upgrading acme Ltd from Team to Enterprise \(always_invoice\): the next invoice comes to 274\.00 USD$/)]));
  const update = stripe.upstream.requestsTo('POST /v1/subscriptions/:id').at(-1)!;
  expect(update.body).toMatchObject({ proration_behavior: 'always_invoice', items: [{ price: 'price_enterprise' }] });
  expect(update.headers['idempotency-key']).toBe(`${run.id}:change-plan`);
  const entity = await portal.entity('customer', 'acme', 'viewer');
  expect(entity.relations.plan).toBe('enterprise');
  expect(entity.properties.previousPlan).toBe('team');
});

test('updates the software version through the tenant API, refusing a version that does not exist', async () => {
  const missing = await portal.runAction('backoffice.update-software-version', { entity: { kind: 'customer', id: 'acme' }, inputs: { version: '9.9.9' }, as: 'support' });
  expect(missing.status).toBe('failed');
  expect(missing.error).toBe('Version 9.9.9 does not exist; the tenant service offers 2.1.0, 2.0.3, 1.9.0.');
  const run = await portal.runAction('backoffice.update-software-version', { entity: { kind: 'customer', id: 'acme' }, inputs: { version: '2.0.3' }, as: 'support' });
  expect(run.status).toBe('succeeded');
  expect(tenants.tenants.get('acme')!.version).toBe('2.0.3');
  expect((await portal.entity('customer', 'acme', 'viewer')).properties.softwareVersion).toBe('2.0.3');
});

test('Stripe webhooks signed with the webhook secret keep status and plan current; others are refused', async () => {
  const subscription = stripe.subscriptions.find((s) => s.customer === stripeCustomerOf('acme')!.id)!;
  const pastDue = { ...subscription, status: 'past_due' };
  const forged = stripe.signedEvent('customer.subscription.updated', pastDue, { secret: 'whsec_forged' });
  const refused = await fetch(`${portal.url}/api/v1/plugins/backoffice/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...forged.headers }, body: forged.body });
  expect(refused.status).toBe(401);
  expect((await portal.entity('customer', 'acme', 'viewer')).properties.status).toBe('active');
  const signed = stripe.signedEvent('customer.subscription.updated', pastDue);
  const accepted = await fetch(`${portal.url}/api/v1/plugins/backoffice/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', ...signed.headers }, body: signed.body });
  expect(accepted.status).toBe(200);
  expect(await accepted.json()).toEqual({ kind: 'customer', id: 'acme', status: 'past_due', plan: 'enterprise' });
});

test('delete needs approval and the typed id; restore takes it back; the grace-period automation finishes a deletion once', async () => {
  await portal.runAction('backoffice.create-customer', newCustomer('gone'));
  const billingId = stripeCustomerOf('gone')!.id;

  const mistyped = await portal.startRun('backoffice.delete-customer', { entity: { kind: 'customer', id: 'gone' }, inputs: { confirm: 'gon' }, as: 'support' });
  expect(mistyped.status).toBe('waiting_for_approval');
  await portal.decide(mistyped.id, 'approver');
  const refused = await portal.waitForRun(mistyped.id, { as: 'support' });
  expect(refused.error).toBe('The confirmation "gon" is not the customer id; type "gone" exactly to delete this customer.');

  const first = await portal.startRun('backoffice.delete-customer', { entity: { kind: 'customer', id: 'gone' }, inputs: { confirm: 'gone', reason: 'churned' }, as: 'support' });
  await portal.decide(first.id, 'approver');
  expect((await portal.waitForRun(first.id, { as: 'support' })).status).toBe('succeeded');
  expect((await portal.entity('customer', 'gone', 'viewer')).properties).toMatchObject({ status: 'pending_deletion', statusBeforeDeletion: 'active', deleteAt: expect.any(String) });
  const restored = await portal.runAction('backoffice.restore-customer', { entity: { kind: 'customer', id: 'gone' }, as: 'support' });
  expect(restored.status).toBe('succeeded');
  const back = await portal.entity('customer', 'gone', 'viewer');
  expect(back.properties.status).toBe('active');
  expect(back.properties.deleteAt).toBeUndefined();

  const second = await portal.startRun('backoffice.delete-customer', { entity: { kind: 'customer', id: 'gone' }, inputs: { confirm: 'gone' }, as: 'support' });
  await portal.decide(second.id, 'approver');
  expect((await portal.waitForRun(second.id, { as: 'support' })).status).toBe('succeeded');
  expect(await runsOf('backoffice.complete-deletion', 'gone')).toEqual([]);
  // The hour of grace passes: an admin moves the timer to now rather than the test waiting an hour.
  const expire = await portal.api('PATCH', '/kinds/customer/entities/gone', { properties: { deleteAt: new Date().toISOString() } }, { as: 'admin' });
  expect(expire.status).toBe(200);

  await eventually(async () => (await portal.entity('customer', 'gone', 'viewer')) === null, 'the grace-period automation to delete gone', 20_000);
  expect(tenants.tenants.has('gone')).toBe(false);
  expect(stripe.customers.some((c) => c.id === billingId)).toBe(false);
  const completions = await eventually(async () => {
    const runs = await runsOf('backoffice.complete-deletion', 'gone');
    return runs.length > 0 && runs.every((r) => ['succeeded', 'failed'].includes(r.status)) ? runs : null;
  }, 'the completion run to end');
  expect(completions.map((r: any) => [r.status, r.actor])).toEqual([['succeeded', 'plugin:backoffice']]);
  expect(stripe.upstream.requestsTo('DELETE /v1/customers/:id').filter((r) => r.params.id === billingId)).toHaveLength(1);
});
