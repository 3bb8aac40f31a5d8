import type { ActionContext, Entity } from '@portico/plugin-api';

/**
 * Who may change an environment: its requester and members, people of its owning team (by
 * their User entity's `memberOf`), the plugin's own automations, and the dev-mode guest (which
 * exists only in a development portal, with every permission). Anyone else is refused, saying who may.
 */
export async function requireEnvironmentMember(ctx: ActionContext<unknown>, environment: Entity, what: string): Promise<void> {
  if (ctx.actor.startsWith('plugin:') || ctx.actor === 'guest') return;
  const person = ctx.actor.startsWith('user:') ? ctx.actor.slice(5) : null;
  const members = [...new Set([environment.properties.requestedBy, ...((environment.properties.members as string[] | undefined) ?? [])])].filter((m): m is string => typeof m === 'string');
  if (person && members.includes(person)) return;
  const owner = environment.owner?.replace(/^team:/, '');
  if (person && owner) {
    const user = await ctx.catalog.get({ kind: 'user', id: person });
    const teams = user?.relations.memberOf;
    if ((Array.isArray(teams) ? teams : teams ? [teams] : []).includes(owner)) return;
  }
  throw new Error(`Only the members of ${environment.id} (${members.join(', ')})${owner ? ` and the ${owner} team` : ''} may ${what}; ask one of them to invite you.`);
}
