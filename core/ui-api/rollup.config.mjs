import { createRollupConfig } from '@portico/build-config/rollup';

// `./version` is a React-free entry so Node code (the UI handler) can read the version.
export default createRollupConfig({ dir: import.meta.dirname, entries: { index: 'src/index.ts', version: 'src/version/index.ts' } });
