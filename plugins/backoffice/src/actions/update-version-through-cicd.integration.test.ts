import { join } from 'node:path';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import { startFakeStripe, type FakeStripe } from '../testing/fake-stripe';
import { startFakeTenantService, type FakeTenantService } from '../testing/fake-tenant-service';

// A tenant with a deployment environment gets its new version through the CI/CD plugin's deploy
// action, run as a child of the backoffice run (GitHub simulated by the CI/CD plugin, catalog and
// runs on real Redis); the tenant API is not asked to set the version then.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..', '..');
let stripe: FakeStripe;
let tenants: FakeTenantService;
let portal: TestPortal;

beforeAll(async () => {
  stripe = await startFakeStripe({ prices: [{ id: 'price_team_monthly', unit_amount: 4900, currency: 'usd' }] });
  tenants = await startFakeTenantService();
  portal = await startTestPortal({
    store: 'redis',
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'cicd'), config: { github: { simulated: true }, deploy: { pollIntervalMs: 50 } } },
      { path: join(pluginsDir, 'backoffice'), config: { stripe: { host: stripe.host, port: stripe.port, protocol: 'http' }, tenantApi: { baseUrl: tenants.url } } },
    ],
    users: { support: { roles: ['developer'], permissions: ['backoffice.*'] }, admin: { roles: ['admin'] } },
    secrets: { 'stripe-secret-key': stripe.secretKey, 'stripe-webhook-secret': stripe.webhookSecret, 'tenant-api-token': tenants.token },
  });
});

afterAll(async () => {
  await portal?.close();
  await stripe?.close();
  await tenants?.close();
});

test('deploys the version through cicd.deploy as a child run and records it on the tenant deployment', async () => {
  await portal.waitForEntity('component', 'cart-service', { as: 'support' });
  const created = await portal.runAction('backoffice.create-customer', { inputs: { id: 'shopco', name: 'ShopCo', email: 'ap@shopco.test', plan: 'team', region: 'eu-west', configuration: {} }, as: 'support' });
  expect(created.status).toBe('succeeded');
  const deployment = await portal.api('PUT', '/kinds/tenant-deployment/entities/shopco.staging', { title: 'ShopCo (staging)', properties: { version: '2.1.0', environment: 'staging', component: 'cart-service' }, relations: { customer: 'shopco' } }, { as: 'admin' });
  expect(deployment.status).toBe(201);

  const run = await portal.runAction('backoffice.update-software-version', { entity: { kind: 'customer', id: 'shopco' }, inputs: { version: '2.0.3' }, as: 'support' });
  expect(run.error).toBeNull();
  expect(run.status).toBe('succeeded');
  expect(run.childRunIds).toHaveLength(1);
  const child = await portal.waitForRun(run.childRunIds![0], { as: 'support' });
  expect(child).toMatchObject({ actionId: 'cicd.deploy', status: 'succeeded', entity: { kind: 'component', id: 'cart-service' }, inputs: expect.objectContaining({ environment: 'staging', version: '2.0.3' }), actor: 'user:support' });
  expect((await portal.entity('tenant-deployment', 'shopco.staging', 'support')).properties.version).toBe('2.0.3');
  expect((await portal.entity('customer', 'shopco', 'support')).properties.softwareVersion).toBe('2.0.3');
  expect(tenants.upstream.requestsTo('PUT /tenants/:tenantId/version')).toHaveLength(0);
});
