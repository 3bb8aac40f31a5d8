import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { redisOptions, type RedisConnectionHealth } from '@portico/http';
import type { EnqueueOptions, RunJob, RunJobProcessor, RunQueue } from './run-queue';
import { CLOSE_GRACE_MS, MAX_JOB_ATTEMPTS, RetryRunError } from './run-queue';

export interface BullmqRunQueueOptions {
  redisUrl: string;
  keyPrefix: string;
  /**
   * A worker's lock lapses this long after its process dies; with the stalled check every
   * half of it, a killed worker's job is back in the queue within 1.5× this (default 10 s).
   */
  lockDurationMs?: number;
}

const QUEUE = 'runs';

function connection(url: string, purpose: 'requests' | 'blocking'): Redis {
  // Both reconnect forever. The producer fails fast while Redis is away (a 503 for the request that
  // enqueues); BullMQ needs `maxRetriesPerRequest: null` on worker connections, which wait instead.
  const redis = new Redis(url, { ...redisOptions(purpose), lazyConnect: false, enableReadyCheck: false });
  redis.on('error', () => undefined);
  return redis;
}

function jobId(job: RunJob): string {
  // BullMQ refuses ':' in custom ids. A run is enqueued for execution once (retries are
  // attempts of the same job), so its id is the run's: adding it again is a no-op. Deadlines
  // get the attempt in their id so each attempt has its own.
  return job.type === 'execute' ? `${job.runId}-x` : `${job.runId}-d-${job.attempt ?? 0}`;
}

/** Runs on BullMQ: the API enqueues, any number of worker processes consume. */
export class BullmqRunQueue implements RunQueue {
  private readonly producer: Redis;
  private readonly queue: Queue;
  private readonly agentQueues = new Map<string, Queue>();
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;
  private readonly prefix: string;

  constructor(private readonly options: BullmqRunQueueOptions) {
    this.prefix = `${options.keyPrefix}bull`;
    this.producer = connection(options.redisUrl, 'requests');
    this.queue = new Queue(QUEUE, { connection: this.producer, prefix: this.prefix });
    this.queue.on('error', () => undefined);
  }

  health(): RedisConnectionHealth[] {
    return [{ name: 'queue', status: this.producer.status }, ...(this.workerConnection ? [{ name: 'queue-worker', status: this.workerConnection.status }] : [])];
  }

  async enqueue(job: RunJob, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(job.type, job, {
      jobId: jobId(job),
      delay: options.delayMs,
      attempts: job.type === 'execute' ? MAX_JOB_ATTEMPTS : 1,
      backoff: options.backoffMs ? { type: 'fixed', delay: options.backoffMs } : undefined,
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
  }

  async ensureExecuteJob(runId: string, options: EnqueueOptions = {}): Promise<boolean> {
    const job: RunJob = { type: 'execute', runId };
    if (await this.queue.getJob(jobId(job))) return false;
    await this.enqueue(job, options);
    return true;
  }

  async process(processor: RunJobProcessor, options: { concurrency: number; onLost(job: RunJob, reason: string): void }): Promise<void> {
    if (this.worker) return;
    const lockDuration = this.options.lockDurationMs ?? 10_000;
    this.workerConnection = connection(this.options.redisUrl, 'blocking');
    this.worker = new Worker(
      QUEUE,
      async (job: Job<RunJob>) => {
        try {
          await processor(job.data, { attemptsMade: job.attemptsMade });
        } catch (error) {
          // Only a RetryRunError asks BullMQ for another attempt; anything else is a bug already recorded on the run.
          if (error instanceof RetryRunError) throw error;
        }
      },
      {
        connection: this.workerConnection,
        prefix: this.prefix,
        concurrency: options.concurrency,
        lockDuration,
        stalledInterval: Math.round(lockDuration / 2),
        // The processor decides from the run itself whether a restarted run gets another try.
        maxStalledCount: 10,
      },
    );
    this.worker.on('error', () => undefined);
    this.worker.on('failed', (job, error) => {
      if (job && !(error instanceof RetryRunError) && !/RetryRunError/.test(error.name)) options.onLost(job.data, error.message);
    });
    await this.worker.waitUntilReady();
  }

  async enqueueAgentJob(queueName: string, payload: Record<string, unknown>): Promise<void> {
    let queue = this.agentQueues.get(queueName);
    if (!queue) {
      queue = new Queue(queueName, { connection: this.producer, prefix: this.prefix });
      queue.on('error', () => undefined);
      this.agentQueues.set(queueName, queue);
    }
    await queue.add('run', payload, { jobId: String(payload.runId), removeOnComplete: { count: 1000 } });
  }

  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    if (this.worker) {
      let timer: NodeJS.Timeout | undefined;
      const graceful = this.worker.close().then(() => true);
      const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)));
      // Past the grace the lock is left to lapse: another worker recovers the job as stalled.
      if (!(await Promise.race([graceful, late]))) await this.worker.close(true);
      clearTimeout(timer);
    }
    await this.queue.close();
    for (const q of this.agentQueues.values()) await q.close();
    this.workerConnection?.disconnect();
    await this.producer.quit().catch(() => this.producer.disconnect());
  }
}
