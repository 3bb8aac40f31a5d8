import type { Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from './portico-action-runner';
import { queuedRun } from '../runs/queued-run';
import { testCatalog } from '../__fixtures__/test-catalog';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(45_000);

/** A run as the API records it, before it enqueues the job. */
function recordedRun(id: string, actionId: string): Run {
  return queuedRun({ id, actionId, inputs: {}, entity: null, actor: 'user:ann', createdAt: new Date(Date.now() - 60_000).toISOString() });
}

describe('a run recorded but never enqueued (the API process stopped in between)', () => {
  let prefix: string;
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;
  const calls: string[] = [];

  beforeAll(async () => {
    prefix = testPrefix();
    catalog = await testCatalog();
    runner = await createActionRunner({ redisUrl: REDIS_URL, keyPrefix: prefix, catalog, logger: testLogger(), secrets: testSecrets(), strandedRunCheckMs: 300 });
    runner.registerAction({ id: 'count', title: 'Count', operation: 'create', inputSchema: { type: 'object' }, invocation: { type: 'handler', handler: (ctx) => void calls.push(ctx.runId) } }, 'test');
  });

  afterAll(async () => {
    await runner.close();
    await catalog.dispose();
    await deleteKeys(prefix);
  });

  it('gets its job back from the sweep and runs once', async () => {
    await runner.parts.store.create(recordedRun('run_stranded1', 'count'));
    const run = await waitFor(async () => {
      const found = await runner.getRun('run_stranded1');
      return found?.status === 'succeeded' ? found : null;
    }, 'the stranded run to be enqueued and succeed');
    expect(run.attempts).toBe(1);
    expect(calls.filter((id) => id === 'run_stranded1')).toHaveLength(1);
  });

  it('adds no second job for a run whose job exists', async () => {
    const started = await runner.startRun({ actionId: 'count', inputs: {}, actor: 'user:ann' });
    await waitFor(async () => (await runner.getRun(started.id))?.status === 'succeeded', 'the run to succeed');
    // The run is over and its job is kept as completed: sweeping cannot start it again.
    expect(await runner.parts.queue.ensureExecuteJob!(started.id)).toBe(false);
    expect(await runner.sweepStrandedRuns(0)).toBe(0);
    expect(calls.filter((id) => id === started.id)).toHaveLength(1);
  });
});
