import { join } from 'node:path';
import { connectTestRedis } from '../redis/delete-redis-keys';
import { startTestPortal, type TestPortal } from './start-test-portal';

const counter = { path: join(__dirname, '..', '__fixtures__', 'counter') };
const users = { dev: { roles: ['developer'] }, boss: { roles: ['developer'] }, reader: { roles: ['viewer'] } };

describe.each(['embedded', 'redis'] as const)('startTestPortal on the %s store', (store) => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal({ plugins: [counter], store, users });
  });
  afterAll(() => portal?.close());

  it('loads the plugin, signs users in by name and refuses the anonymous', async () => {
    expect(portal.portal.plugins.map((p) => `${p.id}:${p.status}`)).toEqual(['counter:running']);
    expect((await portal.waitForEntity('counter', 'clicks', { as: 'reader' })).properties).toEqual({ value: 0 });
    expect((await portal.api('GET', '/kinds/counter/entities/clicks')).status).toBe(401);
  });

  it('runs an action to its end and shows its log, and its effect on the entity', async () => {
    const run = await portal.runAction('counter.add', { entity: { kind: 'counter', id: 'clicks' }, inputs: { by: 2 }, as: 'dev' });
    expect(run.status).toBe('succeeded');
    expect(run.logs).toContain('added 2');
    expect((await portal.entity('counter', 'clicks', 'dev')).properties.value).toBe(2);
  });

  it('names the portal answer when a run cannot start', async () => {
    await expect(portal.startRun('counter.add', { entity: { kind: 'counter', id: 'clicks' }, inputs: { by: 0 }, as: 'dev' })).rejects.toThrow(/answered 400.*\/by/);
    await expect(portal.startRun('counter.add', { entity: { kind: 'counter', id: 'clicks' }, inputs: { by: 1 }, as: 'reader' })).rejects.toThrow(/answered 403/);
  });

  it('waits for approval and lets the approver decide', async () => {
    const started = await portal.startRun('counter.reset', { entity: { kind: 'counter', id: 'clicks' }, as: 'dev' });
    expect((await portal.waitForRun(started.id, { as: 'dev', statuses: ['waiting_for_approval'] })).status).toBe('waiting_for_approval');
    await portal.decide(started.id, 'boss');
    expect((await portal.waitForRun(started.id, { as: 'dev' })).status).toBe('succeeded');
  });
});

it('deletes its Redis keys on close', async () => {
  const portal = await startTestPortal({ plugins: [counter], store: 'redis', users });
  await portal.waitForEntity('counter', 'clicks', { as: 'dev' });
  const redis = connectTestRedis();
  await redis.connect();
  try {
    expect((await redis.keys(`${portal.keyPrefix}*`)).length).toBeGreaterThan(0);
    await portal.close();
    expect(await redis.keys(`${portal.keyPrefix}*`)).toEqual([]);
  } finally {
    redis.disconnect();
  }
});
