import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { Redis } from 'ioredis';
import { startPortal, type Portal } from './start-portal';
import { initialisedObjects } from '../__fixtures__/plugins/good/index';

// Adds and removes a plugin that uses every extension point (kinds, actions, an automation,
// a widget, routes, a provider, start and shutdown hooks) 50 times in a running portal on real
// Redis, and checks that timers, handles, listeners and the heap come back to where they were.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:kernel-live:${randomUUID()}:`;
const good = join(__dirname, '..', '__fixtures__', 'plugins', 'good');
const CYCLES = 50;
jest.setTimeout(180_000);

async function snapshot() {
  // WeakRef targets touched in the current job stay alive until it ends (inversify keeps its
  // child containers' caches in WeakRefs): let the job end before collecting.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  const resources: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
  const listeners = (['SIGTERM', 'SIGINT', 'SIGHUP', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection', 'warning'] as const).reduce((sum, event) => sum + process.listenerCount(event), 0);
  return { heapUsed: process.memoryUsage().heapUsed, resources, listeners };
}

describe('a plugin added and removed 50 times while the portal runs', () => {
  let dir: string;
  let portal: Portal;
  const configPath = () => join(dir, 'portico.config.yaml');
  const writeConfig = (withGood: boolean) => writeFileSync(configPath(), `auth:\n  guest: true\nplugins:\n${withGood ? `  - path: ${JSON.stringify(good)}\n` : '  []\n'}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-live-'));
    writeConfig(false);
    portal = await startPortal({ configPath: configPath(), port: 0, redisUrl, keyPrefix, ui: false });
  });

  afterAll(async () => {
    await portal?.close();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 10000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    await redis.quit();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cycle(): Promise<void> {
    writeConfig(true);
    const added = await portal.reloadPlugins();
    expect(added).toEqual({ changes: [expect.objectContaining({ change: 'added', id: 'good' })], failures: [] });
    await request(portal.url).get('/api/v1/plugins/good/greetings').expect(200);
    writeConfig(false);
    const removed = await portal.reloadPlugins();
    expect(removed).toEqual({ changes: [expect.objectContaining({ change: 'removed', id: 'good', keptKinds: ['gizmo'] })], failures: [] });
    await request(portal.url).get('/api/v1/plugins/good/greetings').expect(404);
  }

  it('leaves timers, handles, listeners and memory where they were', async () => {
    // Warm up: modules, route compilation and the catalog's kind cache settle on the first rounds.
    for (let i = 0; i < 3; i += 1) await cycle();
    const actionsBefore = (await request(portal.url).get('/api/v1/actions').expect(200)).body.items.length as number;
    const firstMeasured = initialisedObjects().length;
    const before = await snapshot();
    for (let i = 0; i < CYCLES / 2; i += 1) await cycle();
    const middle = await snapshot();
    for (let i = 0; i < CYCLES / 2; i += 1) await cycle();
    const after = await snapshot();
    const actionsAfter = (await request(portal.url).get('/api/v1/actions').expect(200)).body.items.length as number;

    // Nothing holds on to a removed plugin: its config service (closed over by every handler),
    // its kind's and its action's schemas are all collected.
    const measured = initialisedObjects().slice(firstMeasured);
    expect(measured).toHaveLength(CYCLES * 3);
    expect(measured.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(actionsAfter).toBe(actionsBefore);
    expect(portal.plugins).toEqual([]);
    // Timers (a leaked provider schedule or plugin task is one per round) must not grow. Socket
    // handles are left out: they are the test's own requests, closing in their own time.
    expect(after.resources.Timeout ?? 0).toBeLessThanOrEqual(before.resources.Timeout ?? 0);
    expect(after.resources.Immediate ?? 0).toBeLessThanOrEqual(before.resources.Immediate ?? 0);
    expect(after.listeners).toBe(before.listeners);
    // The heap, as a backstop: what V8 compiles and caches settles as rounds repeat (the second
    // half keeps a few hundred KB of compiled code), what a leak keeps grows with every round.
    const kb = (a: { heapUsed: number }, b: { heapUsed: number }) => Math.round((b.heapUsed - a.heapUsed) / 1024);
    process.stdout.write(`heap after ${CYCLES} add/remove rounds: ${kb(before, after)} KB more (first half ${kb(before, middle)} KB, second half ${kb(middle, after)} KB)\n`);
    expect(kb(middle, after)).toBeLessThan(1024);
  });
});
