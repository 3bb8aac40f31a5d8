/** One unit of work: execute a run, or check an asynchronous run's deadline. */
export interface RunJob {
  type: 'execute' | 'deadline';
  runId: string;
  /** For `deadline`: the attempt whose deadline it is. */
  attempt?: number;
}

export interface EnqueueOptions {
  delayMs?: number;
  backoffMs?: number;
}

/**
 * Thrown by a processor to have the queue run the job again after the backoff. The run's
 * retry policy is applied by the processor (it counts attempts on the run); the queue only
 * caps retries at MAX_JOB_ATTEMPTS as a safety net.
 */
export const MAX_JOB_ATTEMPTS = 50;

export class RetryRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RetryRunError';
  }
}

export type RunJobProcessor = (job: RunJob, info: { attemptsMade: number }) => Promise<void>;

/** The queue between the API and workers: BullMQ on Redis, or in memory when embedded. */
export interface RunQueue {
  enqueue(job: RunJob, options?: EnqueueOptions): Promise<void>;
  /** Starts consuming in this process; `onLost` hears of jobs the queue gave up on (stalled too often). */
  process(processor: RunJobProcessor, options: { concurrency: number; onLost(job: RunJob, reason: string): void }): Promise<void>;
  /**
   * Shared queues only: enqueues the run's execute job unless the queue holds it already
   * (waiting, delayed, running or recently finished); true when it had to enqueue it.
   */
  ensureExecuteJob?(runId: string, options?: EnqueueOptions): Promise<boolean>;
  /** Puts work on a named queue that an agent outside the portal consumes. */
  enqueueAgentJob(queue: string, payload: Record<string, unknown>): Promise<void>;
  /** Stops taking jobs and waits up to `graceMs` for running ones before letting go of them. */
  /** Each connection to an external store (none in memory), for `/readyz`. */
  health?(): Array<{ name: string; status: string }>;
  close(graceMs?: number): Promise<void>;
}

/** How long closing waits for running attempts (a longer one is picked up by another worker as stalled). */
export const CLOSE_GRACE_MS = 10_000;
