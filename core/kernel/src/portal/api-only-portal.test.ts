import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startPortal } from './start-portal';
import { runCli } from '../cli/portico-cli';

// `portico start --no-worker` (or `actions.worker: false`): an API-only instance that queues runs
// and executes none; a worker elsewhere would pick them up.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefixRoot = `test:api-only:${randomUUID()}:`;
const good = join(__dirname, '..', '__fixtures__', 'plugins', 'good');
jest.setTimeout(60_000);

afterAll(async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const keys = await redis.keys(`${prefixRoot}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

async function runStaysQueued(url: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const id = `g-${randomUUID().slice(0, 8)}`;
  expect((await fetch(`${url}/api/v1/kinds/gizmo/entities`, { method: 'POST', headers: json, body: JSON.stringify({ id, title: 'G', properties: { size: 1 } }) })).status).toBe(201);
  const started = await fetch(`${url}/api/v1/actions/good.hello/runs`, { method: 'POST', headers: json, body: JSON.stringify({ entity: { kind: 'gizmo', id } }) });
  expect(started.status).toBe(201);
  const run = (await started.json()) as { id: string };
  await new Promise((r) => setTimeout(r, 1500));
  expect(((await (await fetch(`${url}/api/v1/runs/${run.id}`)).json()) as { status: string }).status).toBe('queued');
}

describe('an API-only portal', () => {
  it('runs no worker with actions.worker: false: runs stay queued, and /readyz lists no worker connection', async () => {
    const portal = await startPortal({ config: { plugins: [{ path: good }], auth: { guest: true }, actions: { worker: false } }, port: 0, redisUrl, keyPrefix: `${prefixRoot}config:`, ui: false });
    try {
      expect(portal.runsWorker).toBe(false);
      await runStaysQueued(portal.url);
      const ready = (await (await fetch(`${portal.url}/readyz`)).json()) as { redis: Record<string, string> };
      expect(Object.keys(ready.redis)).not.toContain('queue-worker');
    } finally {
      await portal.close();
    }
  });

  it('is what `portico start --no-worker` starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-api-only-'));
    const config = join(dir, 'portico.config.yaml');
    writeFileSync(config, `plugins:\n  - path: ${JSON.stringify(good)}\nauth:\n  guest: true\nredis:\n  keyPrefix: "${prefixRoot}cli:"\n`);
    const env = { REDIS_URL: process.env.REDIS_URL };
    process.env.REDIS_URL = redisUrl;
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      const exit = runCli(['start', '--no-worker', '--config', config, '--port', '0']);
      for (let i = 0; i < 200 && !out.some((line) => line.includes('is running at')); i++) await new Promise((r) => setTimeout(r, 50));
      const line = out.find((l) => l.includes('is running at'))!;
      expect(line).toContain('no worker: runs wait for "portico worker"');
      await runStaysQueued(/at (http:\/\/\S+)/.exec(line)![1]);
      process.emit('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      write.mockRestore();
      if (env.REDIS_URL === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = env.REDIS_URL;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs Redis', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-api-only-'));
    try {
      const saved = process.env.REDIS_URL;
      delete process.env.REDIS_URL;
      try {
        await expect(startPortal({ config: { plugins: [], auth: { guest: true }, actions: { worker: false } }, port: 0, dataDir, ui: false })).rejects.toThrow(/needs Redis/);
      } finally {
        if (saved !== undefined) process.env.REDIS_URL = saved;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
