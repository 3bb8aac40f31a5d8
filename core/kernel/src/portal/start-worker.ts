import { bootKernel, type KernelOptions } from './boot-kernel';

export interface Worker {
  close(): Promise<void>;
}

/**
 * A `portico worker` process: loads the same plugins (so their action handlers exist)
 * and executes queued runs; it serves no HTTP. Several workers on several machines share
 * the Redis queue.
 */
export async function startWorker(options: KernelOptions): Promise<Worker> {
  const kernel = await bootKernel({ ...options, inProcessWorker: false });
  try {
    await kernel.host.runStartHooks();
    await kernel.actionRunner.startWorker();
    kernel.logger.info('worker ready', { plugins: kernel.host.records.map((r) => `${r.id}:${r.status}`) });
  } catch (error) {
    await kernel.cleanup();
    throw error;
  }
  return { close: () => kernel.cleanup() };
}
