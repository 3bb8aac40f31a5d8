// Backend of the access browser test, plain ESM so tests need no build for it.
import { coreExtensionPoints, definePlugin } from '@portico/plugin-api';

export default definePlugin({
  id: 'accesstest',
  deps: { actions: coreExtensionPoints.actions },
  init({ actions }) {
    actions.addAction({
      id: 'accesstest.hold',
      title: 'Hold a box',
      description: 'Keeps running until someone cancels it',
      kind: 'box',
      operation: 'day-2',
      inputSchema: { type: 'object', properties: {} },
      invocation: {
        type: 'handler',
        async handler(ctx) {
          ctx.logger.info('holding');
          // Until cancelled (the runner aborts the signal); the timer only bounds a forgotten run.
          await new Promise((resolve) => {
            const timer = setTimeout(resolve, 60_000);
            timer.unref?.();
            ctx.signal.addEventListener('abort', resolve, { once: true });
          });
        },
      },
    });
    actions.addAction({
      id: 'accesstest.greet',
      title: 'Greet a box',
      description: 'Says hello with a secret',
      kind: 'box',
      operation: 'day-2',
      inputSchema: { type: 'object', required: ['name', 'token'], properties: { name: { type: 'string', title: 'Name' }, token: { type: 'string', title: 'Token', format: 'secret' } } },
      invocation: {
        type: 'handler',
        handler(ctx) {
          ctx.logger.info(`hello ${ctx.inputs.name} (a token of ${String(ctx.inputs.token).length} characters)`);
          ctx.setOutput('greeted', ctx.inputs.name);
        },
      },
    });
  },
});
