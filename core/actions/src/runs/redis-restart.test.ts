import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { testLogger, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(60_000);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server (the shared one must not be restarted), with an fsync'd AOF so data survives a kill. */
async function startRedis(port: number, dir: string): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  probe.on('error', () => undefined);
  await waitFor(async () => probe.connect().then(() => probe.ping()).catch(() => null), 'redis-server to start', 10_000);
  probe.disconnect();
  return child;
}

describe('Redis restarting during a run', () => {
  let dir: string;
  let redis: ChildProcess;
  let runner: PorticoActionRunner;
  let port: number;
  let catalog: Awaited<ReturnType<typeof testCatalog>> | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-redis-'));
    port = await freePort();
    redis = await startRedis(port, dir);
  });

  afterAll(async () => {
    await runner?.close();
    await catalog?.dispose();
    redis.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives: the running run finishes after Redis is back, and new runs work', async () => {
    const logs: Array<{ level: string; message: string }> = [];
    runner = await createActionRunner({ redisUrl: `redis://127.0.0.1:${port}`, keyPrefix: 'test:restart:', catalog: (catalog = await testCatalog()), logger: testLogger(logs), secrets: testSecrets() });
    let release: (() => void) | null = null;
    runner.registerAction(
      {
        id: 'gated',
        title: 'Waits for the test',
        operation: 'create',
        inputSchema: { type: 'object', properties: { wait: { type: 'boolean' } } },
        invocation: {
          type: 'handler',
          handler: async (ctx) => {
            if (ctx.inputs.wait) await new Promise<void>((r) => (release = r));
            ctx.setOutput('done', true);
          },
        },
      },
      'test',
    );
    const run = await runner.startRun({ actionId: 'gated', inputs: { wait: true }, actor: 'a' });
    await waitFor(async () => release !== null, 'the handler to start');

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    await new Promise((r) => setTimeout(r, 1000));
    redis = await startRedis(port, dir);
    release!();

    const done = await waitFor(async () => {
      const current = await runner.getRun(run.id);
      return current?.status === 'succeeded' ? current : null;
    }, 'the run to finish after the restart', 30_000);
    expect(done.outputs).toEqual({ done: true });
    const after = await runner.startRun({ actionId: 'gated', inputs: {}, actor: 'a' });
    await waitFor(async () => (await runner.getRun(after.id))?.status === 'succeeded', 'a new run after the restart', 30_000);
  });
});
