import type { ActionDefinition } from '@portico/plugin-api';
import { requireNotebookOwner } from '../notebooks/notebook-access';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

/** Stop a notebook's server on JupyterHub; its timer runs this at expiry, and a second run changes nothing. */
export function stopNotebookAction(deps: MlActionDeps): ActionDefinition<{ reason?: string }> {
  return {
    id: 'ml.stop-notebook',
    title: 'Stop the notebook',
    description: 'Stops the server on JupyterHub now (your files in its home directory stay); it also happens by itself when its time is up.',
    icon: 'stop_circle',
    kind: 'ml-notebook',
    operation: 'delete',
    permission: 'ml.notebook.stop',
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const notebook = target(ctx.entity, 'ml-notebook', 'notebook');
        requireNotebookOwner(ctx, notebook, 'stop it');
        if (notebook.properties.status === 'stopped') {
          ctx.logger.info(`${notebook.id} was stopped already at ${notebook.properties.stoppedAt}; nothing to do`);
          return;
        }
        await ctx.catalog.patch({ kind: 'ml-notebook', id: notebook.id }, { properties: { status: 'stopping' } });
        const stopped = await deps.jupyterhub().stopServer(required(notebook, 'user'), required(notebook, 'serverName'));
        ctx.logger.info(stopped ? `JupyterHub stopped ${notebook.properties.user}'s server ${notebook.properties.serverName}` : `The server ${notebook.properties.serverName} was not running any more`);
        await ctx.catalog.patch({ kind: 'ml-notebook', id: notebook.id }, { properties: { status: 'stopped', stoppedAt: new Date().toISOString(), url: null } });
        ctx.logger.info(`${notebook.id} stopped${ctx.inputs.reason ? `: ${ctx.inputs.reason}` : ''}`);
      },
    },
  };
}
