/**
 * The kernel's permissions, one table. Plugins add their own (`cicd.deploy`) on actions.
 * Catalog permissions may be scoped to one kind with `:<kind>`, e.g.
 * `catalog.entity.write:component`; the unscoped name grants every kind.
 * @public
 */
export const PERMISSIONS = Object.freeze({
  /** Read a kind's entities (and see the kind): lists, queries, facets, search, streams. */
  entityRead: 'catalog.entity.read',
  /** Create and change entities of any team (owners may always change their team's). */
  entityWrite: 'catalog.entity.write',
  /** Delete entities of any team (owners may always delete their team's). */
  entityDelete: 'catalog.entity.delete',
  /** Create and change kinds. */
  kindWrite: 'catalog.kind.write',
  /** Delete kinds. */
  kindDelete: 'catalog.kind.delete',
  /** See the actions offered. */
  actionsRead: 'actions.read',
  /** Start actions (each action's own permission is needed on top, if it declares one). */
  actionsRun: 'actions.run',
  /** Define and delete actions, including webhook actions and the secrets they may use. */
  actionsManage: 'actions.manage',
  /** Read every run (everyone reads their own). */
  runsRead: 'runs.read',
  /** Cancel any run (everyone may cancel their own). */
  runsCancel: 'runs.cancel',
  /** Report on any run's status, outputs and log (a run's own callback token reports on that run). */
  runsReport: 'runs.report',
  /** Create and delete automations. */
  automationsManage: 'automations.manage',
  /** Read automations. */
  automationsRead: 'automations.read',
  /** Read and export the audit log. */
  auditRead: 'audit.read',
  /** Roles, assignments, everyone's tokens, sessions. */
  admin: 'admin',
});

/** @public */
export type KernelPermission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/**
 * `catalog.entity.write` + `component` → `catalog.entity.write:component`.
 * @public
 */
export function scopedPermission(permission: string, resource: string): string {
  return `${permission}:${resource}`;
}
