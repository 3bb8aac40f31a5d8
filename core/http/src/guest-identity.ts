import type { Identity } from '@portico/plugin-api';

/**
 * The dev-mode identity: every request without a token acts as this guest, clearly labelled, with every permission.
 * @public
 */
export const GUEST_IDENTITY: Identity = Object.freeze({
  id: 'guest',
  kind: 'guest' as const,
  displayName: 'Guest (dev mode, no sign-in)',
  teams: [],
  isGuest: true,
  permissions: ['*'],
});
