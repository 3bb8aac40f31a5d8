import type { KindDefinition } from '@portico/plugin-api';

/**
 * While it exists, deploy and revert of the service to the environment refuse to run. Id: `<service>.<environment>`.
 * @public
 */
export const deploymentLockKind: KindDefinition = {
  id: 'deployment-lock',
  title: 'Deployment lock',
  description: 'Stops deployments of a service to an environment, with who locked it and why.',
  icon: 'lock',
  schema: {
    type: 'object',
    required: ['lockedBy', 'reason', 'lockedAt'],
    properties: {
      lockedBy: { type: 'string', title: 'Locked by' },
      reason: { type: 'string', title: 'Reason', minLength: 1 },
      lockedAt: { type: 'string', title: 'Locked at', format: 'date-time' },
    },
  },
  relations: {
    service: { target: 'component', required: true, title: 'Service', inverse: 'deploymentLocks', inverseTitle: 'Deployment locks' },
    environment: { target: 'environment', required: true, title: 'Environment', inverse: 'deploymentLocks', inverseTitle: 'Deployment locks' },
  },
};
