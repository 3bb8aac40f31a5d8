// One `portico worker` process of the benchmark: executes no-op runs and reports, in
// batches over IPC, when each handler started and how many runs finished.
import { performance } from 'node:perf_hooks';
import { runWorker } from '../src/worker/run-worker';
import { testCatalog } from '../src/__fixtures__/test-catalog';
import { testLogger, testSecrets } from '../src/__fixtures__/test-services';

async function main(): Promise<void> {
  let starts: Array<[string, number]> = [];
  let finished = 0;
  const catalog = await testCatalog();
  const runner = await runWorker({
    handleSignals: false,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    keyPrefix: process.env.KEY_PREFIX,
    catalog,
    logger: testLogger(),
    secrets: testSecrets(),
    workerConcurrency: Number(process.env.CONCURRENCY ?? 64),
    timerPollMs: 60_000,
    register: (r) => {
      r.registerAction(
        {
          id: 'noop',
          title: 'No-op',
          operation: 'create',
          inputSchema: { type: 'object' },
          invocation: { type: 'handler', handler: (ctx) => void starts.push([ctx.runId, performance.timeOrigin + performance.now()]) },
        },
        'bench',
      );
    },
  });
  runner.updater.onFinished(() => void finished++);
  setInterval(() => {
    if (starts.length === 0 && finished === 0) return;
    process.send?.({ starts, finished });
    starts = [];
    finished = 0;
  }, 50);
  process.once('SIGTERM', () => {
    void runner
      .close()
      .then(() => catalog.dispose())
      .finally(() => process.exit(0));
  });
  process.send?.('ready');
}

void main();
