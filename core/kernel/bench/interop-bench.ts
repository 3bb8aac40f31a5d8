// npm run bench:interop [-- --backstage 100000 --entities 1000000]
// Prints ONE JSON line: a Backstage YAML import (parse, map, full sync into a Redis catalog) and
// the export/import/verify of a catalog, in entities per second. Uses real Redis under a bench
// prefix, deletes its keys and temporary folders at the end, and stops by itself.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createCatalog, exportCatalog, ExportSnapshot, importExport, RedisCatalogStore, storeSnapshot, verifyCatalogs, type PorticoCatalog, type StoredKind } from '@portico/catalog';
import type { Entity, KindDefinition, LoggerService } from '@portico/plugin-api';
import { BackstageSources } from '../../../plugins/software-catalog/src/backstage';
import { softwareKinds } from '../../../plugins/software-catalog/src/kinds';
import { canonicalJson } from '../../catalog/src/transfer/canonical-json';
import { KindDigest } from '../../catalog/src/transfer/kind-digest';

const { values } = parseArgs({ options: { backstage: { type: 'string', default: '100000' }, entities: { type: 'string', default: '1000000' } } });
const BACKSTAGE = Number(values.backstage);
const ENTITIES = Number(values.entities);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const quiet: LoggerService = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => quiet };
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (count: number, s: number): number => Math.round(count / s);
const progress = (what: string) => (done: number, total: number) => {
  if (done % 100_000 < 1000 || done === total) process.stderr.write(`${what}: ${done}/${total}\n`);
};

async function redisUsed(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
}

