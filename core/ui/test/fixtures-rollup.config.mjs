// Builds the UI bundles of the browser-test plugins with the same helper real plugins use,
// separately from the shell: the shell never knows about them until a portal lists them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRollupConfig } from '@portico/build-config/rollup';

const fixtures = join(import.meta.dirname, '..', 'test-fixtures');

export default readdirSync(fixtures).flatMap((name) => createRollupConfig({ dir: join(fixtures, name), entries: {}, ui: 'ui/index.tsx' }));
