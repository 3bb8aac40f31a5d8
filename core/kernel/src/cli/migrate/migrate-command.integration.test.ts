import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog, EXPORT_FILES, RedisCatalogStore, type Catalog, type PorticoCatalog } from '@portico/catalog';
import type { LoggerService } from '@portico/plugin-api';
import { runCli } from '../portico-cli';

// `portico migrate`, `catalog export/import/verify` on real stores: an embedded log in a
// temporary folder and real Redis under a test prefix (deleted afterwards).

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Without a store named, a command uses the config's, which REDIS_URL (as CI sets it) would make
// Redis; these tests name Redis where they mean it, and otherwise mean the embedded store.
const ambientRedisUrl = process.env.REDIS_URL;
beforeAll(() => {
  delete process.env.REDIS_URL;
});
afterAll(() => {
  if (ambientRedisUrl !== undefined) process.env.REDIS_URL = ambientRedisUrl;
});
const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
const quiet: LoggerService = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };

let dir: string;
let config: string;
const prefixes: string[] = [];
const prefix = (): string => {
  const p = `test:${randomBytes(6).toString('hex')}:`;
  prefixes.push(p);
  return p;
};

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    // Redis only where a command names it: without REDIS_URL or --redis-url the config's store is the embedded one.
    const code = await runCli([...args, '--config', config, ...(args.some((a) => a.startsWith('redis')) ? ['--redis-url', redisUrl] : [])]);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** A portal's embedded catalog: teams, services owned by them and depending on each other. */
async function seedEmbedded(services: number): Promise<void> {
  const catalog = (await createCatalog({ dataDir: join(dir, 'data'), logger: quiet })) as PorticoCatalog;
  try {
    await catalog.registerKind({ id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' } } } }, 'software-catalog');
    await catalog.registerKind({ id: 'service', title: 'Service', ownerKind: 'team', schema: { type: 'object', properties: { tier: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } } }, relations: { dependsOn: { target: 'service', many: true, title: 'Depends on' } } }, 'software-catalog');
    await catalog.upsertMany(['a', 'b', 'c'].map((t) => ({ kind: 'team', id: `team-${t}`, title: `Team ${t}`, properties: { slack: `#${t}` }, relations: {} })), { actor: 'user:seed' });
    for (let i = 0; i < services; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, services - i) }, (_, j) => i + j).map((n) => ({ kind: 'service', id: `svc-${n}`, title: `Service ${n}`, owner: `team-${'abc'[n % 3]}`, properties: { tier: n % 4, tags: [`t${n % 7}`] }, relations: { dependsOn: n > 0 ? [`svc-${n - 1}`] : [] } }));
      const failed = (await catalog.upsertMany(batch, { actor: 'user:seed' })).filter((r) => r.status === 'error');
      if (failed.length) throw new Error(JSON.stringify(failed[0]));
    }
    await catalog.patch({ kind: 'service', id: 'svc-1' }, { title: 'Service one' }, { actor: 'user:ann' });
  } finally {
    await catalog.close();
  }
}

async function redisCatalog(keyPrefix: string): Promise<Catalog> {
  return createCatalog({ redisUrl, keyPrefix, logger: quiet });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portico-migrate-'));
  config = join(dir, 'portico.config.yaml');
  writeFileSync(config, 'plugins: []\ndataDir: data\n');
});

afterEach(async () => {
  for (const keyPrefix of prefixes.splice(0)) {
    const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: quiet });
    await store.destroyAll();
    await store.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

it('migrates embedded to Redis and verifies equal; verify then finds a record altered after the export; a mismatch keeps migrate from finishing', async () => {
  await seedEmbedded(40);
  const keyPrefix = prefix();
  const migrated = await cli('migrate', '--from', 'embedded', '--to', 'redis', '--key-prefix', keyPrefix, '-o', join(dir, 'move'));
  expect(migrated.err).toContain('Step 3/3: verifying');
  expect(migrated.out).toContain(`Equal: Redis store ${keyPrefix} at ${redisUrl} matches embedded store in ${join(dir, 'data')} (43 entities compared).`);
  expect(migrated.out).toContain('Migrated: 43 entities, verified equal.');
  expect(migrated.code).toBe(0);

  const target = await redisCatalog(keyPrefix);
  try {
    // A working catalog on Redis: queries, relations both ways, versions and authors kept.
    expect(await target.get({ kind: 'service', id: 'svc-1' })).toMatchObject({ title: 'Service one', owner: 'team-b', meta: { version: 2, createdBy: 'user:seed', updatedBy: 'user:ann' } });
    expect((await target.query({ kind: 'service', filter: { combinator: 'and', rules: [{ property: 'tier', operator: '=', value: 3 }] }, limit: 100 })).total).toBe(10);
    expect((await target.query({ kind: 'service', filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'service', id: 'svc-5', direction: 'downstream' }] } })).items.map((e) => e.id)).toEqual(['svc-6']);

    // Altered after the export: verify against the export names the record and the fields.
    await target.patch({ kind: 'service', id: 'svc-7' }, { properties: { tier: 9 } }, { actor: 'user:eve' });
    const verified = await cli('catalog', 'verify', join(dir, 'move'), '--store', `redis:${keyPrefix}`);
    expect(verified.code).toBe(1);
    expect(verified.out).toContain('  kind service: 1 changed');
    expect(verified.out).toContain('    changed  service/svc-7: /meta/updatedAt, /meta/updatedBy, /meta/version, /properties/tier');
    const stores = await cli('catalog', 'verify', '--from', 'embedded', '--to', `redis:${keyPrefix}`);
    expect(stores.code).toBe(1);
    expect(stores.out).toContain('    changed  service/svc-7:');

    // Migrating into a store that already has a catalog is refused without --force; with it, an
    // entity only the target has is a difference, and migrate does not finish.
    await target.upsert({ kind: 'team', id: 'team-z', title: 'Only in Redis', properties: {}, relations: {} });
    const refused = await cli('migrate', '--from', 'embedded', '--to', 'redis', '--key-prefix', keyPrefix, '-o', join(dir, 'again'));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`Redis store ${keyPrefix} at ${redisUrl} already holds a catalog (2 kinds, 44 entities)`);
    const forced = await cli('migrate', '--from', 'embedded', '--to', 'redis', '--key-prefix', keyPrefix, '-o', join(dir, 'again'), '--force');
    expect(forced.code).toBe(1);
    expect(forced.out).toContain('    extra    team/team-z');
    expect(forced.out).not.toContain('svc-7');
    expect(forced.err).toContain('The migration did NOT finish');
  } finally {
    await target.close();
  }
});

