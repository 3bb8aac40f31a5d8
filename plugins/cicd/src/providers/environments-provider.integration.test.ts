import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal, type Portal } from '@portico/kernel';
import { captureLogger, eventually, type CapturedLine } from '@portico/test-utils';

// Environments follow the config as a full sync: a restart with one environment fewer
// removes it. Two portals, one after the other, on the same embedded data folder (on Redis
// the shared scheduler would rightly not rerun a provider that ran moments ago).

const pluginsDir = join(__dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'portico-cicd-environments-'));
const log: CapturedLine[] = [];

async function start(environments: Array<{ id: string; title: string; tier: string }>): Promise<Portal> {
  return startPortal({
    config: { plugins: [{ path: join(pluginsDir, 'software-catalog') }, { path: join(pluginsDir, 'cicd'), config: { environments } }], auth: { guest: true } },
    port: 0,
    dataDir,
    // Embedded even when REDIS_URL is set for the other tests.
    redisUrl: null,
    ui: false,
    strict: true,
    conditions: ['source'],
    logger: captureLogger(log),
  });
}

async function environmentIds(portal: Portal): Promise<string[]> {
  const res = await fetch(`${portal.url}/api/v1/entities/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'environment', limit: 50 }) });
  return ((await res.json()) as { items: Array<{ id: string }> }).items.map((e) => e.id).sort();
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('removes an environment taken out of the config, owned by the environments provider', async () => {
  let portal = await start([{ id: 'dev', title: 'Dev', tier: 'development' }, { id: 'staging', title: 'Staging', tier: 'staging' }, { id: 'production', title: 'Production', tier: 'production' }]);
  try {
    await eventually(async () => ((await environmentIds(portal)).length === 3 ? true : null), 'three environments');
    const res = await fetch(`${portal.url}/api/v1/kinds/environment/entities/staging`);
    expect(((await res.json()) as { meta: { source: string } }).meta.source).toBe('provider:cicd.environments');
  } finally {
    await portal.close();
  }
  portal = await start([{ id: 'dev', title: 'Dev', tier: 'development' }, { id: 'production', title: 'Production', tier: 'production' }]);
  try {
    const removed = eventually(async () => ((await environmentIds(portal)).length === 2 ? environmentIds(portal) : null), 'the removal');
    await expect(removed.catch((error: Error) => Promise.reject(new Error(`${error.message}; the portal said:\n${log.filter((l) => l.level !== 'debug').map((l) => `${l.message} ${JSON.stringify(l.fields)}`).join('\n')}`)))).resolves.toEqual(['dev', 'production']);
  } finally {
    await portal.close();
  }
}, 60_000);
