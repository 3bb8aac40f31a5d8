import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';

// The provider in a real portal: the fixture catalog imports with every relation queryable
// from both ends, and later edits of the files are a full sync (removals go, mass removals wait).

const pluginDir = join(__dirname, '..', '..');

describe.each(['embedded', 'redis'] as const)('Backstage sync on the %s store', (store) => {
  let portal: TestPortal;
  let dir: string;
  const root = (): string => join(dir, 'catalog-info.yaml');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-backstage-sync-'));
    cpSync(join(__dirname, '__fixtures__', 'acme'), dir, { recursive: true });
    portal = await startTestPortal({ store, guest: true, plugins: [{ path: pluginDir, config: { backstage: { sources: [{ path: root() }], everyMs: 1000 } } }] });
    await portal.waitForEntity('component', 'finance..payments', { timeoutMs: 15_000 });
  }, 30_000);
  afterAll(async () => {
    await portal?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const relations = async (kind: string, id: string): Promise<{ outgoing: string[]; incoming: string[] }> => {
    const res = await portal.api('GET', `/entities/${kind}/${id}/relations`);
    if (res.status !== 200) throw new Error(`relations of ${kind}/${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return {
      outgoing: res.body.outgoing.map((r: { relation: string; kind: string; id: string }) => `${r.relation} ${r.kind}/${r.id}`).sort(),
      incoming: res.body.incoming.map((r: { relation: string; kind: string; id: string }) => `${r.relation} ${r.kind}/${r.id}`).sort(),
    };
  };

  it('imports every entity with no error, owned by the provider', async () => {
    const all = await portal.query({ limit: 100 });
    expect(all.map((e) => `${e.kind}/${e.id}`).sort()).toEqual(
      ['api/cart-api', 'component/cart', 'component/finance..payments', 'domain/commerce', 'resource/cart-db', 'system/shop', 'team/acme', 'team/team-a', 'team/team-b', 'user/asmith', 'user/jdoe'],
    );
    expect(all.every((e) => e.meta.source === 'provider:software-catalog.backstage')).toBe(true);
    expect(portal.logs.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });

  it('answers the relations from both ends, across files', async () => {
    expect((await relations('component', 'cart')).outgoing).toEqual(['dependsOn component/finance..payments', 'dependsOnResource resource/cart-db', 'partOf system/shop', 'providesApi api/cart-api']);
    expect((await relations('api', 'cart-api')).incoming).toEqual(['component.consumesApi component/finance..payments', 'component.providesApi component/cart']);
    expect((await relations('system', 'shop')).incoming).toEqual(['api.partOf api/cart-api', 'component.partOf component/cart', 'component.partOf component/finance..payments', 'resource.partOf resource/cart-db']);
    expect((await relations('team', 'team-b')).incoming).toEqual(['user.memberOf user/asmith']);
    expect((await relations('team', 'acme')).incoming).toEqual(['team.childOf team/team-a', 'team.childOf team/team-b']);
    const owned = await portal.query({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'owner', operator: '=', value: 'team-b' }] } });
    expect(owned.map((e) => e.id)).toEqual(['finance..payments']);
  });

  it('removes an entity taken out of the files, and holds back a sync that would remove most of them', async () => {
    // One of eleven (9 %): within the default 10 %.
    writeFileSync(root(), readFileSync(root(), 'utf8').replace('    - ./services/payments/catalog-info.yaml\n', ''));
    await eventually(async () => (await portal.api('GET', '/kinds/component/entities/finance..payments')).status === 404 || null, 'the removal');

    // Everything but the org file, plus one new component that shows the sync ran.
    writeFileSync(root(), 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: acme-root\nspec:\n  targets: [./org/org.yaml, ./new.yaml]\n');
    writeFileSync(join(dir, 'new.yaml'), 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: search\nspec:\n  type: website\n  lifecycle: experimental\n  owner: team-a\n');
    await portal.waitForEntity('component', 'search');
    await eventually(async () => portal.logs.find((l) => l.level === 'warn' && l.message.startsWith('Full sync of provider:software-catalog.backstage held back deleting 5 of its 10 entities (50 %')) ?? null, 'the held-back warning');
    expect((await portal.query({ kind: 'component' })).map((e) => e.id).sort()).toEqual(['cart', 'search']);
    expect(await portal.entity('system', 'shop')).toMatchObject({ id: 'shop' });
  });
});
