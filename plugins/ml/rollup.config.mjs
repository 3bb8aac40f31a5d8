import { createRollupConfig } from '@portico/build-config/rollup';

export default createRollupConfig({ dir: import.meta.dirname, ui: 'src/ui/index.tsx' });
