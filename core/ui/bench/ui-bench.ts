// UI budgets (a script, not a test): `npm run bench:ui [-- --count N --runs R]`.
// Prints one JSON line: the shell's initial JavaScript gzipped (what the browser must load
// before the first render; plugin bundles and lazy chunks excluded), the time from
// navigation start to a usable catalog page (table rendered with its first rows and the
// total count) over N entities seeded on Redis, and the time to a usable dashboard of 8
// widgets over the same entities (every widget showing its data, charts drawn), each in
// headless Chromium, cold cache, median of R.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { chromium, type Browser } from 'playwright-core';
import { startPortal } from '@portico/kernel';
import { findAppDir, readAppManifest } from '../src/handler/app-files';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const COUNT = Number(option('count', '100000'));
const RUNS = Number(option('runs', '5'));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const pkgDir = join(__dirname, '..');
const appDir = join(pkgDir, 'dist', 'app');

function shellInitialGzipBytes(): { bytes: number; files: number } {
  if (!findAppDir(appDir)) {
    execFileSync(process.execPath, [require.resolve('rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs'], { cwd: pkgDir, stdio: 'pipe' });
  }
  // The app's initial chunks and the shared modules they import, as the page preloads them.
  const manifest = readAppManifest(appDir);
  const bytes = manifest.initial.reduce((sum, file) => sum + gzipSync(readFileSync(join(appDir, file)), { level: 9 }).length, 0);
  return { bytes, files: manifest.initial.length };
}

const LIFECYCLES = ['production', 'experimental', 'deprecated'];
const LANGUAGES = ['typescript', 'go', 'java', 'python', 'rust', 'kotlin'];

async function seed(url: string): Promise<void> {
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  };
  await post('/kinds', {
    id: 'bench-service',
    title: 'Bench service',
    schema: {
      type: 'object',
      properties: {
        lifecycle: { type: 'string', title: 'Lifecycle', enum: LIFECYCLES },
        language: { type: 'string', title: 'Language', enum: LANGUAGES },
        replicas: { type: 'integer', title: 'Replicas' },
        repository: { type: 'string', title: 'Repository', format: 'url' },
      },
    },
  });
  const batch = 1000;
  for (let start = 0; start < COUNT; start += batch * 4) {
    await Promise.all(
      [0, 1, 2, 3].map(async (lane) => {
        const from = start + lane * batch;
        if (from >= COUNT) return;
        const entities = Array.from({ length: Math.min(batch, COUNT - from) }, (_, k) => {
          const n = from + k;
          return {
            id: `svc-${String(n).padStart(6, '0')}`,
            title: `Service ${n}`,
            properties: { lifecycle: LIFECYCLES[n % 3], language: LANGUAGES[n % 6], replicas: n % 12, repository: `https://git.example.com/svc-${n}` },
          };
        });
        await post('/kinds/bench-service/entities/bulk', { entities });
      }),
    );
  }
}

/** Eight widgets of every built-in type over the seeded kind: what a team's overview holds. */
function benchDashboard(): unknown {
  const query = { kind: 'bench-service' };
  const at = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });
  return {
    title: 'Bench overview',
    owner: 'team:bench',
    widgets: [
      { id: 'count', type: 'number', title: 'Services', layout: at(0, 0, 3, 2), query },
      { id: 'prod', type: 'number', title: 'In production', layout: at(3, 0, 3, 2), query: { ...query, filter: { combinator: 'and', rules: [{ property: 'lifecycle', operator: '=', value: 'production' }] } } },
      { id: 'replicas', type: 'number', title: 'Replicas on average', layout: at(6, 0, 3, 2), query, aggregate: 'avg', property: 'replicas' },
      { id: 'languages', type: 'pie', title: 'Languages', layout: at(0, 2, 4, 4), query, property: 'language' },
      { id: 'lifecycles', type: 'bar', title: 'Lifecycles', layout: at(4, 2, 4, 4), query, property: 'lifecycle' },
      { id: 'runs-per-day', type: 'line', title: 'Runs per day', layout: at(8, 2, 4, 4), source: 'runs', days: 14 },
      { id: 'table', type: 'table', title: 'Go services', layout: at(0, 6, 8, 5), query: { ...query, filter: { combinator: 'and', rules: [{ property: 'language', operator: '=', value: 'go' }] } }, columns: ['title', 'lifecycle', 'replicas'] },
      { id: 'runs', type: 'runs', title: 'Recent runs', layout: at(8, 6, 4, 5) },
    ],
  };
}

