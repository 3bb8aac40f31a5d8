import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KindDefinition } from '@portico/plugin-api';
import { createCatalog, type Catalog } from '@portico/catalog';
import { testLogger } from './test-services';

/** The kinds the runner tests write. */
const KINDS: KindDefinition[] = [
  { id: 'service', title: 'Service', schema: { type: 'object', properties: { tier: { type: 'string' } } } },
  { id: 'environment', title: 'Environment', schema: { type: 'object', properties: {} } },
  { id: 'team', title: 'Team', schema: { type: 'object', properties: {} } },
];

/**
 * The real catalog for tests: on Redis under `keyPrefix` when `redisUrl` is given, else
 * embedded in a temporary folder. `close` also removes that folder.
 */
export async function testCatalog(options: { redisUrl?: string; keyPrefix?: string; dataDir?: string } = {}): Promise<Catalog & { dispose(): Promise<void> }> {
  const dataDir = options.redisUrl ? undefined : options.dataDir ?? mkdtempSync(join(tmpdir(), 'portico-actions-catalog-'));
  const catalog = await createCatalog({ redisUrl: options.redisUrl, keyPrefix: options.keyPrefix, dataDir, logger: testLogger() });
  for (const kind of KINDS) await catalog.registerKind(kind, 'test');
  return Object.assign(catalog, {
    async dispose(): Promise<void> {
      await catalog.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
