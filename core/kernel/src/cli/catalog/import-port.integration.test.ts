import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import { runCliProcess } from './run-cli-process';

// `portico catalog import port` run as a real process against a real portal: kinds through
// the kinds API, entities through the bulk API, computed values read back.

const file = join(__dirname, '..', '..', '..', '..', 'catalog', 'src', 'port', '__fixtures__', 'acme-port-export.json');
const exported = JSON.parse(readFileSync(file, 'utf8')) as { entities: Array<{ identifier: string; blueprint: string; properties: Record<string, unknown> }> };
let portal: TestPortal;

beforeAll(async () => {
  portal = await startTestPortal({ plugins: [], users: { importer: { kind: 'token', roles: ['maintainer'] }, writer: { kind: 'token', permissions: ['catalog.entity.read', 'catalog.entity.write'] } } });
}, 30_000);
afterAll(() => portal?.close());

const importPort = (...args: string[]) => runCliProcess(['catalog', 'import', 'port', file, ...args]);

it('prints the report of a dry run and writes nothing', async () => {
  const { code, out } = await importPort('--dry-run');
  expect(code).toBe(0);
  expect(out).toContain('Read 4 blueprint(s) as kinds: deployment, domain, microservice, system\nEntities per kind: deployment 6, domain 2, microservice 4, system 3');
  expect(out).toContain('Not mapped (left out) (6):\n  domain aggregationProperties.serviceCount: left out: microservice is not directly related to domain');
  expect(out).toContain('  microservice calculationProperties.tagCount: left out: "|" at character 18 (pipes) has no counterpart in Portico expressions');
  expect(out).toContain('Dry run: 4 kinds and 15 entities would be written; nothing was.');
  expect((await portal.api('GET', '/kinds', undefined, { as: 'importer' })).body.items).toEqual([]);
}, 60_000);

it('imports, and the portal computes the mirror, calculation and aggregation values Port shows', async () => {
  const { code, out, err } = await importPort('--url', portal.url, '--token', portal.tokenOf('importer'));
  expect(err).toBe('');
  expect(code).toBe(0);
  expect(out).toContain(`Kinds written to ${portal.url}: 4 created, 0 updated, 0 unchanged, 0 refused.`);
  expect(out).toContain('Entities written: 15 created, 0 updated, 0 unchanged, 0 refused.');
  // 2 domains × 1 + 3 systems × 3 + 3 services × 11 + 1 without deployments × 9 + 6 deployments × 1
  expect(out).toContain('Computed values compared with the export: 59 equal, 0 different.');

  // Independently of the CLI's comparison: every value the export shows for a computed property the import kept.
  for (const entity of exported.entities) {
    const kind = (await portal.api('GET', `/kinds/${entity.blueprint}`, undefined, { as: 'importer' })).body;
    const names = [...Object.keys(kind.mirror ?? {}), ...Object.keys(kind.calculation ?? {}), ...Object.keys(kind.aggregation ?? {})];
    const expected = Object.fromEntries(names.filter((n) => n in entity.properties).map((n) => [n, entity.properties[n]]));
    const live = await portal.entity(entity.blueprint, entity.identifier, 'importer');
    expect({ ref: `${entity.blueprint}/${entity.identifier}`, computed: live.computed }).toEqual({ ref: `${entity.blueprint}/${entity.identifier}`, computed: expect.objectContaining(expected) });
  }
  expect((await portal.entity('microservice', 'cart', 'importer')).computed).toEqual({
    domainName: 'Commerce',
    systemTier: '1',
    systemId: 'shop',
    memoryGb: 2,
    githubUrl: 'https://github.com/acme/cart',
    availability: 'high',
    slackUrl: 'https://slack.com/app_redirect?channel=cart',
    deploymentCount: 3,
    successfulDeployments: 2,
    avgDurationSec: 120,
    maxDurationSec: 180,
  });
  expect((await portal.entity('system', 'shop', 'importer')).computed).toEqual({ domainName: 'Commerce', serviceCount: 2, monthlyCost: 420.5 });
  expect((await portal.entity('microservice', 'metrics-agent', 'importer')).computed).toMatchObject({ deploymentCount: 0, avgDurationSec: null });
}, 60_000);

it('imports again without changes', async () => {
  const { code, out } = await importPort('--url', portal.url, '--token', portal.tokenOf('importer'));
  expect(code).toBe(0);
  expect(out).toContain(`Kinds written to ${portal.url}: 0 created, 0 updated, 4 unchanged, 0 refused.`);
  expect(out).toContain('Entities written: 0 created, 0 updated, 15 unchanged, 0 refused.');
}, 60_000);

it('names every computed value that differs from what the export shows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-port-'));
  try {
    const changed = structuredClone(exported);
    const cart = changed.entities.find((e) => e.identifier === 'cart')!;
    Object.assign(cart.properties, { memoryGb: 3, deploymentCount: 4 });
    const file = join(dir, 'export.json');
    writeFileSync(file, JSON.stringify(changed));
    const { code, out, err } = await runCliProcess(['catalog', 'import', 'port', file, '--url', portal.url, '--token', portal.tokenOf('importer')]);
    expect(code).toBe(1);
    expect(out).toContain('Computed values compared with the export: 57 equal, 2 different.');
    expect(err).toContain('  microservice/cart memoryGb: Port showed 3, Portico computes 2\n  microservice/cart deploymentCount: Port showed 4, Portico computes 3');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('imports blueprints whose relations point at each other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-port-'));
  try {
    const file = join(dir, 'export.json');
    writeFileSync(
      file,
      JSON.stringify({
        blueprints: [
          { identifier: 'squad', title: 'Squad', schema: { properties: {} }, relations: { lead: { target: 'engineer', many: false } }, aggregationProperties: { size: { target: 'engineer', calculationSpec: { calculationBy: 'entities', func: 'count' }, pathFilter: [{ path: ['squad'] }] } } },
          { identifier: 'engineer', title: 'Engineer', schema: { properties: {} }, relations: { squad: { target: 'squad', many: false } } },
        ],
        entities: [
          { identifier: 'ana', blueprint: 'engineer', relations: { squad: 'core' } },
          { identifier: 'ben', blueprint: 'engineer', relations: { squad: 'core' } },
          { identifier: 'core', blueprint: 'squad', relations: { lead: 'ana' }, properties: { size: 2 } },
        ],
      }),
    );
    const { code, out, err } = await runCliProcess(['catalog', 'import', 'port', file, '--url', portal.url, '--token', portal.tokenOf('importer')]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Entities written: 3 created, 0 updated, 0 unchanged, 0 refused.');
    expect(out).toContain('Computed values compared with the export: 1 equal, 0 different.');
    expect(await portal.entity('squad', 'core', 'importer')).toMatchObject({ relations: { lead: 'ana' }, computed: { size: 2 } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

it('a new kind needs kind write permission: without it the portal answers 403 and no entity of it is written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-port-'));
  try {
    const file = join(dir, 'export.json');
    writeFileSync(file, JSON.stringify({ blueprints: [{ identifier: 'incident', title: 'Incident', schema: { properties: { severity: { type: 'string' } } } }], entities: [{ identifier: 'inc-1', blueprint: 'incident', properties: { severity: 'high' } }] }));
    const { code, err } = await runCliProcess(['catalog', 'import', 'port', file, '--url', portal.url, '--token', portal.tokenOf('writer')]);
    expect(code).toBe(1);
    expect(err).toMatch(/kind incident: 403: /);
    expect(err).toContain('1 entities of refused kinds were not written.');
    expect((await portal.api('GET', '/kinds/incident', undefined, { as: 'importer' })).status).toBe(404);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
