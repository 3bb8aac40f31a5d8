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
    portal = await startTestPortal({ store, guest: true, users: { ops: { kind: 'token', roles: ['admin'] }, reader: { kind: 'token', roles: ['viewer'] } }, plugins: [{ path: pluginDir, config: { backstage: { sources: [{ path: root() }], everyMs: 1000 } } }] });
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

  it('lets an operator approve the held-back sync once: the next sync deletes, later ones guard again', async () => {
    const source = 'provider:software-catalog.backstage';
    // A viewer may read the catalog, not approve deletions (the admin permission).
    expect((await portal.api('POST', `/admin/full-syncs/${source}/approval`, undefined, { as: 'reader' })).status).toBe(403);
    expect((await portal.api('GET', '/admin/full-syncs', undefined, { as: 'reader' })).status).toBe(403);
    const held = await portal.api('GET', '/admin/full-syncs', undefined, { as: 'ops' });
    expect(held.body.items).toEqual([expect.objectContaining({ source, deletions: 5, share: 0.5, maxDeleteShare: 0.1, examples: expect.arrayContaining([{ kind: 'component', id: 'cart' }]) })]);
    expect((await portal.api('POST', '/admin/full-syncs/provider:nobody/approval', undefined, { as: 'ops' })).status).toBe(404);

    const approved = await portal.api('POST', `/admin/full-syncs/${source}/approval`, undefined, { as: 'ops' });
    expect(approved.status).toBe(200);
    expect(approved.body.approval).toMatchObject({ by: expect.stringContaining('ops') });
    await eventually(async () => ((await portal.query({ kind: 'component' })).map((e) => e.id).join(',') === 'search' ? true : null), 'the approved deletions');
    expect((await portal.api('GET', '/kinds/system/entities/shop')).status).toBe(404);
    expect(portal.logs).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining(`Full sync of ${source} runs with the approval`) }));
    await eventually(async () => ((await portal.api('GET', '/admin/full-syncs', undefined, { as: 'ops' })).body.items.length === 0 ? true : null), 'the held-back record cleared');

    // The approval served one sync: the next mass removal is held back again, unapproved.
    const before = (await portal.query({ limit: 100 })).length;
    writeFileSync(root(), 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: acme-root\nspec:\n  targets: [./new.yaml]\n');
    const again = await eventually(async () => (await portal.api('GET', '/admin/full-syncs', undefined, { as: 'ops' })).body.items[0] ?? null, 'the next held-back sync');
    expect(again).toMatchObject({ source, deletions: before - 1 });
    expect(again.approval).toBeUndefined();
    expect((await portal.query({ limit: 100 })).length).toBe(before);
  });
});