/** Median time from navigation start until `ready` holds on `path`, each run in a fresh context (cold cache). */
async function timeToUsable(browser: Browser, url: string, ready: (arg: number) => boolean, arg: number): Promise<number[]> {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(ready, arg, { polling: 'raf', timeout: 30_000 }).catch(async (error: Error) => {
      // Say what the page showed instead, so a failed run is a readable finding.
      const shown = await page.evaluate(() => (document.querySelector('main') ?? document.body).innerText.slice(0, 1500));
      throw new Error(`${url} was not usable within 30 s (${error.message.split('\n')[0]}); it showed:\n${shown}`);
    });
    timings.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return timings;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  const shell = shellInitialGzipBytes();
  const keyPrefix = `bench:ui:${randomUUID()}:`;
  process.env.LOG_LEVEL ??= 'warn';
  const portal = await startPortal({ config: { plugins: [], auth: { guest: true } }, port: 0, host: '127.0.0.1', redisUrl: REDIS_URL, keyPrefix });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const seedStart = Date.now();
    await seed(portal.url);
    const seedMs = Date.now() - seedStart;
    const catalog = await timeToUsable(
      browser,
      `${portal.url}/catalog/bench-service`,
      (count) => document.querySelector('[role="table"]')?.getAttribute('data-total') === String(count) && document.querySelector('[role="row"][data-row-index="0"] a') !== null,
      COUNT,
    );
    const created = await fetch(`${portal.url}/api/v1/dashboards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(benchDashboard()) });
    if (!created.ok) throw new Error(`saving the bench dashboard: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    // Usable: all eight widgets on the grid, none still loading, every chart drawn (its arcs, bars or line), the table's rows in.
    const dashboard = await timeToUsable(
      browser,
      `${portal.url}/dashboards/${id}`,
      (widgets) => {
        const board = document.querySelector('[data-testid="dashboard-board"]');
        if (!board) return false;
        const charts = [...board.querySelectorAll('[data-testid="dashboard-chart"]')];
        return (
          board.querySelectorAll('section[data-widget-id]').length === widgets &&
          !board.querySelector('[role="progressbar"]') &&
          board.querySelectorAll('[data-testid="dashboard-number"]').length === 3 &&
          charts.length === 3 &&
          charts.every((chart) => chart.querySelector('svg :is(path, rect)')) &&
          board.querySelector('section[data-widget-id="table"] tbody tr a') !== null
        );
      },
      8,
    );
    console.log(
      JSON.stringify({
        bench: 'ui',
        shellInitialJsGzipKB: Math.round((shell.bytes / 1024) * 10) / 10,
        shellInitialJsFiles: shell.files,
        shellBudgetKB: 350,
        entities: COUNT,
        catalogUsableMs: Math.round(median(catalog)),
        catalogUsableRunsMs: catalog.map((ms) => Math.round(ms)),
        catalogBudgetMs: 1500,
        dashboardWidgets: 8,
        dashboardUsableMs: Math.round(median(dashboard)),
        dashboardUsableRunsMs: dashboard.map((ms) => Math.round(ms)),
        dashboardBudgetMs: 1500,
        seedMs,
      }),
    );
  } finally {
    await browser.close();
    await portal.close();
    await deleteKeys(keyPrefix);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
