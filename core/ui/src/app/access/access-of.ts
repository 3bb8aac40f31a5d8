import { hasPermission, isOwner, isPluginManaged, type Identity } from '@portico/plugin-api';

/**
 * What the caller may do, as far as the UI needs to know to hide or disable a control and
 * say why. The rules are plugin-api's own (`hasPermission`, `isOwner`), so the UI and the
 * server agree; the server still decides every request.
 */
export interface Access {
  /** The caller, from `/api/v1/me`; undefined while loading or when nobody is signed in. */
  me: Identity | undefined;
  /** True for the dev-mode guest. */
  isGuest: boolean;
  /** Whether the caller holds `permission` (`catalog.entity.write:component` is granted by the unscoped name too). */
  can(permission: string | undefined): boolean;
  /** Whether the caller is a member of the team owning the entity. */
  ownsEntity(entity: { owner?: string } | null | undefined): boolean;
  /** Why the caller may not do `doing`, which needs `permission` (or, with `orOwnerOf`, membership of the owning team). */
  refusal(doing: string, permission: string, orOwnerOf?: { owner?: string }): string;
}

function who(me: Identity | undefined): string {
  return me ? me.id : 'nobody signed in';
}

/** The caller's access, from their identity (undefined: not known, so nothing is allowed). */
export function accessOf(me: Identity | undefined): Access {
  const can = (permission: string | undefined): boolean => (me ? hasPermission(me, permission) : false);
  return {
    me,
    isGuest: me?.isGuest ?? false,
    can,
    ownsEntity: (entity) => (me ? isOwner(me, entity) : false),
    refusal: (doing, permission, orOwnerOf) => {
      const base = permission.split(':')[0];
      const also = base !== permission ? ` (or "${base}" for every kind)` : '';
      const owner = orOwnerOf ? ` or membership of the owning team ${orOwnerOf.owner ? `"${orOwnerOf.owner}"` : '(it has none)'}` : '';
      return `${doing} needs the permission "${permission}"${also}${owner}, which ${who(me)} does not have. An admin can grant it with a role.`;
    },
  };
}

/** The plugin that wrote the entity (`meta.createdBy` is `plugin:<id>`), or undefined for people's entities. */
export function managingPlugin(entity: { meta?: { createdBy?: string } } | null | undefined): string | undefined {
  return isPluginManaged(entity) ? entity!.meta!.createdBy!.slice('plugin:'.length) : undefined;
}
