// Builds the UI bundles of the browser-test plugins with the same helper real plugins use,
// separately from the shell: the shell never knows about them until a portal lists them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRollupConfig } from '@portico/build-config/rollup';

const fixtures = join(import.meta.dirname, '..', 'test-fixtures');

// Fixtures without a UI (backend-only plugins) have nothing to build.
export default readdirSync(fixtures)
  .filter((name) => existsSync(join(fixtures, name, 'ui', 'index.tsx')))
  .flatMap((name) => createRollupConfig({ dir: join(fixtures, name), entries: {}, ui: 'ui/index.tsx' }));
