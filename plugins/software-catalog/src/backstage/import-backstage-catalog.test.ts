import { join } from 'node:path';
import { BackstageSources } from './backstage-sources';
import { formatImportReport } from './backstage-import-report';

const fixtures = join(__dirname, '__fixtures__');

describe('importing a Backstage catalog', () => {
  it('follows Locations from the root file and maps every built-in kind, with nothing reported as an error', async () => {
    const { entities, report } = await new BackstageSources([{ path: join(fixtures, 'acme', 'catalog-info.yaml') }]).load();
    expect(report.errors).toEqual([]);
    expect(report.unresolved).toEqual([]);
    expect(report.incomplete).toBe(false);
    expect(report.locations).toEqual(['catalog-info.yaml', 'org/org.yaml', 'systems/shop.yaml', 'services/cart/catalog-info.yaml', 'services/payments/catalog-info.yaml']);
    expect(report.imported).toEqual({ team: 3, user: 2, domain: 1, system: 1, resource: 1, api: 1, component: 2 });
    expect(report.skipped).toEqual([{ file: 'services/cart/catalog-info.yaml', line: 28, entity: 'template:default/new-service', message: 'Backstage software templates are not catalog entities: recreate them as Portico actions' }]);

    const byRef = new Map(entities.map((e) => [`${e.kind}/${e.id}`, e]));
    expect(byRef.get('component/cart')).toEqual({
      kind: 'component',
      id: 'cart',
      title: 'Cart service',
      description: 'Keeps shopping carts',
      owner: 'team-a',
      properties: {
        type: 'service',
        lifecycle: 'production',
        annotations: { 'github.com/project-slug': 'acme/cart', 'backstage.io/techdocs-ref': 'dir:.' },
        labels: { tier: '1' },
        tags: ['java', 'payments'],
        links: [{ url: 'https://grafana.acme.example/d/cart', title: 'Dashboard', icon: 'dashboard' }],
        backstage: { ref: 'component:default/cart' },
      },
      relations: { partOf: 'shop', providesApi: ['cart-api'], dependsOnResource: ['cart-db'], dependsOn: ['finance..payments'] },
    });
    // Another namespace is prefixed; refs without a namespace take the entity's own.
    expect(byRef.get('component/finance..payments')).toMatchObject({ owner: 'team-b', relations: { partOf: 'shop', consumesApi: ['cart-api'] }, properties: { lifecycle: 'experimental', annotations: { 'pagerduty.com/service-id': 'PABC123' } } });
    // Relations declared on the other side land on the entity Portico keeps them on.
    expect(byRef.get('team/team-b')!.relations).toEqual({ childOf: 'acme' });
    expect(byRef.get('team/team-a')!.relations).toEqual({ childOf: 'acme' });
    expect(byRef.get('user/asmith')!.relations).toEqual({ memberOf: ['team-b'] });
    expect(byRef.get('user/jdoe')).toMatchObject({ title: 'Jane Doe', properties: { email: 'jane@acme.example', displayName: 'Jane Doe', backstage: { spec: { profile: { picture: 'https://avatars.example/jdoe.png' } } } }, relations: { memberOf: ['team-a'] } });
    expect(byRef.get('api/cart-api')).toMatchObject({ properties: { type: 'openapi', definitionUrl: 'https://cart.acme.example/openapi.json' }, relations: { partOf: 'shop' } });
    expect(byRef.get('system/shop')).toMatchObject({ title: 'Web shop', owner: 'team-a', relations: { partOf: 'commerce' }, properties: { tags: ['retail'] } });
    expect(byRef.get('team/acme')).toMatchObject({ title: 'ACME Corp', properties: { email: 'it@acme.example', backstage: { spec: { type: 'organization', profile: { displayName: 'ACME' } } } } });
  });

  it('reports bad YAML, unknown kinds, dangling refs and unreadable Location targets at their file and line, and goes on', async () => {
    const sources = new BackstageSources([{ path: join(fixtures, 'broken') }]);
    const { entities, report } = await sources.load();
    expect(entities.map((e) => `${e.kind}/${e.id}`)).toEqual(['component/orders']);
    expect(entities[0].relations).toEqual({});
    expect(entities[0].owner).toBeUndefined();
    expect(report.incomplete).toBe(true);
    expect(report.errors).toEqual([
      { file: 'catalog-info.yaml', line: 16, message: expect.stringMatching(/^is not valid YAML: /) },
      { file: 'catalog-info.yaml', line: 19, entity: 'pipeline:default/nightly', message: 'has kind "Pipeline", which is not a Backstage built-in kind (Component, API, Resource, System, Domain, Group, User, Location, Template)' },
      { file: 'catalog-info.yaml', line: 29, message: 'Location target "../../outside.yaml" is outside the imported folders' },
      { file: 'missing.yaml', line: 1, message: expect.stringMatching(/^could not be read: ENOENT/) },
    ]);
    expect(report.unresolved).toEqual([
      { file: 'catalog-info.yaml', line: 8, entity: 'component:default/orders', message: 'names group:default/team-x, which is not in the imported catalog: that relation is left out' },
      { file: 'catalog-info.yaml', line: 9, entity: 'component:default/orders', message: 'names system:default/shop, which is not in the imported catalog: that relation is left out' },
      { file: 'catalog-info.yaml', line: 10, entity: 'component:default/orders', message: 'names component:default/ghost, which is not in the imported catalog: that relation is left out' },
    ]);
    const printed = formatImportReport(report).join('\n');
    expect(printed).toContain('Unresolved relation targets (left out) (3):\n  catalog-info.yaml:8 component:default/orders: names group:default/team-x');
    expect(printed).toContain('Errors (4):');
  });

  it('follows Location targets with glob patterns to every matching file inside the imported folders, once each', async () => {
    const { entities, report } = await new BackstageSources([{ path: join(fixtures, 'globbed', 'catalog-info.yaml') }]).load();
    // `./*.yaml` matches the root file itself too: each file is read once.
    expect(report.locations).toEqual(['catalog-info.yaml', 'services/a/catalog-info.yaml', 'services/b/catalog-info.yaml', 'team.yaml']);
    expect(entities.map((e) => `${e.kind}/${e.id}`).sort()).toEqual(['component/svc-a', 'component/svc-b', 'team/team-g']);
    expect(entities.find((e) => e.id === 'svc-b')).toMatchObject({ owner: 'team-g' });
    // A pattern reaching out of the imported folders is refused like a plain path; one matching nothing is no error.
    expect(report.errors).toEqual([{ file: 'catalog-info.yaml', line: 10, message: 'Location target "../acme/**/*.yaml" matches only files outside the imported folders' }]);
  });

  it('refuses two refs that map onto one Portico id instead of merging them', async () => {
    const { entities, report } = await new BackstageSources([{ path: join(fixtures, 'collision') }]).load();
    expect(entities.map((e) => e.id)).toEqual(['finance..payments']);
    expect(report.errors).toEqual([
      { file: 'b.yaml', line: 1, entity: 'component:finance/payments', message: 'is defined twice (first at a.yaml:1); this one is left out' },
      { file: 'b.yaml', line: 10, entity: 'component:default/finance..payments', message: 'maps to the same Portico id as component:finance/payments (first at a.yaml:1); this one is left out' },
    ]);
  });
});
