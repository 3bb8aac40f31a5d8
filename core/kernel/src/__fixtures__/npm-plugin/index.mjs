import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'hello',
  deps: { kinds: coreExtensionPoints.kinds, routes: coreExtensionPoints.httpRoutes },
  init({ kinds, routes }) {
    kinds.addKind({ id: 'greeting', title: 'Greeting', schema: { type: 'object', properties: { text: { type: 'string' } } } });
    routes.addRoute({ method: 'GET', path: '/hello', auth: 'user', handler: () => ({ body: { hello: 'from npm' } }) });
  },
});
