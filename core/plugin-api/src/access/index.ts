export { PERMISSIONS, scopedPermission, type KernelPermission } from './permissions';
export { isOwner, isPluginManaged } from './is-owner';
export { CODE_SOURCE_PREFIX, managedInCode } from './managed-in-code';
