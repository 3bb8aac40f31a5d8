import type { KindDefinition } from '@portico/plugin-api';

/**
 * "Service X version Y reached environment Z": one row of what is deployed where.
 * @public
 */
export const deploymentKind: KindDefinition = {
  id: 'deployment',
  title: 'Deployment',
  description: 'A version of a service deployed to an environment.',
  icon: 'rocket_launch',
  schema: {
    type: 'object',
    required: ['version', 'status', 'deployedAt'],
    properties: {
      version: { type: 'string', title: 'Version', minLength: 1 },
      strategy: { type: 'string', title: 'Strategy', enum: ['canary', 'blue-green', 'rolling', 'recreate'] },
      status: { type: 'string', title: 'Status', enum: ['in_progress', 'succeeded', 'failed', 'cancelled'] },
      deployedAt: { type: 'string', title: 'Time', format: 'date-time' },
      deployedBy: { type: 'string', title: 'By' },
      url: { type: 'string', title: 'Link', format: 'url' },
      source: { type: 'string', title: 'Source', description: 'Who reported it: portico (an action) or the push API.' },
      actionRunId: { type: 'string', title: 'Portico run' },
      workflowRunId: { type: 'number', title: 'Workflow run' },
      revertOf: { type: 'string', title: 'Reverts deployment' },
      externalId: { type: 'string', title: 'Reporter id', description: "The CI system's id of this deployment (push API)." },
    },
  },
  relations: {
    service: { target: 'component', required: true, title: 'Service', inverse: 'deployments', inverseTitle: 'Deployments' },
    environment: { target: 'environment', required: true, title: 'Environment', inverse: 'deployments', inverseTitle: 'Deployments' },
  },
};
