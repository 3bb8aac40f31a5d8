import type { QuerySort } from '@portico/plugin-api';

/**
 * How the catalog table asks for its first page. index.html preloads exactly this request
 * on `/catalog/<kind>`, so the table and the preload must read the same values.
 */
export const CATALOG_PAGE_SIZE = 100;
export const DEFAULT_CATALOG_SORT: QuerySort = { property: 'id', order: 'asc' };
