import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

// A small plugin for test-utils' own tests: a kind, an action that changes an entity, and one
// that needs approval.
export default definePlugin({
  id: 'counter',
  deps: { kinds: coreExtensionPoints.kinds, actions: coreExtensionPoints.actions, providers: coreExtensionPoints.entityProviders },
  init({ kinds, actions, providers }) {
    kinds.addKind({ id: 'counter', title: 'Counter', schema: { type: 'object', properties: { value: { type: 'integer' } } } });
    providers.addProvider({ id: 'counter.seed', refresh: (ctx) => ctx.apply({ upsert: [{ kind: 'counter', id: 'clicks', title: 'Clicks', properties: { value: 0 } }] }) });
    actions.addAction({
      id: 'counter.add',
      title: 'Add',
      kind: 'counter',
      operation: 'day-2',
      inputSchema: { type: 'object', required: ['by'], properties: { by: { type: 'integer', minimum: 1 } } },
      invocation: {
        type: 'handler',
        handler: async ({ entity, inputs, logger, catalog }) => {
          const current = (entity!.properties as { value: number }).value;
          await catalog.patch({ kind: 'counter', id: entity!.id }, { properties: { value: current + (inputs.by as number) } });
          logger.info(`added ${inputs.by as number}`);
        },
      },
    });
    actions.addAction({
      id: 'counter.reset',
      title: 'Reset',
      kind: 'counter',
      operation: 'day-2',
      approval: { users: ['boss'] },
      inputSchema: { type: 'object', properties: {} },
      invocation: { type: 'handler', handler: ({ logger }) => logger.info('reset') },
    });
  },
});