/** Backstage catalog files: teams in one, services in folders reached by a glob Location. */
function writeBackstageCatalog(dir: string, count: number): void {
  const teams = Math.max(1, Math.round(count / 100));
  const services = count - teams;
  const perFile = 500;
  writeFileSync(join(dir, 'catalog-info.yaml'), 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./org.yaml, ./services/*/catalog-info.yaml]\n');
  writeFileSync(join(dir, 'org.yaml'), Array.from({ length: teams }, (_, t) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${t}\n  annotations:\n    slack.com/channel: team-${t}\nspec:\n  type: team\n  children: []\n`).join('---\n'));
  for (let f = 0; f * perFile < services; f++) {
    mkdirSync(join(dir, 'services', `s${f}`), { recursive: true });
    const docs: string[] = [];
    for (let i = f * perFile; i < Math.min(services, (f + 1) * perFile); i++) {
      docs.push(`apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-${i}\n  title: Service ${i}\n  description: Handles part ${i} of the shop\n  tags: [java, tier-${i % 3}]\n  annotations:\n    github.com/project-slug: acme/svc-${i}\n  labels:\n    tier: "${i % 3}"\nspec:\n  type: service\n  lifecycle: production\n  owner: team-${i % teams}\n${i > 0 ? `  dependsOn: [component:svc-${i - 1}]\n` : ''}`);
    }
    writeFileSync(join(dir, 'services', `s${f}`, 'catalog-info.yaml'), docs.join('---\n'));
  }
}

async function benchBackstage(keyPrefix: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-backstage-'));
  const catalog = (await createCatalog({ redisUrl, keyPrefix, logger: quiet })) as PorticoCatalog;
  try {
    writeBackstageCatalog(dir, BACKSTAGE);
    for (const kind of softwareKinds) await catalog.registerKind(kind, 'software-catalog');
    let start = process.hrtime.bigint();
    const { entities, report } = await new BackstageSources([{ path: join(dir, 'catalog-info.yaml') }]).load();
    const parseSeconds = seconds(start);
    if (report.errors.length || entities.length !== BACKSTAGE) throw new Error(`The Backstage bench catalog did not import cleanly: ${entities.length} entities, ${JSON.stringify(report.errors.slice(0, 3))}`);
    start = process.hrtime.bigint();
    const written = await catalog.applyFullSync(entities, { source: 'provider:bench', actor: 'plugin:bench' });
    const writeSeconds = seconds(start);
    if (written.created !== BACKSTAGE) throw new Error(`The full sync wrote ${written.created} of ${BACKSTAGE}: ${JSON.stringify(written.failed.slice(0, 3))}`);
    process.stderr.write(`backstage: ${BACKSTAGE} read in ${parseSeconds.toFixed(1)} s, written in ${writeSeconds.toFixed(1)} s\n`);
    return { entities: BACKSTAGE, files: report.locations.length, parseAndMapPerSec: rate(BACKSTAGE, parseSeconds), writePerSec: rate(BACKSTAGE, writeSeconds), importPerSec: rate(BACKSTAGE, parseSeconds + writeSeconds) };
  } finally {
    await catalog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const benchKinds: StoredKind[] = [
  { kind: { id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' } } } }, source: 'bench' },
  {
    kind: { id: 'service', title: 'Service', ownerKind: 'team', schema: { type: 'object', properties: { tier: { type: 'integer' }, lifecycle: { type: 'string', enum: ['production', 'experimental'] }, tags: { type: 'array', items: { type: 'string' } } } }, relations: { dependsOn: { target: 'service', many: true, title: 'Depends on' } } } as KindDefinition,
    source: 'bench',
  },
];

/** An export folder of `count` entities, written straight (not what is measured): the input of the import. */
async function writeExport(dir: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kinds.jsonl'), benchKinds.map((k) => canonicalJson(k)).join('\n') + '\n');
  const teams = Math.max(1, Math.round(count / 1000));
  const digests = new Map(benchKinds.map((k) => [k.kind.id, new KindDigest(k)]));
  const out = createWriteStream(join(dir, 'entities.jsonl'));
  const at = '2026-12-01T00:00:00.000Z';
  const entity = (kind: string, id: string, rest: Partial<Entity>): Entity => ({ kind, id, title: id, properties: {}, relations: {}, meta: { createdAt: at, updatedAt: at, createdBy: 'user:bench', updatedBy: 'user:bench', version: 1 }, ...rest });
  // Ids sorted as the export sorts them (kind, then id): zero-padded numbers.
  const pad = (n: number): string => String(n).padStart(7, '0');
  const services = count - teams;
  let lines: string[] = [];
  const flush = async (): Promise<void> => {
    if (lines.length && !out.write(lines.join('\n') + '\n')) await once(out, 'drain');
    lines = [];
  };
  for (let i = 0; i < services; i++) {
    const e = entity('service', `svc-${pad(i)}`, { title: `Service ${i}`, description: `Handles part ${i} of the shop`, owner: `team-${pad(i % teams)}`, properties: { tier: i % 4, lifecycle: i % 5 ? 'production' : 'experimental', tags: [`t${i % 7}`, 'java'] }, relations: i > 0 ? { dependsOn: [`svc-${pad(i - 1)}`] } : {} });
    const line = canonicalJson(e);
    digests.get('service')!.add(e, line);
    lines.push(line);
    if (lines.length >= 1000) await flush();
  }
  for (let t = 0; t < teams; t++) {
    const e = entity('team', `team-${pad(t)}`, { title: `Team ${t}`, properties: { slack: `#team-${t}` } });
    const line = canonicalJson(e);
    digests.get('team')!.add(e, line);
    lines.push(line);
    if (lines.length >= 1000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  const kinds = Object.fromEntries([...digests].map(([id, d]) => [id, d.summary()]));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'portico-catalog-export', version: 1, exportedAt: at, from: 'bench generator', totals: { kinds: 2, entities: count, relations: Object.values(kinds).reduce((s, k) => s + k.relations, 0) }, kinds }, null, 2));
}

async function benchTransfer(keyPrefix: string, redis: Redis): Promise<Record<string, number | boolean>> {
  const dir = mkdtempSync(join(tmpdir(), 'portico-bench-transfer-'));
  const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: quiet });
  try {
    const input = join(dir, 'input');
    await writeExport(input, ENTITIES);
    const memoryBefore = await redisUsed(redis);
    let start = process.hrtime.bigint();
    const imported = await importExport(store, input, { target: 'bench', onProgress: progress('import') });
    const importSeconds = seconds(start);
    if (imported.created !== ENTITIES) throw new Error(`The import created ${imported.created} of ${ENTITIES}`);
    const redisBytesPerEntity = Math.round(((await redisUsed(redis)) - memoryBefore) / ENTITIES);

    start = process.hrtime.bigint();
    const output = join(dir, 'output');
    const manifest = await exportCatalog(storeSnapshot(store, 'bench'), output, { onProgress: progress('export') });
    const exportSeconds = seconds(start);
    const inputManifest = new ExportSnapshot(input).manifest;
    // The round trip is exact: the store's export hashes to what was imported, kind by kind.
    const sameHashes = Object.keys(inputManifest.kinds).every((k) => manifest.kinds[k]?.hash === inputManifest.kinds[k].hash);
    if (!sameHashes) throw new Error('The export of the imported catalog does not hash to its input');

    start = process.hrtime.bigint();
    const verified = await verifyCatalogs(new ExportSnapshot(output), storeSnapshot(store, 'bench'), { onProgress: progress('verify') });
    const verifySeconds = seconds(start);
    if (!verified.equal) throw new Error('verify found differences after a clean import');
    return {
      entities: ENTITIES,
      importPerSec: rate(ENTITIES, importSeconds),
      exportPerSec: rate(ENTITIES, exportSeconds),
      verifyPerSec: rate(ENTITIES, verifySeconds),
      exportBytes: statSync(join(output, 'entities.jsonl')).size,
      redisBytesPerEntity,
      roundTripHashesEqual: sameHashes,
    };
  } finally {
    await store.destroyAll();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const prefix = `bench:interop:${randomBytes(4).toString('hex')}:`;
  const started = process.hrtime.bigint();
  try {
    const backstage = await benchBackstage(`${prefix}backstage:`);
    // The Backstage catalog's keys go before the transfer starts: one catalog in Redis at a time.
    const cleanup = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix: `${prefix}backstage:`, logger: quiet });
    await cleanup.destroyAll();
    await cleanup.close();
    const transfer = await benchTransfer(`${prefix}transfer:`, redis);
    process.stdout.write(`${JSON.stringify({ bench: 'interop', backstage, transfer, requested: { backstage: BACKSTAGE, entities: ENTITIES }, totalSeconds: Math.round(seconds(started)) })}\n`);
  } finally {
    for (const pattern of [`${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench:interop failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
