import type { KindDefinition } from '@portico/plugin-api';

export const NOTEBOOK_STATUSES = ['starting', 'ready', 'failed', 'stopping', 'stopped'] as const;

/**
 * A JupyterHub named server someone started from the portal; `expiresAt` is its timer.
 * @public
 */
export const notebookKind: KindDefinition = {
  id: 'ml-notebook',
  title: 'Notebook',
  description: 'A remote Jupyter notebook server with an image and resources, stopped when its time is up.',
  icon: 'terminal',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['user', 'serverName', 'image', 'status', 'expiresAt'],
    properties: {
      user: { type: 'string', title: 'Owner', description: 'The JupyterHub user whose server it is.' },
      serverName: { type: 'string', title: 'Server name' },
      image: { type: 'string', title: 'Image' },
      size: { type: 'string', title: 'Size' },
      cpu: { type: 'string', title: 'CPU' },
      memory: { type: 'string', title: 'Memory' },
      gpu: { type: 'integer', title: 'GPUs', minimum: 0 },
      url: { type: ['string', 'null'], title: 'URL', format: 'url' },
      status: { type: 'string', title: 'Status', enum: [...NOTEBOOK_STATUSES] },
      startedAt: { type: 'string', title: 'Started', format: 'date-time' },
      expiresAt: { type: 'string', title: 'Stops at', format: 'timer' },
      maxExpiresAt: { type: 'string', title: 'Latest possible stop', format: 'date-time' },
      stoppedAt: { type: ['string', 'null'], title: 'Stopped', format: 'date-time' },
      error: { type: ['string', 'null'], title: 'Last error' },
    },
  },
};
