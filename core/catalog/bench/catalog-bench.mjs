#!/usr/bin/env node
// Catalog benchmark (a script, not a test): `npm run bench:catalog [-- --count N --duration S --stores redis,embedded]`.
// For each store it forks a portal process (catalog + HTTP API, and a bare express handler for
// comparison), ingests N entities through the store and through the HTTP bulk API, then drives
// 16 keep-alive connections against 127.0.0.1 and prints one JSON line of figures.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { httpLoad, percentile } from './http-load.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const COUNT = Number(option('count', '100000'));
const DURATION_MS = Number(option('duration', '5')) * 1000;
const STORES = option('stores', 'redis,embedded').split(',');
const CONNECTIONS = 16;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// ---------- deterministic data ----------
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'po', 'qua', 'dri', 'fen', 'gor', 'hal', 'jin'];
const WORDS = Array.from({ length: 400 }, (_, i) => SYLLABLES[i % 16] + SYLLABLES[(i >> 4) % 16] + SYLLABLES[(i * 7) % 16]);
const LANGUAGES = ['typescript', 'go', 'java', 'python', 'rust', 'kotlin', 'ruby', 'scala'];
const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const TAGS = ['web', 'critical', 'lib', 'batch', 'internal', 'public', 'pci', 'gdpr', 'legacy', 'edge'];
const pad = (n) => String(n).padStart(6, '0');

export const BENCH_KINDS = [
  { id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' } } } },
  { id: 'domain', title: 'Domain', schema: { type: 'object', properties: { tier: { type: 'string', enum: ['gold', 'silver', 'bronze'] } } } },
  {
    id: 'system',
    title: 'System',
    ownerKind: 'team',
    schema: { type: 'object', properties: { tier: { type: 'string', enum: ['gold', 'silver', 'bronze'] } } },
    relations: { domain: { target: 'domain', required: true, inverse: 'systems' }, parent: { target: 'domain' }, peers: { target: 'domain', many: true } },
  },
  {
    id: 'api',
    title: 'API',
    ownerKind: 'team',
    schema: { type: 'object', properties: { protocol: { type: 'string', enum: ['rest', 'grpc', 'graphql', 'async'] }, version: { type: 'integer' } } },
    relations: { system: { target: 'system', required: true, inverse: 'apis' }, domain: { target: 'domain' }, related: { target: 'system', many: true } },
  },
  {
    id: 'component',
    title: 'Component',
    ownerKind: 'team',
    schema: {
      type: 'object',
      required: ['lifecycle'],
      properties: {
        lifecycle: { type: 'string', enum: LIFECYCLES },
        language: { type: 'string' },
        replicas: { type: 'integer' },
        tags: { type: 'array', items: { type: 'string' } },
        deployedAt: { type: 'string', format: 'date-time' },
        url: { type: 'string', format: 'url' },
      },
    },
    relations: { system: { target: 'system', required: true, inverse: 'components' }, dependsOn: { target: 'component', many: true }, consumes: { target: 'api', many: true } },
  },
];

/** N entities in dependency order: teams, domains, systems, apis, components (3 relations each where kinds have relations). */
export function generate(count) {
  const r = rng(42);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const teams = Math.max(10, Math.round(count * 0.002));
  const domains = Math.max(3, Math.round(count * 0.0005));
  const systems = Math.max(5, Math.round(count * 0.02));
  const apis = Math.max(5, Math.round(count * 0.15));
  const components = Math.max(1, count - teams - domains - systems - apis);
  const out = [];
  for (let i = 0; i < teams; i++) out.push({ kind: 'team', id: `team-${pad(i)}`, title: `Team ${words(2)}`, properties: { slack: `#team-${i}` }, relations: {} });
  for (let i = 0; i < domains; i++) out.push({ kind: 'domain', id: `dom-${pad(i)}`, title: `Domain ${words(1)}`, properties: { tier: pick(['gold', 'silver', 'bronze']) }, relations: {} });
  const team = () => `team-${pad(Math.floor(r() * teams))}`;
  const domain = () => `dom-${pad(Math.floor(r() * domains))}`;
  for (let i = 0; i < systems; i++) out.push({ kind: 'system', id: `sys-${pad(i)}`, title: `System ${words(2)}`, description: words(6), owner: team(), properties: { tier: pick(['gold', 'silver', 'bronze']) }, relations: { domain: domain(), parent: domain(), peers: [domain()] } });
  const system = () => `sys-${pad(Math.floor(r() * systems))}`;
  for (let i = 0; i < apis; i++) out.push({ kind: 'api', id: `api-${pad(i)}`, title: `API ${words(2)}`, description: words(6), owner: team(), properties: { protocol: pick(['rest', 'grpc', 'graphql', 'async']), version: 1 + Math.floor(r() * 5) }, relations: { system: system(), domain: domain(), related: [system()] } });
  for (let i = 0; i < components; i++) {
    out.push({
      kind: 'component',
      id: `cmp-${pad(i)}`,
      title: `Component ${words(2)}`,
      description: words(8),
      owner: team(),
      properties: {
        lifecycle: pick(LIFECYCLES),
        language: pick(LANGUAGES),
        replicas: 1 + Math.floor(r() * 10),
        tags: [pick(TAGS), pick(TAGS)].filter((t, j, a) => a.indexOf(t) === j),
        deployedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 365 * 86400000)).toISOString(),
        url: `https://git.example.com/c/${i}`,
      },
      relations: { system: system(), dependsOn: i >= 5000 ? [`cmp-${pad(Math.floor(r() * (i - 5000)))}`] : [], consumes: [`api-${pad(Math.floor(r() * apis))}`] },
    });
  }
  return { entities: out, counts: { teams, domains, systems, apis, components } };
}

