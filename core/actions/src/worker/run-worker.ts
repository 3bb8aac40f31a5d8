import { createActionRunner, type ActionRunnerOptions } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';

/**
 * `portico worker`: the kernel CLI loads plugins (so their handlers are registered on the
 * returned runner through `register`) and then calls this. The process consumes the queue
 * until SIGTERM/SIGINT, then finishes running attempts and closes.
 * @public
 */
export async function runWorker(
  options: Omit<ActionRunnerOptions, 'inProcessWorker'> & { register?(runner: PorticoActionRunner): void | Promise<void>; handleSignals?: boolean },
): Promise<PorticoActionRunner> {
  if (!options.redisUrl) throw new Error('`portico worker` needs Redis: set redis.url in portico.config.yaml (embedded mode runs actions inside the API process).');
  const runner = await createActionRunner({ ...options, inProcessWorker: false });
  await options.register?.(runner);
  await runner.startWorker();
  if (options.handleSignals ?? true) {
    const stop = (): void => {
      void runner.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
  return runner;
}
