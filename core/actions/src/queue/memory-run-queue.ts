import type { EnqueueOptions, RunJob, RunJobProcessor, RunQueue } from './run-queue';
import { CLOSE_GRACE_MS, MAX_JOB_ATTEMPTS, RetryRunError } from './run-queue';

interface Pending {
  job: RunJob;
  options: EnqueueOptions;
  attemptsMade: number;
}

/** The embedded queue: the same run semantics (delays, retries with backoff, concurrency) without Redis. */
export class MemoryRunQueue implements RunQueue {
  private readonly waiting: Pending[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private processor: RunJobProcessor | null = null;
  private concurrency = 1;
  private active = 0;
  private closed = false;
  readonly agentJobs = new Map<string, Array<Record<string, unknown>>>();

  async enqueue(job: RunJob, options: EnqueueOptions = {}): Promise<void> {
    this.schedule({ job, options, attemptsMade: 0 }, options.delayMs ?? 0);
  }

  private schedule(pending: Pending, delayMs: number): void {
    if (this.closed) return;
    if (delayMs <= 0) {
      this.waiting.push(pending);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.schedule(pending, 0);
    }, delayMs);
    this.timers.add(timer);
  }

  private pump(): void {
    while (this.processor && !this.closed && this.active < this.concurrency && this.waiting.length > 0) {
      const pending = this.waiting.shift()!;
      this.active++;
      void this.processor(pending.job, { attemptsMade: pending.attemptsMade })
        .catch((error: unknown) => {
          if (error instanceof RetryRunError && pending.attemptsMade + 1 < MAX_JOB_ATTEMPTS) {
            this.schedule({ ...pending, attemptsMade: pending.attemptsMade + 1 }, pending.options.backoffMs ?? 0);
          }
        })
        .finally(() => {
          this.active--;
          this.pump();
        });
    }
  }

  async process(processor: RunJobProcessor, options: { concurrency: number }): Promise<void> {
    this.processor = processor;
    this.concurrency = Math.max(1, options.concurrency);
    this.pump();
  }

  async enqueueAgentJob(queue: string, payload: Record<string, unknown>): Promise<void> {
    const list = this.agentJobs.get(queue) ?? [];
    list.push(payload);
    this.agentJobs.set(queue, list);
  }

  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const deadline = Date.now() + graceMs;
    while (this.active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}
