import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { GUEST_IDENTITY, createApiRouter, createHttpApp, buildOpenApiDocument } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';

// Generous: these tests wait for real Redis and worker round trips on a shared 2-core machine.
jest.setTimeout(45_000);

// Bob is a developer who also manages automations; Ann holds ops.* on top; the agent reports on runs.
const developer = ['actions.read', 'actions.run', 'runs.read', 'automations.read', 'automations.manage'];
const identities: Record<string, Identity> = {
  ann: { id: 'user:ann', kind: 'user', displayName: 'Ann', teams: ['team:sre'], isGuest: false, permissions: [...developer, 'ops.*'] },
  bob: { id: 'user:bob', kind: 'user', displayName: 'Bob', teams: [], isGuest: false, permissions: developer },
  agent: { id: 'token:agent', kind: 'token', displayName: 'Agent', teams: [], isGuest: false, permissions: ['runs.report'] },
};

describe('action runner REST API (Redis)', () => {
  let runner: PorticoActionRunner;
  let prefix: string;
  let app: ReturnType<typeof createHttpApp>;
  let server: http.Server;
  let base: string;
  let release: (() => void) | null = null;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;

  beforeAll(async () => {
    prefix = testPrefix();
    catalog = await testCatalog({ redisUrl: REDIS_URL, keyPrefix: `${prefix}catalog:` });
    await catalog.upsert({ kind: 'service', id: 'cart', title: 'Cart', properties: { tier: 'gold' } });
    runner = await createActionRunner({ redisUrl: REDIS_URL, keyPrefix: prefix, catalog, logger: testLogger(), secrets: testSecrets() });
    runner.registerAction(
      {
        id: 'scale',
        title: 'Scale',
        kind: 'service',
        operation: 'day-2',
        inputSchema: { type: 'object', required: ['replicas'], additionalProperties: false, properties: { replicas: { type: 'integer', minimum: 1, maximum: 50 } } },
        approval: { teams: ['sre'] },
        invocation: { type: 'handler', handler: (ctx) => ctx.setOutput('replicas', ctx.inputs.replicas) },
      },
      'sre',
    );
    runner.registerAction(
      {
        id: 'stream',
        title: 'Streams lines',
        operation: 'create',
        inputSchema: { type: 'object' },
        invocation: {
          type: 'handler',
          handler: async (ctx) => {
            ctx.logger.info('line 1');
            await new Promise<void>((resolve) => (release = resolve));
            ctx.logger.info('line 2');
          },
        },
      },
      'demo',
    );
    runner.registerAction({ id: 'purge', title: 'Purge caches', operation: 'create', permission: 'ops.purge', inputSchema: { type: 'object' }, invocation: { type: 'handler', handler: () => undefined } }, 'ops');
    app = createHttpApp({
      api: [{ prefix: '', router: createApiRouter(runner.routes()) }],
      authenticate: async (authorization) => identities[(authorization ?? '').replace('Bearer ', '')] ?? identities.bob,
    });
    server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await runner.close();
    await catalog.dispose();
    await deleteKeys(prefix);
  });

  it('lists actions offered on an entity and describes every route in OpenAPI', async () => {
    const res = await request(app).get('/api/v1/actions?entity=service:cart').expect(200);
    expect(res.body.items.map((a: { id: string }) => a.id)).toEqual(['scale']);
    expect(res.body.items[0].invocation).toEqual({ type: 'handler' });
    await request(app).get('/api/v1/actions?entity=service:ghost').expect(404);
    await request(app).get('/api/v1/actions?entity=nocolon').expect(400);
    const doc = buildOpenApiDocument({ title: 't', version: '1', serverUrl: '/api/v1', groups: [{ prefix: '', routes: runner.routes() }] } as Parameters<typeof buildOpenApiDocument>[0]) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/actions', '/actions/{id}/runs', '/runs', '/runs/{id}', '/runs/{id}/logs', '/runs/{id}/cancel', '/runs/{id}/approval']));
    expect(Object.keys(doc.paths['/runs/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
  });

  it('answers bad requests with problem+json and creates no run', async () => {
    const bad = await request(app).post('/api/v1/actions/scale/runs').send({ entity: { kind: 'service', id: 'cart' }, inputs: { replicas: 'many', extra: 1 } }).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ pointer: '/inputs/replicas', message: 'must be integer' }, { pointer: '/inputs/extra', message: 'is not an allowed property' }]));
    const unknown = await request(app).post('/api/v1/actions/nope/runs').send({ inputs: {} }).expect(404);
    expect(unknown.body.type).toBe('urn:portico:problem:not-found');
    await request(app).post('/api/v1/actions/scale/runs').send({ inputs: { replicas: 2 } }).expect(400);
    await request(app).post('/api/v1/actions/scale/runs').send({ entity: { kind: 'team', id: 'x' }, inputs: { replicas: 2 } }).expect(404);
    const runs = await request(app).get('/api/v1/runs?actionId=scale').expect(200);
    expect(runs.body.items).toEqual([]);
    await request(app).get('/api/v1/runs?status=bogus').expect(400);
    await request(app).get('/api/v1/runs/run_missing').expect(404);
  });

  it('runs through approval over HTTP: non-approvers get 403, an approver approves, idempotent retries get the same run', async () => {
    const body = { entity: { kind: 'service', id: 'cart' }, inputs: { replicas: 3 }, idempotencyKey: 'deploy-42' };
    const created = await request(app).post('/api/v1/actions/scale/runs').send(body).expect(201);
    expect(created.body.status).toBe('waiting_for_approval');
    expect(created.body.actor).toBe('user:bob');
    const again = await request(app).post('/api/v1/actions/scale/runs').send(body).expect(200);
    expect(again.body.id).toBe(created.body.id);
    const forbidden = await request(app).post(`/api/v1/runs/${created.body.id}/approval`).send({ decision: 'approve' }).expect(403);
    expect(forbidden.body.type).toBe('urn:portico:problem:forbidden');
    await request(app).post(`/api/v1/runs/${created.body.id}/approval`).set('authorization', 'Bearer ann').send({ decision: 'maybe' }).expect(400);
    const approved = await request(app).post(`/api/v1/runs/${created.body.id}/approval`).set('authorization', 'Bearer ann').send({ decision: 'approve', comment: 'ok' }).expect(200);
    expect(approved.body.approvals).toEqual([expect.objectContaining({ by: 'user:ann', decision: 'approve', comment: 'ok' })]);
    const done = await waitFor(async () => {
      const res = await request(app).get(`/api/v1/runs/${created.body.id}`);
      return res.body.status === 'succeeded' ? res.body : null;
    }, 'the run to succeed');
    expect(done.outputs).toEqual({ replicas: 3 });
    const list = await request(app).get('/api/v1/runs?entity=service:cart&limit=1').expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    await request(app).post(`/api/v1/runs/${created.body.id}/cancel`).expect(409);
  });

  it('refuses a run without the permission the action needs, and creates none', async () => {
    const listed = (await request(app).get('/api/v1/actions').expect(200)).body.items as Array<{ id: string; allowed: boolean }>;
    expect(listed.find((a) => a.id === 'purge')).toMatchObject({ permission: 'ops.purge', allowed: false });
    expect(listed.find((a) => a.id === 'stream')).toMatchObject({ allowed: true });
    const forAnn = (await request(app).get('/api/v1/actions').set('authorization', 'Bearer ann').expect(200)).body.items as Array<{ id: string; allowed: boolean }>;
    expect(forAnn.find((a) => a.id === 'purge')).toMatchObject({ allowed: true });
    const refused = await request(app).post('/api/v1/actions/purge/runs').send({ inputs: {} }).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.detail).toBe(
      'Running "Purge caches" (purge) needs the permission "ops.purge", which user:bob does not have. An admin can grant it, or its family "ops.*", through a role (auth.roles and auth.assignments in portico.config.yaml, or the Roles admin page).',
    );
    expect((await request(app).get('/api/v1/runs?actionId=purge').expect(200)).body.items).toEqual([]);
    const granted = await request(app).post('/api/v1/actions/purge/runs').set('authorization', 'Bearer ann').send({ inputs: {} }).expect(201);
    await request(app).post(`/api/v1/runs/${granted.body.id}/rerun`).send({}).expect(403);
    await request(app).post(`/api/v1/runs/${granted.body.id}/rerun`).set('authorization', 'Bearer ann').send({}).expect(201);
    expect((await request(app).get('/api/v1/runs?actionId=purge').expect(200)).body.items).toHaveLength(2);
  });

  it('streams the log over SSE: replay, live lines, then an end event', async () => {
    const created = await request(app).post('/api/v1/actions/stream/runs').send({}).expect(201);
    const id = created.body.id as string;
    await waitFor(async () => release !== null, 'the handler to start');
    const events: Array<{ event: string; data: { message: string } }> = [];
    const finished = new Promise<void>((resolve, reject) => {
      http.get(`${base}/api/v1/runs/${id}/logs`, { headers: { accept: 'text/event-stream' } }, (res) => {
        expect(res.headers['content-type']).toMatch(/text\/event-stream/);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(frame)?.[1];
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        });
        res.on('end', () => resolve());
        res.on('error', reject);
      });
    });
    await waitFor(async () => events.some((e) => e.data.message === 'line 1'), 'the replayed line');
    expect(events.some((e) => e.data.message === 'line 2')).toBe(false);
    release!();
    await finished;
    const messages = events.map((e) => e.data.message);
    expect(messages.indexOf('line 1')).toBeLessThan(messages.indexOf('line 2'));
    expect(events[events.length - 1].event).toBe('end');
    const json = await request(app).get(`/api/v1/runs/${id}/logs`).expect(200);
    expect(json.body.items.map((e: { message: string }) => e.message)).toEqual(messages);
  });
});

