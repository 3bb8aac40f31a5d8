import type { Entity, EntityInput } from '@portico/plugin-api';
import { softwareKinds } from '../kinds';
import { exampleOrganisation } from '../sample-data/example-organisation';
import { owningTeams } from './ownership-card';
import { relationRows } from './relations-card';

const meta = { createdAt: '', updatedAt: '', createdBy: '', updatedBy: '', version: 1 };
const entity = (input: EntityInput): Entity => ({ properties: {}, relations: {}, ...input, meta });
const find = (kind: string, id: string): Entity => entity(exampleOrganisation.find((e) => e.kind === kind && e.id === id)!);

describe('relationRows', () => {
  it('lists forward relations with their titles and the owner', () => {
    const cart = find('component', 'cart-service');
    const rows = relationRows(cart, softwareKinds.find((k) => k.id === 'component'), softwareKinds, []);
    expect(rows.map((r) => [r.label, r.refs.map((ref) => `${ref.kind}:${ref.id}`)])).toEqual([
      ['Owned by', ['team:checkout-team']],
      ['Part of', ['system:cart']],
      ['Depends on', ['component:core-kafka', 'component:core-payment']],
      ['Depends on resource', ['resource:cart-db']],
      ['Provides API', ['api:cart-api']],
    ]);
  });

  it('derives inverse relations from the entities pointing here', () => {
    const api = find('api', 'cart-api');
    const pointing = [find('component', 'cart-service'), find('component', 'products-service')];
    const rows = relationRows(api, softwareKinds.find((k) => k.id === 'api'), softwareKinds, pointing);
    expect(rows.map((r) => [r.label, r.refs.map((ref) => ref.id)])).toEqual([
      ['Owned by', ['checkout-team']],
      ['Part of', ['cart']],
      ['Provided by', ['cart-service']],
      ['Consumed by', ['products-service']],
    ]);
  });

  it('shows what a team owns as "Owner of"', () => {
    const team = find('team', 'catalog-team');
    const owned = exampleOrganisation.filter((e) => e.owner === 'catalog-team').map(entity);
    const rows = relationRows(team, softwareKinds.find((k) => k.id === 'team'), softwareKinds, owned);
    expect(rows.find((r) => r.label === 'Owner of')!.refs.map((r) => r.id).sort()).toEqual(['core-kafka', 'products', 'products-service']);
  });
});

describe('owningTeams', () => {
  it("is the team itself, or a user's teams", () => {
    expect(owningTeams(find('team', 'checkout-team'))).toEqual(['checkout-team']);
    expect(owningTeams(find('user', 'dave'))).toEqual(['catalog-team', 'checkout-team']);
    expect(owningTeams(undefined)).toEqual([]);
  });
});
