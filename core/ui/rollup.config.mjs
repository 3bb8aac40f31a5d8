import { createRollupConfig } from '@portico/build-config/rollup';
import { createAppRollupConfig } from './build/app-rollup-config.mjs';

// The Node entry (the handler the kernel mounts) and the browser shell it serves.
export default [...createRollupConfig({ dir: import.meta.dirname }), createAppRollupConfig({ dir: import.meta.dirname, entry: 'src/app/main.tsx' })];
