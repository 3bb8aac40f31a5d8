import { createRollupConfig } from '@portico/build-config/rollup';
import { createAppRollupConfig } from './build/app-rollup-config.mjs';
import { createSharedModulesRollupConfig } from './build/shared-modules-rollup-config.mjs';

// The Node entry (the handler the kernel mounts) and the browser shell it serves, in builds
// that `npm start` runs side by side: the charts it shares with plugins, and the app.
export default [
  ...createRollupConfig({ dir: import.meta.dirname }),
  createSharedModulesRollupConfig({ dir: import.meta.dirname, group: 'charts' }),
  createAppRollupConfig({ dir: import.meta.dirname, entry: 'src/app/main.tsx' }),
];
