import type { KindDefinition } from '@portico/plugin-api';

/**
 * An EC2 Auto Scaling group.
 * @public
 */
export const autoScalingGroupKind: KindDefinition = {
  id: 'auto-scaling-group',
  title: 'Auto-scaling group',
  icon: 'stacks',
  schema: {
    type: 'object',
    required: ['name', 'account', 'region', 'minSize', 'maxSize', 'desiredCapacity'],
    properties: {
      name: { type: 'string', title: 'Name' },
      account: { type: 'string', title: 'Account' },
      region: { type: 'string', title: 'Region' },
      arn: { type: ['string', 'null'], title: 'ARN' },
      minSize: { type: 'integer', title: 'Minimum', minimum: 0 },
      maxSize: { type: 'integer', title: 'Maximum', minimum: 0 },
      desiredCapacity: { type: 'integer', title: 'Desired', minimum: 0 },
      instances: { type: 'integer', title: 'Instances', minimum: 0 },
      healthyInstances: { type: 'integer', title: 'Healthy instances', minimum: 0 },
      status: { type: ['string', 'null'], title: 'Status' },
    },
  },
  relations: {
    component: { target: 'component', title: 'Component', inverse: 'autoScalingGroups', inverseTitle: 'Auto-scaling groups' },
  },
};
