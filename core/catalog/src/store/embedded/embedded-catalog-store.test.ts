import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog } from '../../catalog/create-catalog';
import type { PorticoCatalog } from '../../catalog/portico-catalog';
import { testLogger } from '../../testing/example-model';
import { runCatalogStoreConformance } from '../catalog-store.conformance';

runCatalogStoreConformance('embedded', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-catalog-'));
  return {
    shared: false,
    open: async () => (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog,
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});
