import { join } from 'node:path';
import { eventually, hmacSha256Hex, startTestPortal, startUpstreamFake, type TestPortal, type UpstreamFake } from '@portico/test-utils';

// A resource type without a Terraform access variable: grants go through the configured,
// signed webhook, and a webhook that fails leaves the grant on record as failed.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..', '..');
const SECRET = 'access-hook-secret-for-tests';
let hook: UpstreamFake;
let portal: TestPortal;

async function grantAs(requester: string, approver: string): Promise<{ id: string; status: string; error: string | null; outputs: Record<string, unknown> }> {
  const request = await portal.startRun('cloud.request-access', { entity: { kind: 'cloud-resource', id: 'orders-queue' }, inputs: { role: 'consume', hours: 2, reason: 'replay dead letters' }, as: requester });
  const stepId = await eventually(async () => (await portal.api('GET', `/runs/${request.id}`, undefined, { as: requester })).body.childRunIds?.[0] ?? null, 'the grant step');
  await portal.waitForRun(stepId, { as: requester, statuses: ['waiting_for_approval'] });
  await portal.decide(stepId, approver);
  return portal.waitForRun(request.id, { as: requester });
}

beforeAll(async () => {
  hook = await startUpstreamFake({ name: 'Access bridge', routes: [{ route: 'POST /grants', request: { body: { type: 'object', required: ['change', 'who', 'role', 'resource', 'expiresAt'] } }, handle: () => ({ status: 204 }) }] });
  portal = await startTestPortal({
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'cloud-resources'), config: { resourceTypes: [{ type: 'queue', title: 'Queue', module: { repository: 'acme/sqs' }, variables: { type: 'object' }, roles: ['consume', 'publish'] }], accessWebhook: { url: `${hook.url}/grants`, secret: 'access-hook' } } },
    ],
    secrets: { 'access-hook': SECRET },
    users: { carol: { roles: ['developer'], permissions: ['cloud.access.*'] }, bob: { roles: ['developer'], teams: ['checkout-team'] }, admin: { roles: ['admin'] } },
  });
  const put = await portal.api('PUT', '/kinds/cloud-resource/entities/orders-queue', { kind: 'cloud-resource', id: 'orders-queue', title: 'orders-queue', owner: 'checkout-team', properties: { type: 'queue', provider: 'aws', status: 'ready' } }, { as: 'admin' });
  expect(put.status).toBeLessThan(300);
});
afterAll(async () => {
  await portal?.close();
  await hook?.close();
});

test('a grant is applied and revoked through the signed webhook', async () => {
  const run = await grantAs('carol', 'bob');
  expect(run.status).toBe('succeeded');
  const sent = hook.requests[0];
  expect(sent.body).toMatchObject({ change: 'grant', who: 'carol', role: 'consume', resource: 'orders-queue', resourceType: 'queue' });
  expect(sent.headers['x-portico-signature-256']).toBe(`sha256=${hmacSha256Hex(SECRET, sent.rawBody)}`);
  const grantId = String(run.outputs.grant);
  expect((await portal.entity('access-grant', grantId, 'carol')).properties).toMatchObject({ status: 'active', appliedBy: 'webhook' });
  const revoke = await portal.runAction('cloud.revoke-access', { entity: { kind: 'access-grant', id: grantId }, inputs: { reason: 'done' }, as: 'carol' });
  expect(revoke.status).toBe('succeeded');
  expect(hook.requests[1].body).toMatchObject({ change: 'revoke', who: 'carol', grantId });
  expect((await portal.entity('access-grant', grantId, 'carol')).properties.status).toBe('revoked');
  const again = await portal.runAction('cloud.revoke-access', { entity: { kind: 'access-grant', id: grantId }, inputs: {}, as: 'carol' });
  expect(again.status).toBe('succeeded');
  expect(hook.requests).toHaveLength(2);
});

test('a webhook that fails fails the run and leaves the grant on record as failed', async () => {
  hook.failNext('POST /grants', { status: 503, body: 'bridge down' });
  const run = await grantAs('carol', 'bob');
  expect(run.status).toBe('failed');
  expect(run.error).toMatch(/^No access was granted: the approved step ended failed: The access webhook http:\/\/127\.0\.0\.1:\d+\/grants answered 503: bridge down; nothing was granted\.$/);
  const grants = await portal.query({ kind: 'access-grant', filter: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'failed' }] } }, 'carol');
  expect(grants).toHaveLength(1);
  expect(grants[0].properties.error).toMatch(/answered 503/);
});

test('declined by the owning team, nothing is granted or recorded', async () => {
  const before = hook.requests.length;
  const request = await portal.startRun('cloud.request-access', { entity: { kind: 'cloud-resource', id: 'orders-queue' }, inputs: { role: 'publish', hours: 1, reason: 'test' }, as: 'carol' });
  const stepId = await eventually(async () => (await portal.api('GET', `/runs/${request.id}`, undefined, { as: 'carol' })).body.childRunIds?.[0] ?? null, 'the grant step');
  await portal.waitForRun(stepId, { as: 'carol', statuses: ['waiting_for_approval'] });
  await portal.decide(stepId, 'bob', 'decline', 'not for prod');
  const run = await portal.waitForRun(request.id, { as: 'carol' });
  expect(run.error).toBe('No access was granted: the approved step ended declined: Declined by user:bob: not for prod.');
  expect(hook.requests.length).toBe(before);
});
