import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from './portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { hangingActions } from '../__fixtures__/hanging-actions';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(60_000);

describe('a worker process killed mid-run (SIGKILL)', () => {
  let prefix: string;
  const childCatalogDir = mkdtempSync(join(tmpdir(), 'portico-actions-child-'));
  let child: ChildProcess | null = null;
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;

  beforeAll(async () => {
    prefix = testPrefix();
    // This process is the API (and, after the kill, the surviving worker) with the default lock settings.
    runner = await createActionRunner({ redisUrl: REDIS_URL, keyPrefix: prefix, catalog: (catalog = await testCatalog()), logger: testLogger(), secrets: testSecrets(), inProcessWorker: false });
    for (const action of hangingActions('the surviving worker', async () => undefined)) runner.registerAction(action, 'fault-test');
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await runner.close();
    await catalog.dispose();
    await deleteKeys(prefix);
    rmSync(childCatalogDir, { recursive: true, force: true });
  });

  it('retries the run on another worker, or fails it when no attempts are left, within 30 s', async () => {
    const root = resolve(__dirname, '..', '..');
    child = fork(join(__dirname, '..', '__fixtures__', 'crashing-worker.ts'), [], {
      execArgv: ['--require', join(root, '..', 'build-config', 'src', 'ts-register.cjs')],
      env: { ...process.env, REDIS_URL, KEY_PREFIX: prefix, CATALOG_DIR: childCatalogDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolveReady, reject) => {
      child!.once('message', () => resolveReady());
      child!.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    const retried = await runner.startRun({ actionId: 'fragile-retry', inputs: {}, actor: 'user:ops' });
    const once = await runner.startRun({ actionId: 'fragile-once', inputs: {}, actor: 'user:ops' });
    const inChild = `started in worker pid ${child.pid}`;
    for (const run of [retried, once]) {
      await waitFor(async () => (await runner.readLogs(run.id)).some((l) => l.message === inChild), `the child to start ${run.actionId}`, 20_000);
      expect((await runner.getRun(run.id))?.status).toBe('running');
    }
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    await runner.startWorker();

    const ended = async (id: string) =>
      waitFor(async () => {
        const run = await runner.getRun(id);
        return run && run.status !== 'running' && run.status !== 'queued' ? run : null;
      }, `run ${id} to be recovered`, 30_000);
    // The 30 s bound of the requirement is the wait's own limit: a later recovery fails the test.
    const [a, b] = await Promise.all([ended(retried.id), ended(once.id)]);
    expect(a).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect((await runner.readLogs(a.id)).map((l) => l.message)).toEqual(expect.arrayContaining([inChild, 'started in the surviving worker']));
    expect(b).toMatchObject({ status: 'failed', attempts: 1 });
    expect(b.error).toMatch(/stopped before the run ended/);
  });
});
