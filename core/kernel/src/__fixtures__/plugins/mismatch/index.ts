import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'mismatch',
  deps: { kinds: coreExtensionPoints.kinds },
  init({ kinds }) {
    kinds.addKind({ id: 'registered-only', title: 'Registered only', schema: { type: 'object' } });
  },
});
