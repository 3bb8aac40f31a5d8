import { randomBytes } from 'node:crypto';
import { createCatalog } from '../../catalog/create-catalog';
import type { PorticoCatalog } from '../../catalog/portico-catalog';
import { testLogger } from '../../testing/example-model';
import { runCatalogStoreConformance } from '../catalog-store.conformance';
import { RedisCatalogStore } from './redis-catalog-store';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

runCatalogStoreConformance('redis', async () => {
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  return {
    shared: true,
    open: async () => (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog,
    dispose: async () => {
      const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
      await store.destroyAll();
      await store.close();
    },
  };
});
