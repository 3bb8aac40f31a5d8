import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { redisOptions } from '@portico/http';
import { createCatalog } from '@portico/catalog';
import { createActionRunner } from '@portico/actions';
import type { LoggerService } from '@portico/plugin-api';
import { loadConfigFile, validateConfig, type PorticoConfig } from '../config/portico-config';
import { createRootLogger } from '../services/pino-logger';
import { createSecretsStore } from '../services/secrets-store';
import { TaskScheduler } from '../services/task-scheduler';
import { FullSyncApprovals } from '../services/full-sync-approvals';
import { createAuth } from '@portico/auth';
import { authFromEnv, publicUrlFromEnv } from '../config/auth-from-env';
import { PluginHost } from '../plugins/plugin-host';
import { auditRuns } from '../audit/audit-runs';
import { KERNEL_VERSION } from './kernel-version';

/** @public */
export interface KernelOptions {
  /** A config object; or give `configPath`. */
  config?: PorticoConfig;
  configPath?: string;
  /** Folder package names and relative paths resolve from (default: the config file's folder, or cwd). */
  baseDir?: string;
  /** Redis for the catalog and runs; `null` forces the embedded store. Default REDIS_URL, then config `redis.url`. */
  redisUrl?: string | null;
  keyPrefix?: string;
  dataDir?: string;
  strict?: boolean;
  /** Extra secrets (tests); the config's and PORTICO_SECRET_* still apply. */
  secrets?: Record<string, string>;
  logger?: LoggerService;
  /** Export conditions for plugin entries (`source` runs plugins from TypeScript sources). */
  conditions?: string[];
  /** Run actions in this process (default: config `actions.worker`, else true; `portico start --no-worker` sets false). */
  inProcessWorker?: boolean;
}

/**
 * Everything a portal or a worker process runs on: config, stores, runner, plugins.
 * @public
 */
export async function bootKernel(options: KernelOptions) {
  const loaded = options.configPath ? await loadConfigFile(options.configPath) : { config: validateConfig(options.config ?? { plugins: [] }, 'the portal config'), baseDir: process.cwd() };
  const config = loaded.config;
  const baseDir = options.baseDir ?? loaded.baseDir;
  const logger = options.logger ?? createRootLogger();
  const redisUrl = options.redisUrl === null ? undefined : (options.redisUrl ?? process.env.REDIS_URL ?? config.redis?.url);
  const keyPrefix = options.keyPrefix ?? config.redis?.keyPrefix ?? 'portico:';
  const dataDir = resolve(baseDir, options.dataDir ?? config.dataDir ?? '.portico-data');
  const conditions = options.conditions ?? (process.env.PORTICO_CONDITIONS ? process.env.PORTICO_CONDITIONS.split(',') : []);
  logger.info('starting kernel', { store: redisUrl ? 'redis' : 'embedded', keyPrefix: redisUrl ? keyPrefix : undefined, dataDir: redisUrl ? undefined : dataDir, kernel: KERNEL_VERSION });

  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async (): Promise<void> => {
    for (const fn of cleanups.reverse()) await fn().catch((error: Error) => logger.error('cleanup failed', { error: error.message }));
    cleanups.length = 0;
  };
  try {
    const secrets = createSecretsStore({ ...(config.secrets ?? {}), ...(options.secrets ?? {}) });
    // The kernel's own connection (scheduler leases, auth state, rate limits): reconnects forever, fails requests fast.
    const redis = redisUrl ? new Redis(redisUrl, redisOptions('requests')) : undefined;
    if (redis) {
      redis.on('error', (error: Error) => logger.warn('Kernel Redis connection error', { error: error.message }));
      await redis.connect();
      cleanups.push(async () => void (await redis.quit()));
    }
    // Sign-in reads people's teams from the catalog, made just below; it is only asked once requests arrive.
    const auth = await createAuth({ config: authFromEnv(config.auth), redis, keyPrefix, dataDir, logger: logger.child({ component: 'auth' }), catalog: () => catalog, publicUrl: publicUrlFromEnv(config.portal?.publicUrl), runs: { statusOf: async (runId) => (await actionRunner.getRun(runId))?.status ?? null } });
    cleanups.push(() => auth.close());
    const identity = { authenticate: (authorization: string | undefined) => auth.authenticate(authorization) };
    const catalog = await createCatalog({ redisUrl, keyPrefix, dataDir, logger: logger.child({ component: 'catalog' }) });
    cleanups.push(() => catalog.close());
    const actionRunner = await createActionRunner({
      redisUrl,
      keyPrefix,
      dataDir,
      catalog,
      logger: logger.child({ component: 'actions' }),
      secrets,
      inProcessWorker: options.inProcessWorker ?? config.actions?.worker ?? true,
      webhooks: config.actions?.webhooks,
      callbackTokens: auth.runTokens,
      resolveActor: (id) => auth.resolveActor(id),
    });
    cleanups.push(() => actionRunner.close());
    // Runs start and end in whichever process moves them (a portal or a worker): each records its own.
    auditRuns(actionRunner.updater, auth.audit);
    const scheduler = new TaskScheduler({ redis, keyPrefix, logger: logger.child({ component: 'scheduler' }) });
    cleanups.push(() => scheduler.stop());
    const fullSyncApprovals = new FullSyncApprovals({ redis, keyPrefix });
    const host = new PluginHost({ baseDir, logger, catalog, actionRunner, secrets, identity, scheduler, fullSyncApprovals, conditions, strict: options.strict });
    cleanups.push(() => host.runShutdownHooks());
    await host.loadAll(config.plugins);
    return { config, baseDir, dataDir, keyPrefix, logger, redis, auth, catalog, actionRunner, scheduler, fullSyncApprovals, host, identity, secrets, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** @public */
export type Kernel = Awaited<ReturnType<typeof bootKernel>>;
