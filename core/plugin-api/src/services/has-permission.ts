import type { Identity } from './identity-service';

/**
 * Whether `identity` holds `permission`: granted by the exact name, by `*`, or by a
 * family ending in `.*` (`cicd.*` grants `cicd.deploy`). A permission scoped to one
 * resource, `catalog.entity.write:component`, is also granted by its unscoped name
 * (`catalog.entity.write`) and that name's families. No permission needed → true.
 * @public
 */
export function hasPermission(identity: Pick<Identity, 'permissions'>, permission: string | undefined): boolean {
  if (!permission) return true;
  const colon = permission.indexOf(':');
  const base = colon === -1 ? permission : permission.slice(0, colon);
  return (identity.permissions ?? []).some(
    (granted) => granted === '*' || granted === permission || granted === base || (granted.endsWith('.*') && base.startsWith(granted.slice(0, -1))),
  );
}