// ---------- the portal process ----------
async function serve() {
  const store = process.env.BENCH_STORE;
  // The CommonJS builds: @portico/http's ESM build imports `ajv/dist/2020` without an extension, which Node's ESM resolver refuses.
  const require = createRequire(import.meta.url);
  const { createCatalog, RedisCatalogStore } = require('@portico/catalog');
  const { createApiRouter, createHttpApp } = require('@portico/http');
  const express = require('express');
  const logger = { debug() {}, info() {}, warn() {}, error: (m, f) => console.error(m, f), child: () => logger };
  const keyPrefix = `bench:${randomBytes(4).toString('hex')}:`;
  const dataDir = store === 'embedded' ? mkdtempSync(join(tmpdir(), 'portico-bench-')) : undefined;
  const catalog = await createCatalog(store === 'redis' ? { redisUrl: REDIS_URL, keyPrefix, logger } : { dataDir, logger });
  for (const kind of BENCH_KINDS) await catalog.registerKind(kind, 'bench');
  let { entities } = generate(COUNT);
  const viaStore = Math.floor(entities.length * 0.8);

  const t0 = performance.now();
  const BATCH = 1000;
  const CONCURRENT = 4;
  // Relation targets must exist when an entity is written, so kinds are ingested one after another
  // (the generator keeps dependsOn at least 5000 components back, outside the batches in flight).
  let phaseStart = 0;
  while (phaseStart < viaStore) {
    const kind = entities[phaseStart].kind;
    let phaseEnd = phaseStart;
    while (phaseEnd < viaStore && entities[phaseEnd].kind === kind) phaseEnd++;
    let next = phaseStart;
    const worker = async () => {
      while (next < phaseEnd) {
        const start = next;
        next = Math.min(phaseEnd, next + BATCH);
        const results = await catalog.upsertMany(entities.slice(start, next), { actor: 'bench' });
        const failed = results.filter((x) => x.status === 'error');
        if (failed.length) throw new Error(`ingest failed: ${JSON.stringify(failed[0])}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT }, worker));
    phaseStart = phaseEnd;
  }
  const storeSeconds = (performance.now() - t0) / 1000;
  const httpEntities = entities.slice(viaStore);
  // The generated data is the benchmark's, not the portal's: drop it before measuring memory.
  entities = null;
  globalThis.gc?.();

  const app = createHttpApp({ api: [{ prefix: '', router: createApiRouter(catalog.routes()) }], bodyLimit: '10mb' });
  const server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  const sample = await catalog.get({ kind: 'component', id: 'cmp-000001' });
  const bare = express();
  bare.get('/entity', (_req, res) => res.json(sample));
  const bareServer = await new Promise((resolve) => {
    const s = bare.listen(0, '127.0.0.1', () => resolve(s));
  });
  bareServer.keepAliveTimeout = 60_000;
  process.send({ type: 'ready', port: server.address().port, barePort: bareServer.address().port, viaStore, storeSeconds, httpEntities });
  process.on('message', async (message) => {
    if (message.type === 'stats') {
      globalThis.gc?.();
      process.send({ type: 'stats', rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 });
    }
    if (message.type === 'stop') {
      server.close();
      bareServer.close();
      if (store === 'redis') {
        const cleaner = await RedisCatalogStore.connect({ url: REDIS_URL, keyPrefix, logger });
        await cleaner.destroyAll();
        await cleaner.close();
      }
      await catalog.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
}

// ---------- the load generator ----------
/** Merges rounds of one scenario: requests and time add up, percentiles over all latencies. */
function combine(rounds) {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = rounds.reduce((a, r) => a + r.seconds, 0);
  const errors = rounds.reduce((a, r) => a + r.errors, 0);
  return { rps: Math.round(latencies.length / seconds), p50: percentile(latencies, 50), p99: percentile(latencies, 99), requests: latencies.length, errors };
}

function load(port, makeRequest, durationMs = DURATION_MS) {
  return httpLoad(port, makeRequest, durationMs, CONNECTIONS);
}

async function bulkOverHttp(port, entities) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const started = performance.now();
  const BATCH = 500;
  let next = 0;
  let failed = 0;
  const post = (batch) =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify({ entities: batch });
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/kinds/component/entities/bulk', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`bulk answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          failed += JSON.parse(Buffer.concat(chunks).toString()).failed;
          resolve();
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < entities.length) {
      const start = next;
      next = Math.min(entities.length, next + BATCH);
      await post(entities.slice(start, next));
    }
  }));
  agent.destroy();
  return { entities: entities.length, perSecond: Math.round(entities.length / ((performance.now() - started) / 1000)), failed };
}

