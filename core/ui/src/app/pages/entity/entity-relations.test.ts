import { normalizeRelations, relationsFromEntity, withTitles } from './entity-relations';

test('reads outgoing and incoming relation lists', () => {
  const links = normalizeRelations({
    outgoing: [{ relation: 'system', title: 'Part of', target: { kind: 'system', id: 'cart', title: 'Cart' } }],
    incoming: [{ relation: 'dependsOn', inverseTitle: 'Dependency of', source: { kind: 'component', id: 'checkout' } }],
  });
  expect(links).toEqual([
    { direction: 'outgoing', relation: 'system', title: 'Part of', entity: { kind: 'system', id: 'cart', title: 'Cart' } },
    { direction: 'incoming', relation: 'dependsOn', title: 'Dependency of', entity: { kind: 'component', id: 'checkout', title: undefined } },
  ]);
});

test('reads the catalog flat items, where title is the relation title', () => {
  const links = normalizeRelations({ outgoing: [{ relation: 'partOf', title: 'Part of', kind: 'gadget', id: 'rocket', exists: true }], incoming: [{ relation: 'gadget.partOf', title: 'Parts', kind: 'gadget', id: 'booster', via: 'partOf' }] });
  expect(links).toEqual([
    { direction: 'outgoing', relation: 'partOf', title: 'Part of', entity: { kind: 'gadget', id: 'rocket', title: undefined } },
    { direction: 'incoming', relation: 'gadget.partOf', title: 'Parts', entity: { kind: 'gadget', id: 'booster', title: undefined } },
  ]);
  expect(withTitles(links, new Map([['gadget:rocket', 'Rocket']]))[0].entity.title).toBe('Rocket');
});

test('reads a flat item list with directions and ignores malformed items', () => {
  const links = normalizeRelations({ items: [{ direction: 'incoming', relation: 'owner', entity: { kind: 'team', id: 'payments' } }, { relation: 'x' }] });
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({ direction: 'incoming', entity: { kind: 'team', id: 'payments' } });
});

test('falls back to the entity own relation values', () => {
  const entity = { kind: 'component', id: 'cart', title: 'Cart', properties: {}, relations: { system: 'shop', dependsOn: ['kafka', 'payments'], api: null }, meta: {} as never };
  const kind = { id: 'component', title: 'Component', schema: {}, relations: { system: { target: 'system', title: 'Part of' }, dependsOn: { target: 'component', many: true } } };
  expect(relationsFromEntity(entity, kind).map((link) => `${link.title}->${link.entity.kind}:${link.entity.id}`)).toEqual(['Part of->system:shop', 'dependsOn->component:kafka', 'dependsOn->component:payments']);
});
