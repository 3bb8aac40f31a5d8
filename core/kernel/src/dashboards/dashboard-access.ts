import { PERMISSIONS, hasPermission, isOwner, type Identity } from '@portico/plugin-api';

/**
 * Who may change a dashboard owned by `owner`: the person it belongs to (`user:<id>`), the members
 * of the team it belongs to (`team:<id>`), and admins. The one rule, for saving, moving and deleting.
 */
export function mayEditDashboard(identity: Identity, owner: string): boolean {
  if (hasPermission(identity, PERMISSIONS.admin)) return true;
  if (owner.startsWith('team:')) return isOwner(identity, { owner });
  return owner === identity.id && identity.kind === 'user' && !identity.isGuest;
}

/**
 * Who may open a dashboard: whoever may change it, and anyone who may read some of the catalog
 * (a shared URL). Each widget's data still comes through the catalog and runs APIs, which answer
 * only what the viewer may read.
 */
export function mayViewDashboard(identity: Identity, owner: string): boolean {
  if (mayEditDashboard(identity, owner)) return true;
  return (identity.permissions ?? []).some((granted) => granted === '*' || granted === 'catalog.*' || granted === 'catalog.entity.*' || granted.split(':')[0] === PERMISSIONS.entityRead);
}

/** The owners whose dashboards an identity lists as its own: itself (a person, or the dev-mode guest everyone shares) and its teams. */
export function ownersOf(identity: Identity): string[] {
  const teams = identity.teams.map((team) => (team.startsWith('team:') ? team : `team:${team}`));
  return [...(identity.kind === 'user' || identity.isGuest ? [identity.id] : []), ...teams];
}
