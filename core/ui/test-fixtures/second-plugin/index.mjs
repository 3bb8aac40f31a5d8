import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'second',
  deps: { widgets: coreExtensionPoints.widgets },
  init({ widgets }) {
    widgets.addWidget({ id: 'second.hello', slot: 'home.widgets', title: 'Second plugin', component: 'SecondWidget', order: 5 });
  },
});
