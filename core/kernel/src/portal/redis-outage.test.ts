import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startPortal, type Portal } from './start-portal';
import { freePort } from '@portico/build-config/local-registry';

// Redis dies for 30 s under a write load: requests get 503s (never 500s), /readyz is not ready and
// names the connections that are down, and once Redis is back reads and writes work again without
// a restart and no acknowledged write is lost (Redis fsyncs every write to its AOF).
const OUTAGE_MS = 30_000;
jest.setTimeout(120_000);

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  probe.on('error', () => undefined);
  await until(() => probe.connect().then(() => probe.ping()), 'redis-server to start', 10_000);
  probe.disconnect();
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('a 30 s Redis outage under a write load', () => {
  let dir: string;
  let redis: ChildProcess;
  let portal: Portal | undefined;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-outage-'));
    port = await freePort();
    redis = await startRedis(port, dir);
  });
  afterAll(async () => {
    await portal?.close();
    await kill(redis);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while Redis is away, reports it on /readyz, and recovers by itself with every acknowledged write kept', async () => {
    portal = await startPortal({ config: { plugins: [], auth: { guest: true } }, port: 0, redisUrl: `redis://127.0.0.1:${port}`, keyPrefix: 'test:outage:', ui: false });
    const url = portal.url;
    const json = { 'content-type': 'application/json' };
    expect((await fetch(`${url}/api/v1/kinds/box`, { method: 'PUT', headers: json, body: JSON.stringify({ title: 'Box', schema: { type: 'object', properties: { n: { type: 'integer' } } } }) })).status).toBe(201);

    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const bodiesOf500: string[] = [];
    let n = 0;
    let writing = true;
    const writer = async (): Promise<void> => {
      while (writing) {
        const id = `b-${n++}`;
        const res = await fetch(`${url}/api/v1/kinds/box/entities`, { method: 'POST', headers: json, body: JSON.stringify({ id, title: id, properties: { n } }), signal: AbortSignal.timeout(10_000) }).catch(() => null);
        const status = res?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) acknowledged.push(id);
        else if (status >= 500 && status !== 503) bodiesOf500.push(`${status} ${await res!.text()}`);
        else await res?.text();
        if (status !== 201) await new Promise((r) => setTimeout(r, 50));
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    await until(async () => acknowledged.length >= 50, 'writes before the outage', 20_000);

    await kill(redis);
    const outageStart = Date.now();
    const unavailable = await until(async () => {
      const res = await fetch(`${url}/api/v1/kinds/box/entities?limit=1`);
      return res.status === 503 ? res : null;
    }, 'a 503 during the outage', 10_000);
    expect(unavailable.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unavailable.headers.get('retry-after')).toBeTruthy();
    expect(((await unavailable.json()) as { detail: string }).detail).toMatch(/store \(Redis\) is unavailable/);
    const readyz = await until(async () => {
      const res = await fetch(`${url}/readyz`);
      const body = (await res.json()) as { status: string; store: string; redis: Record<string, string> };
      return res.status === 503 && body.redis.catalog !== 'ready' && body.redis.kernel !== 'ready' ? body : null;
    }, '/readyz to say the store is down', 10_000);
    expect(readyz.status).toBe('unavailable');
    expect(readyz.store).toMatch(/^unavailable: Redis connections .*catalog/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const acknowledgedBefore = acknowledged.length;
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - outageStart))));
    expect(acknowledged.length).toBe(acknowledgedBefore);

    redis = await startRedis(port, dir);
    await until(async () => (await fetch(`${url}/readyz`)).status === 200, '/readyz to be ready again', 30_000);
    const more = acknowledged.length;
    await until(async () => acknowledged.length >= more + 20, 'writes after the outage', 20_000);
    writing = false;
    await Promise.all(writers);

    expect(bodiesOf500).toEqual([]);
    expect(statuses.get(503)).toBeGreaterThan(0);
    expect([...statuses.keys()].sort()).toEqual([201, 503]);
    const stored = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await fetch(`${url}/api/v1/kinds/box/entities?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
      for (const e of page.items) stored.add(e.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect((await fetch(`${url}/api/v1/kinds/box/entities/${acknowledged[0]}`)).status).toBe(200);
  });
});
