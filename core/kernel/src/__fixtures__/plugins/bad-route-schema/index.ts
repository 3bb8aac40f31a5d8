import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

/** A route whose body schema ajv cannot compile: the plugin must fail to load, naming it. */
export default definePlugin({
  id: 'bad-route-schema',
  deps: { routes: coreExtensionPoints.httpRoutes },
  init({ routes }) {
    routes.addRoute({ method: 'POST', path: '/things', auth: 'user', body: { type: 'object', properties: { size: { type: 'bigness' } } }, handler: () => ({ status: 204 }) });
  },
});
