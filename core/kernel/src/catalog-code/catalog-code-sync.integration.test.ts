import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';

// The portal keeps a git repository's catalog folder applied (catalog.code in the config).

let portal: TestPortal;
let repo: string;
const git = (...args: string[]) => execFileSync('git', ['-C', repo, '-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { stdio: 'pipe' });

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'portico-catalog-repo-'));
  execFileSync('git', ['init', '--quiet', '--initial-branch', 'main', repo]);
  cpSync(join(__dirname, '__fixtures__', 'catalog'), join(repo, 'platform', 'catalog'), { recursive: true });
  git('add', '.');
  git('commit', '--quiet', '-m', 'catalog');
  portal = await startTestPortal({ plugins: [], users: { ana: { kind: 'token', roles: ['maintainer'] } }, config: { catalog: { code: [{ git: repo, ref: 'main', path: 'platform/catalog', everyMs: 1000 }] } } });
}, 30_000);
afterAll(async () => {
  await portal?.close();
  rmSync(repo, { recursive: true, force: true });
});

it('applies the folder at start, owned by its files, and follows new commits', async () => {
  const cart = await portal.waitForEntity('service', 'cart', { as: 'ana' });
  expect(cart).toMatchObject({ properties: { replicas: 2 }, meta: { source: 'code:catalog/services/cart.yaml', updatedBy: 'system:catalog-code' } });

  const file = join(repo, 'platform', 'catalog', 'services', 'cart.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('replicas: 2', 'replicas: 5'));
  git('commit', '--quiet', '-am', 'more replicas');
  await eventually(async () => (await portal.entity('service', 'cart', 'ana')).properties.replicas === 5, 'cart to have 5 replicas');

  const patch = await portal.api('PATCH', '/kinds/service/entities/cart', { properties: { replicas: 1 } }, { as: 'ana' });
  expect(patch.status).toBe(409);
  expect(patch.body.detail).toContain('service/cart is managed in code: catalog/services/cart.yaml.');
}, 60_000);
