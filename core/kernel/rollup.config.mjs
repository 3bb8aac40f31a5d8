import { createRollupConfig } from '@portico/build-config/rollup';

export default createRollupConfig({ dir: import.meta.dirname, bins: { portico: 'src/cli/main.ts' } });
