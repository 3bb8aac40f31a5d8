import { createRollupConfig } from '@portico/build-config/rollup';
import { templateAssets } from './build/template-assets.mjs';

const configs = createRollupConfig({ dir: import.meta.dirname, entries: {}, bins: { 'create-portico-app': 'src/cli/main.ts' } });
configs[0].plugins.push(templateAssets());
export default configs;
