import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'future',
  deps: { widgets: coreExtensionPoints.widgets },
  init({ widgets }) {
    widgets.addWidget({ id: 'future.card', slot: 'home.widgets', title: 'Future widget', component: 'FutureWidget', order: 9 });
  },
});
