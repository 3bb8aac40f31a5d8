import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { LoggerService, ScheduledTask, SchedulerService } from '@portico/plugin-api';

/**
 * Runs plugin tasks on an interval. `global` tasks take a Redis lease first so that
 * with several portal instances one runs each tick; without Redis there is one instance.
 */
export class TaskScheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly controller = new AbortController();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: { redis?: Redis; keyPrefix: string; logger: LoggerService }) {}

  forPlugin(pluginId: string): SchedulerService {
    return { schedule: (task) => this.schedule(pluginId, task) };
  }

  private schedule(pluginId: string, task: ScheduledTask): { cancel(): void } {
    const key = `${this.options.keyPrefix}{scheduler}:lease:${pluginId}:${task.id}`;
    const owner = randomUUID();
    const logger = this.options.logger.child({ plugin: pluginId, task: task.id });
    let busy = false;
    const tick = async (): Promise<void> => {
      if (busy || this.controller.signal.aborted) return;
      busy = true;
      try {
        if ((task.scope ?? 'global') === 'global' && this.options.redis) {
          const got = await this.options.redis.set(key, owner, 'PX', Math.max(task.everyMs - 50, 100), 'NX');
          if (got !== 'OK') return;
        }
        await task.fn(this.controller.signal);
      } catch (error) {
        logger.error('scheduled task failed', { error: (error as Error).message });
      } finally {
        busy = false;
      }
    };
    const track = (): void => {
      const p = tick();
      this.running.add(p);
      void p.finally(() => this.running.delete(p));
    };
    const timer = setInterval(track, task.everyMs);
    timer.unref();
    this.timers.add(timer);
    if (task.runAtStart !== false) setImmediate(track);
    return {
      cancel: () => {
        clearInterval(timer);
        this.timers.delete(timer);
      },
    };
  }

  /** Stops every task and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.controller.abort();
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }
}
