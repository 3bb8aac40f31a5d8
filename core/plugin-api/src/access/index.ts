export { PERMISSIONS, scopedPermission, type KernelPermission } from './permissions';
export { isOwner, isPluginManaged } from './is-owner';
