import { ForbiddenError, hasPermission, scopedPermission, type Identity } from '@portico/plugin-api';

/**
 * Who may call a route. Every route declares one, so the OpenAPI document, the
 * authorization matrix test and the router all read the same answer.
 * - `public`: no identity needed (the reason says why: a webhook that checks its own signature, sign-in).
 * - `signedIn`: any identity (the labelled guest too, where enabled); the handler narrows
 *   what it answers (for example `/me`, or lists filtered to what the caller may read).
 *   `tokensOnly`: machines with a bearer token, not a person's session nor the guest.
 * - `permission`: the router refuses callers without it with a 403 before the handler
 *   runs; `scope: 'kind'` scopes it to the `{kind}` path parameter (`catalog.entity.write:component`).
 *   With `orOwner`, members of the owning team may also call it: the router lets the call
 *   through and the handler decides with `authorize`, since only it knows the target.
 * @public
 */
export type RouteAccess =
  | { public: string }
  | { signedIn: string; tokensOnly?: boolean }
  | { permission: string; scope?: 'kind'; orOwner?: string };

/**
 * The permission a route needs for these path parameters, or undefined for public and signed-in routes.
 * @public
 */
export function requiredPermission(access: RouteAccess, params: Record<string, string> = {}): string | undefined {
  if (!('permission' in access)) return undefined;
  return access.scope === 'kind' && params.kind ? scopedPermission(access.permission, params.kind) : access.permission;
}

/**
 * The 403 for a caller without `permission`: what was refused, what grants it, and where to grant it.
 * @public
 */
export function forbidden(identity: Identity, permission: string, doing: string, because = ''): ForbiddenError {
  const base = permission.split(':')[0];
  const also = base !== permission ? ` (or "${base}" for every kind)` : '';
  return new ForbiddenError(
    `${doing} needs the permission "${permission}"${also}, which ${identity.id} does not have${because}. ` +
      `An admin can grant it${base.includes('.') ? `, or its family "${base.split('.')[0]}.*",` : ''} through a role (auth.roles and auth.assignments in portico.config.yaml, or the Roles admin page).`,
    { permission, identity: identity.id },
  );
}

/**
 * Throws the 403 unless the identity holds `permission`.
 * @public
 */
export function authorize(identity: Identity, permission: string, doing: string): void {
  if (!hasPermission(identity, permission)) throw forbidden(identity, permission, doing);
}
