// Backend of the browser-test plugin, plain ESM so tests need no build for it.
import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'uitest',
  deps: { actions: coreExtensionPoints.actions, widgets: coreExtensionPoints.widgets },
  init({ actions, widgets }) {
    actions.addAction({
      id: 'uitest.greet',
      title: 'Greet a gadget',
      description: 'Writes a few log lines and an output',
      kind: 'gadget',
      operation: 'day-2',
      inputSchema: {
        type: 'object',
        required: ['greeting'],
        properties: {
          greeting: { type: 'string', title: 'Greeting', minLength: 2 },
          friend: { type: 'string', title: 'Friend', format: 'entity', 'x-portico-entity': { kind: 'gadget' } },
          mood: { type: 'string', title: 'Mood', 'x-portico-widget': 'uitest.mood-field' },
        },
      },
      invocation: {
        type: 'handler',
        async handler(ctx) {
          ctx.logger.info(`${ctx.inputs.greeting}, ${ctx.entity?.title ?? 'nobody'}!`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          ctx.logger.info(`friend: ${ctx.inputs.friend ?? 'none'}`);
          ctx.logger.info(`mood: ${ctx.inputs.mood ?? 'none'}`);
          ctx.setOutput('greeted', ctx.entity?.id ?? null);
          ctx.addLink({ title: 'Greeting card', url: 'https://example.com/greetings' });
        },
      },
    });
    actions.addAction({
      id: 'uitest.guarded',
      title: 'Guarded operation',
      description: 'Needs the guest to approve it first',
      operation: 'create',
      inputSchema: { type: 'object', properties: { reason: { type: 'string', title: 'Reason' } } },
      // The browser tests run as the one guest, who therefore approves its own requests.
      approval: { users: ['guest'], allowSelfApproval: true },
      invocation: {
        type: 'handler',
        handler(ctx) {
          ctx.logger.info(`approved work done: ${ctx.inputs.reason ?? ''}`);
        },
      },
    });
    widgets.addWidget({ id: 'uitest.card', slot: 'entity.cards', title: 'Gadget card', component: 'GadgetCard', condition: { kind: 'gadget' }, order: 1 });
    widgets.addWidget({ id: 'uitest.broken', slot: 'entity.cards', title: 'Broken card', component: 'BrokenCard', condition: { kind: 'gadget' }, order: 2 });
    widgets.addWidget({ id: 'uitest.tab', slot: 'entity.tabs', title: 'Gadget tab', component: 'GadgetTab', condition: { kind: 'gadget' } });
    widgets.addWidget({ id: 'uitest.home', slot: 'home.widgets', title: 'Test home widget', component: 'HomeWidget', dashboard: { width: 4, height: 2 } });
    widgets.addWidget({ id: 'uitest.column', slot: 'catalog.columns', title: 'Shout', component: 'ShoutColumn', condition: { kind: 'gadget' } });
    widgets.addWidget({ id: 'uitest.mood-field', slot: 'form.fields', title: 'Mood picker', component: 'MoodField' });
    widgets.addWidget({ id: 'uitest.page', slot: 'pages', title: 'Test page', component: 'TestPage', path: '/uitest' });
  },
});
