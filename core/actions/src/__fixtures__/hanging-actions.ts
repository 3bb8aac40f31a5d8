import type { ActionDefinition } from '@portico/plugin-api';

/** The fault test's actions: one with a second attempt allowed, one without. `body` decides what an attempt does. */
export function hangingActions(where: string, body: () => Promise<void>): ActionDefinition[] {
  const handler = async (ctx: { logger: { info(m: string): void } }): Promise<void> => {
    ctx.logger.info(`started in ${where}`);
    await body();
  };
  return [
    { id: 'fragile-retry', title: 'Retried after a crash', operation: 'create', inputSchema: { type: 'object' }, retry: { attempts: 2 }, invocation: { type: 'handler', handler } },
    { id: 'fragile-once', title: 'Failed after a crash', operation: 'create', inputSchema: { type: 'object' }, invocation: { type: 'handler', handler } },
  ];
}
