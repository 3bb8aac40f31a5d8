import type { Identity } from '../services/identity-service';

/** `team:platform` and `platform` name the same team. */
function bareTeam(team: string): string {
  return team.startsWith('team:') ? team.slice(5) : team;
}

/**
 * Whether the identity belongs to the team that owns the entity (the entity's `owner`).
 * @public
 */
export function isOwner(identity: Pick<Identity, 'teams'>, entity: { owner?: string } | null | undefined): boolean {
  if (!entity?.owner) return false;
  const owner = bareTeam(entity.owner);
  return identity.teams.some((team) => bareTeam(team) === owner);
}

/**
 * Whether an entity was written by a plugin (its provider or its actions), so people change only the kind's editable fields.
 * @public
 */
export function isPluginManaged(entity: { meta?: { createdBy?: string } } | null | undefined): boolean {
  return Boolean(entity?.meta?.createdBy?.startsWith('plugin:'));
}
