import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sha256Hex } from '@portico/auth';
import type { Dashboard } from '@portico/plugin-api';
import { startPortal, type Portal } from '../portal/start-portal';

// Dashboards through the HTTP API on real Redis: who may save, change, open and delete which
// dashboard, the 4xx answers for bad input, Home's choice, and the event stream's catalog events.
jest.setTimeout(60_000);

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:dashboards:${randomUUID()}:`;
const bearer = (name: string): Record<string, string> => ({ authorization: `Bearer dash-${name}` });
let portal: Portal;

async function call(method: string, path: string, as: string, body?: unknown): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method, headers: { ...bearer(as), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const layout = { x: 0, y: 0, w: 4, h: 3 };
const countWidget = { id: 'count', type: 'number', title: 'Gizmos', layout, query: { kind: 'gizmo' } };

beforeAll(async () => {
  const token = (name: string, extra: Record<string, unknown> = {}) => ({ name, sha256: sha256Hex(`dash-${name}`), ...extra });
  portal = await startPortal({
    config: {
      plugins: [],
      auth: {
        tokens: [
          token('admin', { permissions: ['*'] }),
          token('ann', { kind: 'user', teams: ['payments'] }),
          token('bob', { kind: 'user', teams: ['search'] }),
          token('reader', { permissions: ['catalog.entity.read:gizmo'] }),
          token('nobody'),
        ],
        assignments: [{ subject: 'user:ann', roles: ['viewer'] }, { subject: 'user:bob', roles: ['viewer'] }],
      },
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
  });
  const kind = await call('POST', '/kinds', 'admin', { id: 'gizmo', title: 'Gizmo', schema: { type: 'object', properties: { size: { type: 'integer' }, color: { type: 'string', enum: ['red', 'blue'] } } } });
  expect(kind.status).toBe(201);
});

afterAll(async () => {
  await portal?.close();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

test('a person saves their own dashboard and a dashboard of their team; others may open but not change them', async () => {
  const own = await call('POST', '/dashboards', 'ann', { title: 'Mine', widgets: [countWidget] });
  expect(own.status).toBe(201);
  expect(own.body).toMatchObject({ owner: 'user:ann', version: 1, editable: true, widgets: [countWidget] });
  // It lists the requests its widgets make first, which the page starts before its JavaScript runs.
  expect((await call('GET', `/dashboards/${own.body.id}`, 'ann')).body.dataRequests).toEqual([{ method: 'POST', path: '/entities/query', body: '{"kind":"gizmo","limit":1}' }]);
  const team = await call('POST', '/dashboards', 'ann', { title: 'Payments', owner: 'team:payments', widgets: [] });
  expect(team.status).toBe(201);

  // Bob is in another team: he may open the shared URL (he reads the catalog), never change it.
  const opened = await call('GET', `/dashboards/${team.body.id}`, 'bob');
  expect(opened.status).toBe(200);
  expect(opened.body.editable).toBe(false);
  const changed = await call('PUT', `/dashboards/${team.body.id}`, 'bob', { title: 'Hijacked', widgets: [] });
  expect(changed.status).toBe(403);
  expect(changed.body.detail).toContain('only members of team:payments');
  expect((await call('DELETE', `/dashboards/${own.body.id}`, 'bob')).status).toBe(403);
  expect((await call('POST', '/dashboards', 'bob', { title: 'For payments', owner: 'team:payments', widgets: [] })).status).toBe(403);
  expect((await call('GET', `/dashboards/${team.body.id}`, 'admin')).body.title).toBe('Payments');

  // The lists: each person sees their own and their teams'.
  expect((await call('GET', '/dashboards', 'ann')).body.items.map((d: Dashboard) => d.title)).toEqual(['Mine', 'Payments']);
  expect((await call('GET', '/dashboards', 'bob')).body.items).toEqual([]);

  // A member saves over the stored version; an edit of an older version is refused, not lost.
  const saved = await call('PUT', `/dashboards/${team.body.id}`, 'ann', { title: 'Payments v2', widgets: [countWidget], version: 1 });
  expect(saved.status).toBe(200);
  expect(saved.body.version).toBe(2);
  const stale = await call('PUT', `/dashboards/${team.body.id}`, 'ann', { title: 'Payments old', widgets: [], version: 1 });
  expect(stale.status).toBe(409);
  expect((await call('GET', `/dashboards/${team.body.id}`, 'ann')).body.title).toBe('Payments v2');

  // Without any catalog read, a shared URL answers like a missing dashboard.
  expect((await call('GET', `/dashboards/${team.body.id}`, 'nobody')).status).toBe(404);
  expect((await call('GET', `/dashboards/${team.body.id}`, 'reader')).status).toBe(200);

  expect((await call('DELETE', `/dashboards/${own.body.id}`, 'ann')).status).toBe(204);
  expect((await call('GET', `/dashboards/${own.body.id}`, 'ann')).status).toBe(404);
});

test('every widget type saves with what it needs', async () => {
  const query = { kind: 'gizmo', filter: { combinator: 'and', rules: [{ property: 'color', operator: '=', value: 'red' }] } };
  const widgets = [
    { id: 'n', type: 'number', title: 'Sizes', layout, query, aggregate: 'sum', property: 'size' },
    { id: 'p', type: 'pie', title: 'Colors', layout, query: { kind: 'gizmo' }, property: 'color' },
    { id: 'b', type: 'bar', title: 'Owners', layout, query: {}, property: 'kind' },
    { id: 'l1', type: 'line', title: 'Runs', layout, source: 'runs', days: 7, runs: { status: 'failed' } },
    { id: 'l2', type: 'line', title: 'Sizes over time', layout, source: 'property', query: { kind: 'gizmo' }, property: 'size', timeProperty: 'meta.updatedAt' },
    { id: 't', type: 'table', title: 'Gizmos', layout, query, columns: ['title', 'size'] },
    { id: 'r', type: 'runs', title: 'Recent', layout, runs: { team: 'payments' } },
  ];
  const saved = await call('POST', '/dashboards', 'ann', { title: 'Everything', widgets });
  // On failure, the server's reason is the message.
  expect(saved.body.detail ?? 'saved').toBe('saved');
  expect(saved.status).toBe(201);
  expect(saved.body.widgets).toEqual(widgets);
  // A plugin widget must name one that is installed and declares it may live on a dashboard.
  const plugin = await call('POST', '/dashboards', 'ann', { title: 'X', widgets: [{ id: 'x', type: 'plugin', title: 'X', layout, plugin: { pluginId: 'nope', widgetId: 'nope.card' } }] });
  expect(plugin.status).toBe(400);
  expect(plugin.body.errors[0].pointer).toBe('/widgets/0/plugin');
});

test('bad dashboards are refused with 400s that name the field and the fix', async () => {
  const schema = await call('POST', '/dashboards', 'ann', { title: 'X', widgets: [{ ...countWidget, type: 'gauge' }] });
  expect(schema.status).toBe(400);
  expect(JSON.stringify(schema.body.errors)).toContain('/widgets/0/type');

  const problems = await call('POST', '/dashboards', 'ann', {
    title: 'X',
    widgets: [
      { id: 'a', type: 'pie', title: 'No property', layout, query: { kind: 'gizmo' } },
      { id: 'a', type: 'table', title: 'Same id', layout: { x: 10, y: 0, w: 4, h: 2 }, query: {}, columns: ['title'] },
    ],
  });
  expect(problems.status).toBe(400);
  expect(problems.body.errors).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ pointer: '/widgets/0/property' }),
      expect.objectContaining({ pointer: '/widgets/1/id' }),
      expect.objectContaining({ pointer: '/widgets/1/layout' }),
    ]),
  );

  // What the catalog would refuse is refused on save, at the widget's own field.
  const query = await call('POST', '/dashboards', 'ann', { title: 'X', widgets: [{ id: 'p', type: 'bar', title: 'Bad', layout, query: { kind: 'gizmo' }, property: 'nope' }] });
  expect(query.status).toBe(400);
  expect(query.body.errors[0].pointer).toBe('/widgets/0/property');
  const kind = await call('POST', '/dashboards', 'ann', { title: 'X', widgets: [{ ...countWidget, query: { kind: 'missing' } }] });
  expect(kind.status).toBe(400);
  expect(kind.body.errors[0].pointer).toMatch(/^\/widgets\/0\/query/);
  expect((await call('GET', '/dashboards', 'ann')).body.items.map((d: Dashboard) => d.title)).not.toContain('X');
});

test('Home shows the dashboard a person chose, and the built-in Home once it is gone', async () => {
  expect((await call('GET', '/dashboards/home', 'bob')).body).toEqual({ dashboard: null });
  const mine = await call('POST', '/dashboards', 'bob', { title: 'Bob home', widgets: [] });
  expect((await call('PUT', '/dashboards/home', 'bob', { id: mine.body.id })).status).toBe(200);
  expect((await call('GET', '/dashboards/home', 'bob')).body.dashboard.title).toBe('Bob home');
  expect((await call('GET', '/dashboards', 'bob')).body.homeId).toBe(mine.body.id);
  expect((await call('PUT', '/dashboards/home', 'bob', { id: 'dsh_0000000000000000' })).status).toBe(404);
  await call('DELETE', `/dashboards/${mine.body.id}`, 'bob');
  expect((await call('GET', '/dashboards/home', 'bob')).body).toEqual({ dashboard: null });
});

test('the event stream says which readable kinds changed, a burst of writes in few messages', async () => {
  await call('POST', '/kinds', 'admin', { id: 'secret', title: 'Secret', schema: { type: 'object' } });
  const controller = new AbortController();
  const response = await fetch(`${portal.url}/api/v1/events`, { headers: { ...bearer('reader'), accept: 'text/event-stream' }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (pattern: RegExp): Promise<void> => {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}: ${text}`);
      text += decoder.decode(value);
    }
  };
  await readUntil(/: connected/);
  await call('POST', '/kinds/secret/entities', 'admin', { id: 's1', title: 'S1' });
  await call('POST', '/kinds/gizmo/entities/bulk', 'admin', { entities: Array.from({ length: 50 }, (_, i) => ({ id: `g${i}`, title: `G${i}`, properties: { size: i } })) });
  await readUntil(/event: catalog\ndata: .*gizmo/);
  controller.abort();
  const messages = text.split('\n').filter((line) => line.startsWith('data: ')).map((line) => JSON.parse(line.slice(6)));
  // The reader may not read "secret" entities, so it never hears of them; fifty writes are not fifty messages.
  expect(messages.every((m) => !m.kinds.includes('secret'))).toBe(true);
  expect(messages.length).toBeLessThanOrEqual(2);
});

