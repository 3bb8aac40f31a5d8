import { coreExtensionPoints, coreServices, createExtensionPoint, definePlugin, provideExtensionPoint } from '@portico/plugin-api';

/** An extension point this plugin offers to others (see the `extender` fixture). */
export const greetingsExtensionPoint = createExtensionPoint<{ addGreeting(text: string): void }>({ id: 'good.greetings' });
const greetings: string[] = [];
const lifecycleEvents: string[] = [];
const initialised: Array<WeakRef<object>> = [];

export default definePlugin({
  id: 'good',
  configSchema: { type: 'object', properties: { greeting: { type: 'string', default: 'hello' } } },
  extensionPoints: [provideExtensionPoint(greetingsExtensionPoint, () => ({ addGreeting: (text: string) => void greetings.push(text) }))],
  deps: {
    kinds: coreExtensionPoints.kinds,
    actions: coreExtensionPoints.actions,
    widgets: coreExtensionPoints.widgets,
    routes: coreExtensionPoints.httpRoutes,
    providers: coreExtensionPoints.entityProviders,
    config: coreServices.config,
    lifecycle: coreServices.lifecycle,
  },
  init({ kinds, actions, widgets, routes, providers, config, lifecycle }) {
    initialised.push(new WeakRef(config));
    lifecycle.addStartHook(() => void lifecycleEvents.push('started'));
    lifecycle.addShutdownHook(() => void lifecycleEvents.push('stopped'));
    const gizmo = { id: 'gizmo', title: 'Gizmo', editable: ['size'], schema: { type: 'object', properties: { size: { type: 'integer' } } } };
    kinds.addKind(gizmo);
    initialised.push(new WeakRef(gizmo.schema));
    const inputSchema = { type: 'object', properties: {} };
    initialised.push(new WeakRef(inputSchema));
    actions.addAction({
      id: 'good.hello',
      title: 'Say hello',
      kind: 'gizmo',
      operation: 'day-2',
      inputSchema,
      invocation: { type: 'handler', handler: ({ logger }) => logger.info(config.get<{ greeting: string }>().greeting) },
    });
    actions.addAutomation({ id: 'good.greet-new-gizmo', on: 'entity.created', kind: 'gizmo', condition: { path: 'after.properties.size', operator: '>', value: 5 }, action: 'good.hello' });
    widgets.addWidget({ id: 'good.card', slot: 'entity.cards', title: 'Good card', component: 'GoodCard', condition: { kind: 'gizmo' } });
    routes.addRoute({ method: 'GET', path: '/greetings', auth: 'user', handler: () => ({ body: { greeting: config.get<{ greeting: string }>().greeting, greetings, lifecycleEvents } }) });
    routes.addRoute({
      method: 'POST',
      path: '/greetings/:to',
      auth: 'user',
      summary: 'Greet someone, a few times',
      body: { type: 'object', required: ['name'], additionalProperties: false, properties: { name: { type: 'string', minLength: 1 }, loud: { type: 'boolean', default: false } } },
      query: { times: { description: 'How many greetings', schema: { type: 'integer', minimum: 1, maximum: 3 } } },
      responses: { '201': { description: 'The greetings', schema: { type: 'object', required: ['greetings'], properties: { greetings: { type: 'array', items: { type: 'string' } } } } } },
      handler: (req) => {
        const body = req.body as { name: string; loud: boolean };
        const text = `${config.get<{ greeting: string }>().greeting} ${body.name} from ${req.params.to}`;
        return { status: 201, body: { greetings: Array.from({ length: Number(req.query.times ?? 1) }, () => (body.loud ? text.toUpperCase() : text)) } };
      },
    });
    routes.addRoute({ method: 'POST', path: '/private', auth: 'token', handler: (req) => ({ status: 201, body: { by: req.identity.id } }) });
    routes.addRoute({ method: 'GET', path: '/report', permission: 'good.report', summary: 'A report only good.report holders read', handler: () => ({ body: { report: 'fine' } }) });
    routes.addRoute({ method: 'POST', path: '/hook', auth: 'public', handler: (req) => ({ body: { bytes: req.rawBody.length } }) });
    providers.addProvider({
      id: 'good.sample',
      refresh: (ctx) => ctx.apply({ upsert: [{ kind: 'gizmo', id: 'from-provider', title: 'From provider', properties: { size: 3 } }] }),
    });
  },
});

/**
 * For the kernel's tests: weak references to what each init made (its config service, which every
 * handler closes over; its kind's and action's schemas), to see that a removed plugin is let go.
 */
export function initialisedObjects(): Array<WeakRef<object>> {
  return initialised;
}

/** For the kernel's tests: what the lifecycle hooks recorded. */
export function recordedLifecycle(): string[] {
  return lifecycleEvents;
}
