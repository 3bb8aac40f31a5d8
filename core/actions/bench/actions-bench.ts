// `npm run bench:actions [-- --count N]`: N no-op runs through BullMQ with 2 worker
// processes on the local Redis. Prints one JSON line: dispatch latency (API accepted →
// handler start) in a burst and at a steady 1,000 runs/s, runs/s, and log-append throughput.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createActionRunner } from '../src/create-action-runner';
import { testCatalog } from '../src/__fixtures__/test-catalog';
import { testLogger, testSecrets } from '../src/__fixtures__/test-services';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const argIndex = process.argv.indexOf('--count');
const COUNT = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 10_000;
const WORKERS = 2;
const PACED_RATE = 1000;
const now = (): number => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2));
}

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error('--count must be a positive integer');
  const prefix = `bench:actions:${randomBytes(4).toString('hex')}:`;
  const catalog = await testCatalog();
  const runner = await createActionRunner({ redisUrl: REDIS_URL, keyPrefix: prefix, catalog, logger: testLogger(), secrets: testSecrets(), inProcessWorker: false, timerPollMs: 60_000 });
  runner.registerAction({ id: 'noop', title: 'No-op', operation: 'create', inputSchema: { type: 'object' }, invocation: { type: 'handler', handler: () => undefined } }, 'bench');
  runner.registerAction({ id: 'held', title: 'Held', operation: 'create', inputSchema: { type: 'object' }, approval: { users: ['nobody'] }, invocation: { type: 'handler', handler: () => undefined } }, 'bench');

  const accepted = new Map<string, number>();
  const started = new Map<string, number>();
  let finished = 0;
  const children: ChildProcess[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const child = fork(join(__dirname, 'bench-worker.ts'), [], { execArgv: ['--require', join(__dirname, '..', '..', 'build-config', 'src', 'ts-register.cjs')], env: { ...process.env, REDIS_URL, KEY_PREFIX: prefix } });
    await new Promise<void>((resolve) => {
      child.on('message', (message: unknown) => {
        if (message === 'ready') return resolve();
        const batch = message as { starts: Array<[string, number]>; finished: number };
        for (const [id, t] of batch.starts) started.set(id, t);
        finished += batch.finished;
      });
    });
    children.push(child);
  }

  async function waitFinished(total: number): Promise<void> {
    while (finished < total) await new Promise((r) => setTimeout(r, 20));
  }
  const latencies = (ids: string[]): number[] => ids.map((id) => started.get(id)! - accepted.get(id)!).sort((a, b) => a - b);

  // Burst: every run submitted as fast as the API accepts them (64 requests in flight).
  const burstIds: string[] = [];
  const burstStart = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < COUNT) {
        next++;
        const run = await runner.startRun({ actionId: 'noop', inputs: {}, actor: 'bench' });
        accepted.set(run.id, now());
        burstIds.push(run.id);
      }
    }),
  );
  await waitFinished(COUNT);
  const burstSeconds = (now() - burstStart) / 1000;

  // Paced: a steady 1,000 runs/s (the throughput target), submitted in 10 ms ticks,
  // shows the dispatch latency a run sees while the workers keep up with that rate.
  const pacedCount = Math.min(5000, Math.max(100, Math.floor(COUNT / 2)));
  const perTick = PACED_RATE / 100;
  const pacedIds: string[] = [];
  const pacedStart = now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < pacedCount; i += perTick) {
    const wait = pacedStart + (i / perTick) * 10 - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    for (let j = i; j < Math.min(pacedCount, i + perTick); j++) {
      pending.push(
        runner.startRun({ actionId: 'noop', inputs: {}, actor: 'bench' }).then((run) => {
          accepted.set(run.id, now());
          pacedIds.push(run.id);
        }),
      );
    }
  }
  const pacedSubmitSeconds = (now() - pacedStart) / 1000;
  await Promise.all(pending);
  await waitFinished(COUNT + pacedCount);
  while (pacedIds.some((id) => !started.has(id)) || burstIds.some((id) => !started.has(id))) await new Promise((r) => setTimeout(r, 20));

  // Log appends: lines into one open run's Redis Stream, 256 appends in flight.
  const held = await runner.startRun({ actionId: 'held', inputs: {}, actor: 'bench' });
  const lines = Math.min(50_000, COUNT * 2);
  const logStart = now();
  let written = 0;
  await Promise.all(
    Array.from({ length: 256 }, async () => {
      while (written < lines) {
        written++;
        await runner.parts.store.appendLog(held.id, { at: new Date().toISOString(), type: 'line', level: 'info', message: `line ${written}` });
      }
    }),
  );
  const logSeconds = (now() - logStart) / 1000;

  const burst = latencies(burstIds);
  const paced = latencies(pacedIds);
  console.log(
    JSON.stringify({
      bench: 'actions',
      runs: COUNT,
      workers: WORKERS,
      runsPerSecond: Math.round(COUNT / burstSeconds),
      burstDispatchMs: { p50: percentile(burst, 50), p99: percentile(burst, 99) },
      pacedDispatchMs: { targetRatePerSecond: PACED_RATE, achievedRatePerSecond: Math.round(pacedCount / pacedSubmitSeconds), runs: pacedCount, p50: percentile(paced, 50), p99: percentile(paced, 99) },
      logAppendsPerSecond: Math.round(lines / logSeconds),
    }),
  );
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
  await runner.close();
  await catalog.dispose();
  await deleteKeys(prefix);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