async function benchStore(store) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', ...args], {
    execArgv: ['--expose-gc'], env: { ...process.env, BENCH_STORE: store }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const messages = [];
  const waiters = [];
  child.on('message', (m) => {
    const w = waiters.shift();
    if (w) w(m);
    else messages.push(m);
  });
  const nextMessage = () => new Promise((resolve, reject) => {
    if (messages.length) return resolve(messages.shift());
    waiters.push(resolve);
    child.once('exit', (code) => reject(new Error(`the ${store} portal process exited with ${code}`)));
  });
  const ready = await nextMessage();
  const r = rng(7);
  const { counts } = generate(COUNT);
  const componentsViaStore = counts.components - ready.httpEntities.length;
  const httpBulk = await bulkOverHttp(ready.port, ready.httpEntities);
  const randomComponent = () => `cmp-${pad(Math.floor(r() * counts.components))}`;
  const figures = { store, entities: COUNT };
  figures.ingestStore = { entities: ready.viaStore, perSecond: Math.round(ready.viaStore / ready.storeSeconds) };
  figures.ingestHttpBulk = httpBulk;
  // Bare express and entity-by-id alternate in short rounds, so both see the same machine load.
  const byId = () => ({ method: 'GET', path: `/api/v1/kinds/component/entities/${randomComponent()}` });
  const bareRequest = () => ({ method: 'GET', path: '/entity' });
  await load(ready.barePort, bareRequest, 500);
  await load(ready.port, byId, 500);
  const bareRounds = [];
  const byIdRounds = [];
  for (let round = 0; round < 4; round++) {
    bareRounds.push(await load(ready.barePort, bareRequest, DURATION_MS / 4));
    byIdRounds.push(await load(ready.port, byId, DURATION_MS / 4));
  }
  figures.bareExpress = combine(bareRounds);
  figures.entityById = combine(byIdRounds);
  figures.entityById.ofBare = Math.round((figures.entityById.rps / figures.bareExpress.rps) * 100) / 100;
  figures.filteredQuery = await load(ready.port, () => ({
    method: 'POST',
    path: '/api/v1/entities/query',
    body: { kind: 'component', filter: { combinator: 'and', rules: [{ property: 'language', operator: '=', value: LANGUAGES[Math.floor(r() * LANGUAGES.length)] }] }, limit: 100 },
  }));
  figures.relatedToQuery = await load(ready.port, () => ({
    method: 'POST',
    path: '/api/v1/entities/query',
    body: { filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'system', id: `sys-${pad(Math.floor(r() * counts.systems))}`, direction: 'downstream', maxHops: 1 }] }, limit: 100 },
  }));
  figures.search = await load(ready.port, () => ({ method: 'POST', path: '/api/v1/entities/query', body: { search: `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)].slice(0, 4)}`, limit: 20 } }));
  figures.facetQuery = await load(ready.port, () => ({ method: 'POST', path: '/api/v1/entities/query', body: { kind: 'component', filter: { combinator: 'and', rules: [{ property: 'lifecycle', operator: '=', value: LIFECYCLES[Math.floor(r() * 3)] }] }, facets: ['language', 'tags', 'owner'], limit: 10 } }));
  child.send({ type: 'stats' });
  const stats = await nextMessage();
  // rss: after the load, with the generated data released; peak: includes generating and ingesting the data in-process.
  figures.portalRssMB = Math.round(stats.rss / 1048576);
  figures.portalPeakRssMB = Math.round(stats.maxRss / 1048576);
  void componentsViaStore;
  child.send({ type: 'stop' });
  await new Promise((resolve) => child.once('exit', resolve));
  return figures;
}

function verdict(f) {
  const checks = {
    ingestStoreAtLeast50k: f.store === 'redis' ? f.ingestStore.perSecond >= 50_000 : undefined,
    entityByIdAtLeast70PctOfBare: f.entityById.ofBare >= 0.7,
    entityByIdP99Under5ms: f.entityById.p99 < 5,
    filteredQueryAtLeast1000rps: f.filteredQuery.rps >= 1000,
    filteredQueryP99Under15ms: f.filteredQuery.p99 < 15,
    searchP99Under20ms: f.search.p99 < 20,
    rssUnder400MB: f.store === 'redis' ? f.portalRssMB < 400 : undefined,
    peakRssUnder400MB: f.store === 'redis' ? f.portalPeakRssMB < 400 : undefined,
  };
  return Object.fromEntries(Object.entries(checks).filter(([, v]) => v !== undefined));
}

async function main() {
  const results = [];
  for (const store of STORES) {
    const figures = await benchStore(store);
    figures.targetsMet = verdict(figures);
    results.push(figures);
  }
  console.log(JSON.stringify({ bench: 'catalog', count: COUNT, durationSeconds: DURATION_MS / 1000, connections: CONNECTIONS, node: process.version, results }));
}

if (args.includes('--serve')) {
  serve().catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
