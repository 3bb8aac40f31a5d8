import { createRollupConfig } from '@portico/build-config/rollup';

export default createRollupConfig({
  dir: import.meta.dirname,
  entries: { index: 'src/index.ts', internal: 'src/internal/index.ts' },
});
