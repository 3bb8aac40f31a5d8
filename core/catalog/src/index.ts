export { createCatalog } from './catalog/create-catalog';
export { canReadKind } from './routes/entity-access';
export type { Catalog, CatalogOptions, DueTimerClaim } from './catalog/catalog';
export { FullSync, DEFAULT_MAX_DELETE_SHARE, type FullSyncRequest, type FullSyncWriter } from './catalog/full-sync';
export { PorticoCatalog, type BulkItemResult, type KindChangeReport } from './catalog/portico-catalog';
export type { CatalogStore, EntityWrite, StoredKind, BusMessage, DueTimer, WriteOutcome } from './store/catalog-store';
export { EmbeddedCatalogStore, type EmbeddedStoreOptions } from './store/embedded/embedded-catalog-store';
export { RedisCatalogStore, type RedisStoreOptions } from './store/redis/redis-catalog-store';
export { parseExpression, evaluateExpression } from './computed/expression';
