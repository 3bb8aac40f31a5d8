import type { KindDefinition } from '@portico/plugin-api';

/**
 * A person (Backstage `User`).
 * @public
 */
export const userKind: KindDefinition = {
  id: 'user',
  title: 'User',
  description: 'A person in the organisation.',
  icon: 'person',
  schema: {
    type: 'object',
    properties: {
      email: { type: 'string', title: 'Email', format: 'email' },
      displayName: { type: 'string', title: 'Display name' },
    },
  },
  relations: {
    memberOf: { target: 'team', many: true, title: 'Member of', inverse: 'hasMember', inverseTitle: 'Has member' },
  },
};