test('without Redis, dashboards live in the data folder and survive a restart; the dev guest keeps its own', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-dashboards-'));
  const config = { plugins: [], auth: { guest: true, tokens: [{ name: 'ann', sha256: sha256Hex('dash-ann'), kind: 'user' as const, teams: ['payments'] }] } };
  const start = () => startPortal({ config, port: 0, redisUrl: null, dataDir, ui: false });
  const main = portal;
  try {
    portal = await start();
    const created = await call('POST', '/dashboards', 'ann', { title: 'Embedded', owner: 'team:payments', widgets: [] });
    expect(created.status).toBe(201);
    await portal.close();
    portal = await start();
    expect((await call('GET', `/dashboards/${created.body.id}`, 'ann')).body).toMatchObject({ title: 'Embedded', owner: 'team:payments' });
    const asGuest = (method: string, path: string, body?: unknown) => fetch(`${portal.url}/api/v1${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then((r) => r.json());
    expect(await asGuest('POST', '/dashboards', { title: 'Demo', owner: 'guest', widgets: [] })).toMatchObject({ owner: 'guest', editable: true });
    expect((await asGuest('GET', '/dashboards')).items.map((d: Dashboard) => d.title)).toEqual(['Demo']);
    await portal.close();
  } finally {
    portal = main;
    await rm(dataDir, { recursive: true, force: true });
  }
});
