import type { Identity } from './identity-service';

/**
 * Whether `identity` holds `permission`: granted by the exact name, by `*`, or by a
 * family ending in `.*` (`cicd.*` grants `cicd.deploy`). No permission needed → true.
 */
export function hasPermission(identity: Pick<Identity, 'permissions'>, permission: string | undefined): boolean {
  if (!permission) return true;
  return (identity.permissions ?? []).some((granted) => granted === '*' || granted === permission || (granted.endsWith('.*') && permission.startsWith(granted.slice(0, -1))));
}
