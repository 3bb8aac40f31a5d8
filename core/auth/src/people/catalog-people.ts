import type { CatalogService, Entity } from '@portico/plugin-api';

/** The part of the catalog sign-in reads: User entities and their `memberOf` teams. */
export type PeopleCatalog = Pick<CatalogService, 'get' | 'query'>;

/**
 * Finds the catalog's User entity for a signed-in person and their teams: the software
 * catalog's `user` kind links a person to teams with the `memberOf` relation. Matched by
 * entity id (the id claim) first, then by the `email` property.
 */
export class CatalogPeople {
  constructor(private readonly catalog: () => PeopleCatalog | undefined) {}

  async find(person: { id: string; email?: string }): Promise<Entity | null> {
    const catalog = this.catalog();
    if (!catalog) return null;
    const byId = await catalog.get({ kind: 'user', id: person.id }).catch(() => null);
    if (byId) return byId;
    if (!person.email) return null;
    const byEmail = await catalog
      .query({
        kind: 'user',
        filter: {
          combinator: 'and',
          rules: [{ property: 'email', operator: '=', value: person.email }],
        },
        limit: 2,
      })
      .catch(() => ({ items: [] as Entity[] }));
    // Two users with one address is a catalog mistake; guessing would give someone another's teams.
    return byEmail.items.length === 1 ? byEmail.items[0] : null;
  }

  /** The teams of the User entity `id` now (memberships change while a session lasts). */
  async teamsOf(id: string): Promise<string[] | null> {
    const entity = await this.catalog()
      ?.get({ kind: 'user', id })
      .catch(() => null);
    return entity ? membershipsOf(entity) : null;
  }
}

export function membershipsOf(entity: Entity): string[] {
  const value = entity.relations?.memberOf;
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
