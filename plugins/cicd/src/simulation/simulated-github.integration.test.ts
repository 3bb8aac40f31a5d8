import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startPortal, type Portal } from '@portico/kernel';
import { call, deleteRedisKeys, eventually } from '@portico/test-utils';

// The demo portal's setup (both plugins with sample data, GitHub simulated): builds show
// up in the CI tab's query and a deploy runs to the end without any GitHub token.

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:cicd-demo:${randomUUID()}:`;
const pluginsDir = join(__dirname, '..', '..', '..');
let portal: Portal;

const api = (method: string, path: string, body?: unknown) => call(portal.url, method, `/api/v1${path}`, body);

beforeAll(async () => {
  portal = await startPortal({
    config: {
      auth: { guest: true },
      plugins: [
        { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
        { path: join(pluginsDir, 'cicd'), config: { sampleData: true, github: { simulated: true }, syncIntervalMs: 1000 } },
      ],
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
    strict: true,
    conditions: ['source'],
  });
}, 30_000);

afterAll(async () => {
  await portal?.close();
  await deleteRedisKeys([keyPrefix], redisUrl);
});

it('shows the example organisation’s builds, as the CI tab queries them', async () => {
  const builds = await eventually(async () => {
    const res = await api('POST', '/entities/query', { kind: 'build', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: 'cart-service' }] }, sort: { property: 'startedAt', order: 'desc' }, limit: 25 });
    return res.body.items?.length === 4 ? res.body.items : null;
  }, 'cart-service builds');
  expect(builds.map((b: any) => b.properties.result)).toEqual(['running', 'succeeded', 'failed', 'succeeded']);
});

it('shows the sample deployments in the matrix', async () => {
  const matrix = await eventually(async () => {
    const res = await api('GET', '/plugins/cicd/deployments/matrix');
    return res.body.services?.length === 2 && res.body.services[0].cells.production.version ? res.body : null;
  }, 'the matrix');
  expect(matrix.services.map((s: any) => [s.id, s.cells.development.version, s.cells.staging.version, s.cells.production.version, Boolean(s.cells.production.lock)])).toEqual([
    ['cart-service', '2.5.0-rc.2', '2.5.0-rc.1', '2.4.0', false],
    ['products-service', '1.9.1', '1.9.0', '1.8.1', true],
  ]);
});

it('runs a deploy to the end against the simulated GitHub', async () => {
  await eventually(async () => (await api('GET', '/kinds/component/entities/cart-service')).status === 200, 'cart-service');
  const started = await api('POST', '/actions/cicd.deploy/runs', { entity: { kind: 'component', id: 'cart-service' }, inputs: { environment: 'staging', version: '2.5.0', strategy: 'blue-green' } });
  expect(started.status).toBe(201);
  const run = await eventually(async () => {
    const res = await api('GET', `/runs/${started.body.id}`);
    return ['succeeded', 'failed'].includes(res.body.status) ? res.body : null;
  }, 'the deploy run', 20_000);
  expect(run).toMatchObject({ status: 'succeeded', error: null });
}, 30_000);
