import type { Identity } from '@portico/plugin-api';

/** A plugin's code is installed by the portal's operators and trusted as such: what it starts holds every permission. */
export function pluginIdentity(pluginId: string): Identity {
  return { id: `plugin:${pluginId}`, kind: 'plugin', displayName: `Plugin ${pluginId}`, teams: [], isGuest: false, permissions: ['*'], roles: [], via: 'internal' };
}
