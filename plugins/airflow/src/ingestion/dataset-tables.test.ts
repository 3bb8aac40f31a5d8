import { datasetLineage, tableOfDataset } from './dataset-tables';

const databases = [
  { id: 'warehouse', host: 'db.internal:5432', databaseName: 'analytics' },
  { id: 'replica', host: 'replica.internal:5432', databaseName: 'analytics' },
  { id: 'shop', host: 'shop-db:5432', databaseName: 'shop' },
];

test('a postgres:// dataset URI names the table of the configured database with that name (and host, when two share it)', () => {
  expect(tableOfDataset('postgres://shop-db:5432/shop/public/orders', databases)).toBe('shop.public.orders');
  expect(tableOfDataset('postgres://SHOP-other:5432/shop/public/orders', databases)).toBe('shop.public.orders');
  expect(tableOfDataset('postgres://replica.internal:5432/analytics/sales/Carts', databases)).toMatch(/^replica\.sales-carts-[0-9a-f]{8}$/);
  expect(tableOfDataset('postgresql://db.internal:5432/analytics/sales/carts', databases)).toBe('warehouse.sales.carts');
});

test('other URIs name no table', () => {
  expect(tableOfDataset('s3://bucket/orders.parquet', databases)).toBeNull();
  expect(tableOfDataset('postgres://shop-db:5432/shop/orders', databases)).toBeNull();
  expect(tableOfDataset('postgres://elsewhere:5432/unknown/public/orders', databases)).toBeNull();
  expect(tableOfDataset('not a uri', databases)).toBeNull();
});

test('producers write the table and consumers read it', () => {
  const lineage = datasetLineage([{ uri: 'postgres://shop-db:5432/shop/public/orders', producers: ['load'], consumers: ['report', 'load'] }, { uri: 's3://x/y', producers: ['load'], consumers: [] }], databases);
  expect(Object.fromEntries(lineage)).toEqual({ load: { reads: ['shop.public.orders'], writes: ['shop.public.orders'] }, report: { reads: ['shop.public.orders'], writes: [] } });
});
