import { coreExtensionPoints, coreServices, definePlugin } from '@portico/plugin-api';

// PLUGIN_VERSION is replaced when the test publishes a second version.
const PLUGIN_VERSION = '1.0.0';

export default definePlugin({
  id: 'live',
  configSchema: { type: 'object', properties: { greeting: { type: 'string', default: 'hello', description: 'What the widget says' } } },
  deps: { kinds: coreExtensionPoints.kinds, actions: coreExtensionPoints.actions, widgets: coreExtensionPoints.widgets, routes: coreExtensionPoints.httpRoutes, scheduler: coreServices.scheduler, config: coreServices.config },
  init({ kinds, actions, widgets, routes, scheduler, config }) {
    // (The test's "broken" copy throws here.)
    kinds.addKind({ id: 'live-thing', title: 'Live thing', schema: { type: 'object', properties: { note: { type: 'string' } } } });
    actions.addAction({
      id: 'live.ping',
      title: 'Ping',
      operation: 'day-2',
      inputSchema: { type: 'object', properties: {} },
      invocation: { type: 'handler', handler: async () => ({ output: { pong: PLUGIN_VERSION } }) },
    });
    widgets.addWidget({ id: 'live.hello', slot: 'home.widgets', title: 'Live hello', component: 'LiveHello', order: 99 });
    routes.addRoute({ method: 'GET', path: '/version', auth: 'user', handler: () => ({ body: { version: PLUGIN_VERSION, greeting: config.getOptional('greeting') ?? 'hello' } }) });
    // A timer that must stop when the plugin goes.
    scheduler.schedule({ id: 'tick', everyMs: 60_000, scope: 'local', runAtStart: false, fn: async () => undefined });
  },
});
