import { join } from 'node:path';
import { eventually, startTestPortal, startUpstreamFake, type TestPortal, type UpstreamFake } from '@portico/test-utils';

// A grant whose timer fires while it is still being applied (here an hour lasts 1 ms, and the
// webhook answers only once the timer has fired): the revoke flags it, and the grant step
// revokes it as soon as it is applied, so it never stays active past its expiry.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..', '..');
let hook: UpstreamFake;
let portal: TestPortal;

const grantFlagged = async (): Promise<boolean> => {
  const grants = await portal.query({ kind: 'access-grant' }, 'admin');
  return grants.some((g) => g.properties.revokeRequested === true);
};

beforeAll(async () => {
  hook = await startUpstreamFake({
    name: 'Access bridge',
    routes: [
      {
        route: 'POST /grants',
        handle: async (req) => {
          if ((req.body as { change: string }).change === 'grant') await eventually(async () => ((await grantFlagged()) ? true : null), 'the timer to flag the grant');
          return { status: 204 };
        },
      },
    ],
  });
  portal = await startTestPortal({
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'cloud-resources'), config: { resourceTypes: [{ type: 'queue', module: { repository: 'acme/sqs' }, variables: { type: 'object' }, roles: ['consume'] }], accessWebhook: { url: `${hook.url}/grants` }, timeScale: 1 / 3_600_000 } },
    ],
    users: { carol: { roles: ['developer'], permissions: ['cloud.access.*'] }, bob: { roles: ['developer'], teams: ['checkout-team'] }, admin: { roles: ['admin'] } },
  });
  await portal.api('PUT', '/kinds/cloud-resource/entities/orders-queue', { kind: 'cloud-resource', id: 'orders-queue', title: 'orders-queue', owner: 'checkout-team', properties: { type: 'queue', provider: 'aws', status: 'ready' } }, { as: 'admin' });
});
afterAll(async () => {
  await portal?.close();
  await hook?.close();
});

test('the grant is revoked right after it is applied, and ends revoked', async () => {
  const request = await portal.startRun('cloud.request-access', { entity: { kind: 'cloud-resource', id: 'orders-queue' }, inputs: { role: 'consume', hours: 1, reason: 'short' }, as: 'carol' });
  const stepId = await eventually(async () => (await portal.api('GET', `/runs/${request.id}`, undefined, { as: 'carol' })).body.childRunIds?.[0] ?? null, 'the grant step');
  await portal.waitForRun(stepId, { as: 'carol', statuses: ['waiting_for_approval'] });
  await portal.decide(stepId, 'bob');
  const run = await portal.waitForRun(request.id, { as: 'carol' });
  expect(run.status).toBe('succeeded');
  expect(hook.requests.map((r) => (r.body as { change: string }).change)).toEqual(['grant', 'revoke']);
  expect((await portal.entity('access-grant', String(run.outputs.grant), 'carol')).properties.status).toBe('revoked');
});
