import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import { runCliProcess } from './run-cli-process';

// `portico catalog apply` as a real process against a real portal: the plan, the apply,
// ownership by file, and direct edits of code-managed entities refused.

let portal: TestPortal;
let work: string;
let folder: string;

beforeAll(async () => {
  portal = await startTestPortal({ plugins: [], users: { ana: { kind: 'token', roles: ['maintainer'] }, dev: { kind: 'token', permissions: ['catalog.entity.read', 'catalog.entity.write'] } } });
  work = mkdtempSync(join(tmpdir(), 'portico-apply-'));
  folder = join(work, 'catalog');
  cpSync(join(__dirname, '..', '..', 'catalog-code', '__fixtures__', 'catalog'), folder, { recursive: true });
}, 30_000);
afterAll(async () => {
  await portal?.close();
  rmSync(work, { recursive: true, force: true });
});

const apply = (...args: string[]) => runCliProcess(['catalog', 'apply', '-f', folder, '--url', portal.url, '--token', portal.tokenOf('ana'), ...args]);

it('--dry-run prints the plan and changes nothing', async () => {
  const { code, out, err } = await apply('--dry-run');
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(out).toBe(
    [
      `Plan for ${portal.url}, 5 file(s) of catalog:`,
      '  + kind team  (kinds.yaml)',
      '  + kind service  (kinds.yaml)',
      '  + kind runbook  (kinds.yaml)',
      '  + service/cart  (services/cart.yaml)',
      '  + runbook/cart-runbook  (services/cart.yaml)',
      '  + service/legacy-billing  (services/legacy.yaml)',
      '  + service/payments  (services/payments.yaml)',
      '  + team/payments  (teams.yaml)',
      '  + team/storefront  (teams.yaml)',
      'Plan: 9 to create, 0 to update, 0 to delete, 0 unchanged, 0 refused (kinds and entities of catalog).',
      'Dry run: nothing was changed.',
      '',
    ].join('\n'),
  );
  expect((await portal.api('GET', '/kinds', undefined, { as: 'ana' })).body.items).toEqual([]);
}, 60_000);

it('apply makes the plan true, each entity saying which file it comes from', async () => {
  const { code, out } = await apply();
  expect(code).toBe(0);
  expect(out).toContain('Applied: 9 created, 0 updated, 0 deleted, 0 unchanged, 0 refused (kinds and entities of catalog).');
  expect(await portal.entity('service', 'cart', 'ana')).toMatchObject({ owner: 'storefront', properties: { replicas: 2 }, relations: { dependsOn: ['payments'] }, meta: { source: 'code:catalog/services/cart.yaml', updatedBy: expect.stringContaining('ana') } });
  expect((await portal.api('GET', '/kinds/service', undefined, { as: 'ana' })).body).toMatchObject({ source: 'api', ownerKind: 'team' });
  const again = await apply('--dry-run');
  expect(again.out).toContain('Plan: 0 to create, 0 to update, 0 to delete, 9 unchanged, 0 refused');
}, 60_000);

it('a changed file shows field changes, a removed file its deletions, held back until overridden', async () => {
  const cart = join(folder, 'services', 'cart.yaml');
  writeFileSync(cart, readFileSync(cart, 'utf8').replace('replicas: 2', 'replicas: 4').replace('      dashboard: https://grafana.example.com/d/cart\n', ''));
  rmSync(join(folder, 'services', 'legacy.yaml'));
  const plan = await apply('--dry-run');
  expect(plan.code).toBe(1);
  expect(plan.out).toContain(['  ~ service/cart  (services/cart.yaml)', '      ~ properties.replicas: 2 → 4', '      - properties.dashboard: "https://grafana.example.com/d/cart"'].join('\n'));
  expect(plan.out).toContain('  ! service/legacy-billing  (services/legacy.yaml): deletion held back: 1 of the 6 entities these files own would go (more than 10 %)');
  expect(plan.err).toContain('Deleting 1 of the 6 entities these files own is held back (more than 10 %): if that is meant, apply with --allow-large-delete.');
  expect(await portal.entity('service', 'cart', 'ana')).toMatchObject({ properties: { replicas: 2 } });

  const planned = await apply('--dry-run', '--allow-large-delete');
  expect(planned.out).toContain('  - service/legacy-billing  (services/legacy.yaml)\nPlan: 0 to create, 1 to update, 1 to delete, 7 unchanged, 0 refused');
  const done = await apply('--allow-large-delete');
  expect(done.code).toBe(0);
  expect(done.out).toContain('Applied: 0 created, 1 updated, 1 deleted, 7 unchanged, 0 refused');
  expect(await portal.entity('service', 'legacy-billing', 'ana')).toBeNull();
  expect((await portal.entity('service', 'cart', 'ana')).properties).toEqual({ language: 'typescript', replicas: 4 });
}, 60_000);

it('refuses a direct edit of a code-managed entity with a 409 naming its file, unless the kind allows overrides', async () => {
  for (const [method, body] of [['PATCH', { properties: { replicas: 9 } }], ['PUT', { title: 'Cart', properties: { language: 'go' } }], ['DELETE', undefined]] as const) {
    const res = await portal.api(method, '/kinds/service/entities/cart', body, { as: 'ana' });
    expect({ method, status: res.status, type: res.body.type }).toEqual({ method, status: 409, type: expect.stringContaining('managed-in-code') });
    expect(res.body.detail).toContain('service/cart is managed in code: catalog/services/cart.yaml.');
  }
  const bulk = await portal.api('POST', '/kinds/service/entities/bulk', { entities: [{ id: 'cart', title: 'Cart', properties: { language: 'go' } }] }, { as: 'dev' });
  expect(bulk.status).toBe(409);
  expect(bulk.body.detail).toContain('/entities/0: service/cart is managed in code: catalog/services/cart.yaml.');
  expect((await portal.entity('service', 'cart', 'ana')).properties.replicas).toBe(4);

  const override = await portal.api('PATCH', '/kinds/runbook/entities/cart-runbook', { title: 'Cart runbook (edited)' }, { as: 'ana' });
  expect(override.status).toBe(200);
  expect(override.body.meta.source).toBe('code:catalog/services/cart.yaml');
  const plan = await apply('--dry-run');
  expect(plan.out).toContain('  ~ runbook/cart-runbook  (services/cart.yaml)\n      ~ title: "Cart runbook (edited)" → "Cart runbook"');
}, 60_000);

it('reports a file that does not parse, with its line, and deletes nothing for it', async () => {
  writeFileSync(join(folder, 'broken.yaml'), 'entities:\n  - kind: service\n    id: a: b\n');
  writeFileSync(join(folder, 'odd.yaml'), 'services:\n  - id: x\n');
  const { code, err, out } = await apply('--dry-run');
  expect(code).toBe(1);
  expect(err).toContain('broken.yaml:3: is not valid YAML: Nested mappings are not allowed in compact mappings');
  expect(err).toContain('odd.yaml:1: "services" is not a catalog file key (a document has "kinds" and/or "entities")');
  expect(out).toContain('0 to delete');
  rmSync(join(folder, 'broken.yaml'));
  rmSync(join(folder, 'odd.yaml'));
}, 60_000);

it('needs the permissions of what it does: a token without kind write permission is refused', async () => {
  const { code, err } = await runCliProcess(['catalog', 'apply', '-f', folder, '--url', portal.url, '--token', portal.tokenOf('dev'), '--dry-run']);
  expect(code).toBe(1);
  expect(err).toContain('POST /api/v1/catalog/apply answered 403: Applying catalog files of catalog needs the permission "catalog.kind.write:team"');
}, 60_000);
