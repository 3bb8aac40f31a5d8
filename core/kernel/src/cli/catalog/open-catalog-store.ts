import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EmbeddedCatalogStore, PorticoCatalog, RedisCatalogStore, storeSnapshot, type CatalogSnapshot, type CatalogStore } from '@portico/catalog';
import { ValidationError } from '@portico/plugin-api';
import { loadConfigFile, type PorticoConfig } from '../../config/portico-config';
import { createRootLogger } from '../../services/pino-logger';
import { findRunningPortal } from '../plugin/running-portal';

/** Store settings from the command line; the config (and REDIS_URL) fill in the rest. */
export interface StoreFlags {
  redisUrl?: string;
  keyPrefix?: string;
  dataDir?: string;
}

export interface OpenedStore {
  store: CatalogStore;
  snapshot: CatalogSnapshot;
  /** Names the store in reports and import checkpoints. */
  description: string;
  close(): Promise<void>;
}

export const STORE_SPEC_HELP = 'embedded, embedded:<folder>, redis or redis:<keyPrefix>';

/**
 * Opens the catalog store a command reads or writes, without starting a portal.
 * `spec` is `embedded[:<folder>]` or `redis[:<keyPrefix>]`; without one, the store the
 * portal of this config would use (Redis when REDIS_URL or redis.url is set). An embedded
 * store belongs to one process, so it is refused while a portal runs on it.
 */
/** `source`: read, and must hold a catalog; `compare`: read (an empty Redis catalog is a fine answer); `target`: written. */
export type StorePurpose = 'source' | 'compare' | 'target';

export async function openCatalogStore(configPath: string, spec: string | undefined, flags: StoreFlags, purpose: StorePurpose): Promise<OpenedStore> {
  const { config, baseDir } = existsSync(configPath) ? await loadConfigFile(configPath) : { config: { plugins: [] } as PorticoConfig, baseDir: process.cwd() };
  const [type, ...rest] = (spec ?? '').split(':');
  const detail = rest.join(':') || undefined;
  const redisUrl = flags.redisUrl ?? process.env.REDIS_URL ?? config.redis?.url;
  const chosen = type || (redisUrl ? 'redis' : 'embedded');
  // Warnings of the store (a torn log line) go to stderr; stdout is the command's report.
  const logger = createRootLogger({ level: 'warn', destination: process.stderr });
  if (chosen === 'embedded') {
    const dataDir = resolve(baseDir, detail ?? flags.dataDir ?? config.dataDir ?? '.portico-data');
    const running = findRunningPortal(dataDir);
    if (running) throw new ValidationError(`The portal at ${running.url} (process ${running.pid}) owns the embedded store in ${dataDir}: stop it first ("portico start" holds the store; one process owns an embedded store).`, [{ pointer: '/dataDir', message: 'in use by a running portal' }]);
    if (purpose !== 'target' && !existsSync(join(dataDir, 'catalog.log.jsonl'))) throw new ValidationError(`There is no embedded catalog in ${dataDir}: pass --data-dir <folder> (or embedded:<folder>), or the --config of the portal whose data it is.`, [{ pointer: '/dataDir', message: 'has no catalog' }]);
    const store = new EmbeddedCatalogStore({ dataDir, logger, indexer: PorticoCatalog.indexer });
    const description = `embedded store in ${dataDir}`;
    return { store, snapshot: storeSnapshot(store, description), description, close: () => store.close() };
  }
  if (chosen === 'redis') {
    if (!redisUrl) throw new ValidationError('No Redis to use: pass --redis-url redis://host:6379, set REDIS_URL, or set redis.url in the config.', [{ pointer: '/redis/url', message: 'is not set' }]);
    const keyPrefix = detail ?? flags.keyPrefix ?? config.redis?.keyPrefix ?? 'portico:';
    const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger });
    const description = `Redis store ${keyPrefix} at ${redisUrl.replace(/\/\/[^@]*@/, '//***@')}`;
    if (purpose === 'source' && (await store.loadKinds()).length === 0) {
      await store.close();
      throw new ValidationError(`${description} holds no catalog (no kinds under that prefix): check --key-prefix (or redis.keyPrefix) and --redis-url.`, [{ pointer: '/redis/keyPrefix', message: 'has no catalog' }]);
    }
    return { store, snapshot: storeSnapshot(store, description), description, close: () => store.close() };
  }
  throw new ValidationError(`Unknown store "${spec}": use ${STORE_SPEC_HELP}.`, [{ pointer: '/store', message: `must be ${STORE_SPEC_HELP}` }]);
}