describe('automations created through the REST API (embedded)', () => {
  it('stores a JSON automation that runs its action on an entity event, and refuses bad ones', async () => {
    const catalog = await testCatalog();
    // The app has no authenticator, so the guest creates the automation, and its runs start as the guest.
    const runner = await createActionRunner({ catalog, logger: testLogger(), secrets: testSecrets(), resolveActor: async (id) => (id === GUEST_IDENTITY.id ? GUEST_IDENTITY : null) });
    const seen: string[] = [];
    runner.registerAction({ id: 'welcome', title: 'Welcome', operation: 'create', inputSchema: { type: 'object', properties: { service: { type: 'string' } } }, invocation: { type: 'handler', handler: (ctx) => void seen.push(String(ctx.inputs.service)) } }, 'demo');
    const app = createHttpApp({ api: [{ prefix: '', router: createApiRouter(runner.routes()) }] });
    try {
      const bad = await request(app).post('/api/v1/automations').send({ id: 'x', on: 'entity.created', action: 'welcome', condition: { path: 'kind', operator: 'looksLike' } }).expect(400);
      expect(bad.body.type).toBe('urn:portico:problem:validation');
      await request(app).post('/api/v1/automations').send({ id: 'x', on: 'entity.created', action: 'missing' }).expect(400);
      await request(app)
        .post('/api/v1/automations')
        .send({ id: 'welcome-gold', on: 'entity.created', kind: 'service', condition: { path: 'after.properties.tier', operator: '=', value: 'gold' }, action: 'welcome', inputs: { service: '{{after.title}}' } })
        .expect(201);
      const listed = await request(app).get('/api/v1/automations').expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: 'welcome-gold', owner: 'api' })]);
      await catalog.upsert({ kind: 'service', id: 'cheap', title: 'Cheap', properties: { tier: 'bronze' } });
      await catalog.upsert({ kind: 'service', id: 'cart', title: 'Cart', properties: { tier: 'gold' } });
      await waitFor(async () => seen.includes('Cart'), 'the automation run');
      expect(seen).toEqual(['Cart']);
      await request(app).delete('/api/v1/automations/welcome-gold').expect(204);
      await request(app).delete('/api/v1/automations/welcome-gold').expect(404);
    } finally {
      await runner.close();
      await catalog.dispose();
    }
  });
});
