import { resolve } from 'node:path';
import { EmbeddedCatalogStore } from '../store/embedded/embedded-catalog-store';
import { RedisCatalogStore } from '../store/redis/redis-catalog-store';
import type { Catalog, CatalogOptions } from './catalog';
import { PorticoCatalog } from './portico-catalog';

/**
 * The catalog on Redis when `redisUrl` is set, otherwise on the embedded store under `dataDir`.
 * @public
 */
export async function createCatalog(options: CatalogOptions): Promise<Catalog> {
  const logger = options.logger.child({ component: 'catalog' });
  if (options.redisUrl) {
    const store = await RedisCatalogStore.connect({ url: options.redisUrl, keyPrefix: options.keyPrefix, logger });
    logger.info('Catalog store: Redis', { keyPrefix: options.keyPrefix ?? 'portico:' });
    return PorticoCatalog.create(store, logger);
  }
  const dataDir = resolve(options.dataDir ?? '.portico-data');
  const store = new EmbeddedCatalogStore({ dataDir, logger, indexer: PorticoCatalog.indexer });
  logger.info('Catalog store: embedded (append-only log)', { dataDir });
  return PorticoCatalog.create(store, logger);
}
