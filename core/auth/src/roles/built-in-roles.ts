import { PERMISSIONS } from '@portico/plugin-api';

/** @public */
export interface RoleDefinition {
  description: string;
  permissions: string[];
}

const viewer = [PERMISSIONS.entityRead, PERMISSIONS.actionsRead, PERMISSIONS.automationsRead];
const developer = [...viewer, PERMISSIONS.actionsRun, PERMISSIONS.runsRead];
const maintainer = [
  ...developer,
  PERMISSIONS.entityWrite,
  PERMISSIONS.entityDelete,
  PERMISSIONS.kindWrite,
  PERMISSIONS.kindDelete,
  PERMISSIONS.actionsManage,
  PERMISSIONS.automationsManage,
  PERMISSIONS.runsCancel,
];

/**
 * The roles every portal has; `auth.roles` in the config adds more or redefines these.
 * Ownership needs no role: members of an entity's owning team may always change it and
 * run its day-2 actions (each action's own permission still applies).
 * @public
 */
export const BUILT_IN_ROLES: Readonly<Record<string, RoleDefinition>> = Object.freeze({
  viewer: { description: 'Reads the catalog, the actions offered and the automations', permissions: viewer },
  developer: { description: 'A viewer who also starts actions and reads every run', permissions: developer },
  maintainer: { description: 'A developer who also changes any entity, kinds, actions and automations, and cancels any run', permissions: maintainer },
  admin: { description: 'Everything, including roles, everyone\'s tokens and the audit log', permissions: ['*'] },
});
