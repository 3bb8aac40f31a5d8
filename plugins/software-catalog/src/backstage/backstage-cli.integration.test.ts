import { join } from 'node:path';
import { runCli } from '@portico/kernel';
import { startTestPortal, type TestPortal } from '@portico/test-utils';

// `portico catalog import backstage` against a real portal: it writes through the REST API
// with a token, so the portal's permissions apply. The CLI loads this plugin's built importer.

const pluginDir = join(__dirname, '..', '..');
const acme = join(__dirname, '__fixtures__', 'acme');
let portal: TestPortal;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    const code = await runCli(['catalog', ...args, '--config', join(pluginDir, 'portico.config.yaml')]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeAll(async () => {
  portal = await startTestPortal({ plugins: [{ path: pluginDir }], users: { importer: { kind: 'token', roles: ['maintainer'] }, reader: { kind: 'token', roles: ['viewer'] } } });
}, 30_000);
afterAll(() => portal?.close());

it('prints the report of a dry run and writes nothing', async () => {
  const { code, out } = await cli('import', 'backstage', acme, '--dry-run');
  expect(code).toBe(0);
  expect(out).toContain('Read 5 file(s); entities per kind: api 1, component 2, domain 1, resource 1, system 1, team 3, user 2');
  expect(out).toContain('Skipped (1):\n  services/cart/catalog-info.yaml:28 template:default/new-service: Backstage software templates are not catalog entities');
  expect(out).toContain('Dry run: 11 entities would be written; nothing was.');
  expect(await portal.query({ limit: 10 }, 'importer')).toEqual([]);
});

it('imports through the REST API with a token, relations and all', async () => {
  const { code, out, err } = await cli('import', 'backstage', acme, '--url', portal.url, '--token', portal.tokenOf('importer'));
  // stderr holds only the progress lines (plain lines: the output is not a terminal).
  expect(err.split('\n').filter((line) => line && !/^(Writing to .*: \d+ of 11 \(\d+ %\), [\d,]+\/s|Wrote 11 entities \(.*\))$/.test(line))).toEqual([]);
  expect(err).toMatch(/^Writing to http:\/\/127\.0\.0\.1:\d+: 11 of 11 \(100 %\)/m);
  expect(code).toBe(0);
  expect(out).toContain(`Written to ${portal.url}: 11 created, 0 updated, 0 unchanged, 0 refused.`);
  expect(await portal.entity('component', 'cart', 'importer')).toMatchObject({ owner: 'team-a', relations: { dependsOn: ['finance..payments'], providesApi: ['cart-api'] }, meta: { updatedBy: expect.stringContaining('importer') } });
  const again = await cli('import', 'backstage', acme, '--url', portal.url, '--token', portal.tokenOf('importer'));
  expect(again.out).toContain('0 created, 0 updated, 11 unchanged, 0 refused.');
});

it('refuses without a token, and a token without write permission gets the portal\'s 403', async () => {
  const missing = await cli('import', 'backstage', acme, '--url', portal.url);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('An API token is needed to write entities: pass --token <token> or set PORTICO_TOKEN');
  const denied = await cli('import', 'backstage', acme, '--url', portal.url, '--token', portal.tokenOf('reader'));
  expect(denied.code).toBe(1);
  expect(denied.err).toMatch(/POST \/api\/v1\/kinds\/team\/entities\/bulk answered 403/);
});

it('explains an unknown format', async () => {
  const { code, err } = await cli('import', 'opslevel', 'export.json');
  expect(code).toBe(2);
  expect(err).toContain('Unknown import format "opslevel": "backstage" and "port" are supported.');
});