it('explains what is wrong instead of failing with a stack: no catalog, a running portal, an unknown store', async () => {
  const missing = await cli('catalog', 'export', '-o', join(dir, 'out'));
  expect(missing).toMatchObject({ code: 2, err: expect.stringContaining(`There is no embedded catalog in ${join(dir, 'data')}`) });
  await seedEmbedded(2);
  writeFileSync(join(dir, 'data', 'portal.json'), JSON.stringify({ pid: process.pid, url: 'http://127.0.0.1:7007', configPath: config }));
  const running = await cli('catalog', 'export', '-o', join(dir, 'out'));
  expect(running).toMatchObject({ code: 2, err: expect.stringContaining('The portal at http://127.0.0.1:7007') });
  rmSync(join(dir, 'data', 'portal.json'));
  expect(await cli('catalog', 'verify', join(dir, 'out'), '--store', 'mongo')).toMatchObject({ code: 2, err: expect.stringContaining('has no manifest.json') });
  expect(await cli('catalog', 'export', '--store', 'redis:test:nothing-here:')).toMatchObject({ code: 2, err: expect.stringContaining(`Redis store test:nothing-here: at ${redisUrl} holds no catalog`) });
  expect(await cli('catalog', 'export', '--store', 'mongo')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown store "mongo": use embedded, embedded:<folder>, redis or redis:<keyPrefix>.') });
  expect(await cli('catalog', 'import', config)).toMatchObject({ code: 2, err: expect.stringContaining(`For Backstage files: portico catalog import backstage ${config}`) });
  expect(await cli('migrate', '--from', 'embedded')).toMatchObject({ code: 2, err: expect.stringContaining('portico migrate --from <store> --to <store>') });
});

it('an import killed with SIGKILL halfway resumes to a catalog equal to the export', async () => {
  await seedEmbedded(30_000);
  const exported = join(dir, 'backup');
  expect((await cli('catalog', 'export', '-o', exported)).code).toBe(0);
  const keyPrefix = prefix();

  // A real `portico catalog import` process, killed once its checkpoint shows it is under way.
  const child = spawn(process.execPath, ['--require', join(repoRoot, 'core', 'build-config', 'src', 'ts-register.cjs'), join(repoRoot, 'core', 'kernel', 'src', 'cli', 'main.ts'), 'catalog', 'import', exported, '--store', `redis:${keyPrefix}`, '--redis-url', redisUrl, '--config', config], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORTICO_CONDITIONS: '' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const checkpoint = join(exported, EXPORT_FILES.checkpoint);
  const started = Date.now();
  let done = 0;
  while (done < 2000) {
    if (Date.now() - started > 60_000) throw new Error(`The import never got under way: ${output}`);
    if (existsSync(checkpoint)) done = (JSON.parse(readFileSync(checkpoint, 'utf8') || '{}') as { done?: number }).done ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  const target = await redisCatalog(keyPrefix);
  try {
    const halfway = (await target.query({ kind: 'service', limit: 1 })).total;
    expect(halfway).toBeGreaterThan(0);
    expect(halfway).toBeLessThan(30_000);

    const resumed = await cli('catalog', 'import', exported, '--store', `redis:${keyPrefix}`);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/done by the interrupted run it resumed/);
    const verified = await cli('catalog', 'verify', exported, '--store', `redis:${keyPrefix}`);
    expect(verified.out).toContain(`Equal: Redis store ${keyPrefix} at ${redisUrl} matches export ${exported} (30003 entities compared).`);
    expect(verified.code).toBe(0);
    expect((await target.query({ kind: 'service', limit: 1 })).total).toBe(30_000);
  } finally {
    await target.close();
  }
}, 120_000);
