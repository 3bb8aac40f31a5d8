import { TenantAdminClient } from './tenant-admin-client';
import { startFakeTenantService, type FakeTenantService } from '../testing/fake-tenant-service';
import { tenantAdminContract } from '../testing/tenant-admin-contract';

// The client against a local implementation of the shipped contract, which checks every request
// and every answer against the OpenAPI document.

let service: FakeTenantService;
let client: TenantAdminClient;
let token: string | undefined;

beforeAll(async () => {
  service = await startFakeTenantService();
  token = service.token;
  client = new TenantAdminClient({ baseUrl: service.url, token: async () => token });
});
afterAll(() => service.close());
afterEach(() => {
  token = service.token;
  expect(service.upstream.rejected).toEqual([]);
  expect(service.contractViolations).toEqual([]);
});

test('the contract is OpenAPI 3.1 with the operations the plugin needs', () => {
  expect(tenantAdminContract.openapi).toBe('3.1.0');
  const operations = Object.values(tenantAdminContract.paths).flatMap((item: any) => Object.values(item).map((op: any) => op.operationId).filter(Boolean));
  expect(operations.sort()).toEqual(['createTenant', 'deleteTenant', 'getTenant', 'getTenantConfiguration', 'listVersions', 'replaceTenantConfiguration', 'setTenantVersion']);
});

test('creates, reads, configures, moves and deletes a tenant', async () => {
  const created = await client.createTenant({ id: 'acme', name: 'Acme', region: 'eu-west', plan: 'team', configuration: { seats: 5 } });
  expect(created).toMatchObject({ id: 'acme', version: '2.1.0', status: 'active' });
  expect(await client.getTenant('acme')).toEqual(created);
  expect(await client.replaceConfiguration('acme', { seats: 10 })).toEqual({ seats: 10 });
  expect(await client.getConfiguration('acme')).toEqual({ seats: 10 });
  expect((await client.setVersion('acme', '2.0.3')).version).toBe('2.0.3');
  expect((await client.listVersions()).map((v) => v.version)).toEqual(['2.1.0', '2.0.3', '1.9.0']);
  await client.deleteTenant('acme');
  await expect(client.getTenant('acme')).rejects.toMatchObject({ status: 404 });
});

test('a 409, a 422, a 401 and an unreachable service each say what to do', async () => {
  await client.createTenant({ id: 'dup', name: 'Dup', region: 'eu-west', plan: 'team', configuration: {} });
  await expect(client.createTenant({ id: 'dup', name: 'Dup', region: 'eu-west', plan: 'team', configuration: {} })).rejects.toThrow(
    'The tenant service refused POST /tenants (to create the tenant dup) (409): Tenant dup already exists. A tenant with this id already exists: pick another customer id, or remove the old tenant first.',
  );
  await expect(client.setVersion('dup', '9.9.9')).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Unknown version 9.9.9') });
  token = 'wrong';
  await expect(client.getTenant('dup')).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Check the tenant API token secret') });
  const offline = new TenantAdminClient({ baseUrl: 'http://127.0.0.1:1', token: async () => 't' });
  await expect(offline.listVersions()).rejects.toThrow(/Could not reach the tenant service at http:\/\/127.0.0.1:1 .*Check tenantApi.baseUrl/);
});
