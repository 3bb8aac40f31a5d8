import type { KindDefinition } from '@portico/plugin-api';

/**
 * A group of people that owns software (Backstage `Group`); every other kind's `ownerKind`.
 * @public
 */
export const teamKind: KindDefinition = {
  id: 'team',
  title: 'Team',
  description: 'A group of people that owns software.',
  icon: 'groups',
  schema: {
    type: 'object',
    properties: {
      email: { type: 'string', title: 'Email', format: 'email' },
      slack: { type: 'string', title: 'Slack channel' },
    },
  },
  relations: {
    childOf: { target: 'team', title: 'Child of', inverse: 'parentOf', inverseTitle: 'Parent of' },
  },
};
