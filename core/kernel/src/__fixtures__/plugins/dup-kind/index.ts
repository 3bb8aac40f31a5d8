import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'dup-kind',
  deps: { kinds: coreExtensionPoints.kinds },
  init({ kinds }) {
    kinds.addKind({ id: 'gizmo', title: 'Another gizmo', schema: { type: 'object' } });
  },
});
