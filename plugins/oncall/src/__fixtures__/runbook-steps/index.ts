import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

// Another plugin's actions for runbook tests: scale a service, leave a note, and one that always fails.
export default definePlugin({
  id: 'steps',
  deps: { actions: coreExtensionPoints.actions },
  init({ actions }) {
    actions.addAction<{ replicas: number }>({
      id: 'steps.scale',
      title: 'Scale',
      kind: 'component',
      operation: 'day-2',
      permission: 'steps.scale',
      inputSchema: { type: 'object', required: ['replicas'], additionalProperties: false, properties: { replicas: { type: 'integer', minimum: 1 } } },
      invocation: {
        type: 'handler',
        handler: (ctx) => {
          ctx.logger.info(`scaled ${ctx.entity!.id} to ${ctx.inputs.replicas}`);
          ctx.setOutput('replicas', ctx.inputs.replicas);
        },
      },
    });
    actions.addAction<{ message: string }>({
      id: 'steps.note',
      title: 'Note',
      operation: 'day-2',
      inputSchema: { type: 'object', required: ['message'], properties: { message: { type: 'string' } } },
      invocation: { type: 'handler', handler: (ctx) => ctx.logger.info(`note: ${ctx.inputs.message}`) },
    });
    actions.addAction({
      id: 'steps.fail',
      title: 'Fail',
      operation: 'day-2',
      inputSchema: { type: 'object', properties: {} },
      invocation: {
        type: 'handler',
        handler: () => {
          throw new Error('the fix did not take');
        },
      },
    });
  },
});
