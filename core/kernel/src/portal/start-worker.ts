import { loadConfigFile } from '../config/portico-config';
import { reconcilePlugins, type ReconcileResult } from '../plugins/reconcile-plugins';
import { bootKernel, type KernelOptions } from './boot-kernel';

/** @public */
export interface Worker {
  /** Re-reads the config file and loads, unloads or upgrades plugins to match it (SIGHUP). */
  reloadPlugins(): Promise<ReconcileResult>;
  close(): Promise<void>;
}

/**
 * A `portico worker` process: loads the same plugins (so their action handlers exist)
 * and executes queued runs; it serves no HTTP. Several workers on several machines share
 * the Redis queue.
 * @public
 */
export async function startWorker(options: KernelOptions): Promise<Worker> {
  const kernel = await bootKernel({ ...options, inProcessWorker: false });
  try {
    await kernel.host.startAll({ providers: false });
    await kernel.actionRunner.startWorker();
    kernel.logger.info('worker ready', { plugins: kernel.host.records.map((r) => `${r.id}:${r.status}`) });
  } catch (error) {
    await kernel.cleanup();
    throw error;
  }
  return {
    reloadPlugins: async () => {
      if (!options.configPath) return { changes: [], failures: [{ plugin: '-', error: 'This worker was started from a config object, not a file: there is nothing to reload.' }] };
      return reconcilePlugins(kernel.host, (await loadConfigFile(options.configPath)).config.plugins, kernel.baseDir);
    },
    close: () => kernel.cleanup(),
  };
}
