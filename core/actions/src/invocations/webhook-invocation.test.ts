import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';
import { EmbeddedStateStore, RunTokenSigner, RunTokenSource } from '@portico/auth';
import { verifyWebhookSignature } from './webhook-signature';

// Generous: these tests wait for real Redis and worker round trips on a shared 2-core machine.
jest.setTimeout(45_000);

// A general machine token without runs.report: receivers report with their run's callback token instead.
const ciToken: Identity = { id: 'token:ci', kind: 'token', displayName: 'CI', teams: [], isGuest: false, permissions: ['actions.read', 'actions.run'] };
const human: Identity = { id: 'user:ann', kind: 'user', displayName: 'Ann', teams: [], isGuest: false, permissions: ['actions.read', 'actions.run', 'actions.manage'] };

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

describe('webhook and agent invocations (Redis)', () => {
  let runner: PorticoActionRunner;
  let prefix: string;
  let receiver: http.Server;
  let receiverUrl: string;
  let api: ReturnType<typeof createHttpApp>;
  const received: Received[] = [];
  let answerStatus = 200;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;

  beforeAll(async () => {
    prefix = testPrefix();
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const verified = verifyWebhookSignature({ secret: 'hook-secret', timestamp: String(req.headers['x-portico-timestamp']), body, signature: String(req.headers['x-portico-signature']) });
        received.push({ headers: req.headers, body, verified });
        res.writeHead(verified ? answerStatus : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ outputs: { deployed: true }, links: [{ title: 'Job', url: 'https://ci.example/1' }] }));
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    catalog = await testCatalog({ redisUrl: REDIS_URL, keyPrefix: `${prefix}catalog:` });
    await catalog.upsert({ kind: 'service', id: 'cart', title: 'Cart' });
    const signer = await RunTokenSigner.open(new EmbeddedStateStore());
    runner = await createActionRunner({
      redisUrl: REDIS_URL,
      keyPrefix: prefix,
      catalog,
      logger: testLogger(),
      secrets: testSecrets({ 'hook-key': 'hook-secret', 'ci-token': 'tok-9' }),
      // The receiver listens on loopback, which only an explicit opt-in reaches.
      webhooks: { allow: ['http://127.0.0.1:*'], allowPrivateNetworks: true },
      callbackTokens: signer,
    });
    const runTokens = new RunTokenSource(signer, { statusOf: async (id) => (await runner.getRun(id))?.status ?? null });
    api = createHttpApp({
      api: [{ prefix: '', router: createApiRouter(runner.routes()) }],
      authenticate: async (a) => (a?.startsWith('Bearer prt_') ? ((await runTokens.resolve({ bearer: a.slice(7) })) ?? null) : a === 'Bearer ci' ? ciToken : human),
    });
  });

  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
    await runner.close();
    await catalog.dispose();
    await deleteKeys(prefix);
  });

  beforeEach(() => {
    received.length = 0;
    answerStatus = 200;
  });

  async function ended(id: string): Promise<Record<string, unknown>> {
    return waitFor(async () => {
      const run = await runner.getRun(id);
      return run && !['queued', 'running', 'waiting_for_approval'].includes(run.status) ? (run as unknown as Record<string, unknown>) : null;
    }, `run ${id} to end`);
  }

  it('calls a synchronous webhook created through the API, with the body template filled and an HMAC signature the receiver verifies', async () => {
    await request(api)
      .post('/api/v1/actions')
      .send({
        id: 'deploy',
        title: 'Deploy',
        kind: 'service',
        operation: 'day-2',
        inputSchema: { type: 'object', required: ['version'], properties: { version: { type: 'string' } } },
        secrets: ['hook-key', 'ci-token'],
        invocation: { type: 'webhook', url: receiverUrl, secret: 'hook-key', headers: { authorization: 'Bearer {{secrets.ci-token}}' }, body: { service: '{{entity.id}}', version: '{{inputs.version}}', run: '{{run.id}}', by: '{{actor}}', note: 'deploy {{inputs.version}} of {{entity.title}}' } },
      })
      .expect(201);
    const listed = await request(api).get('/api/v1/actions?kind=service').expect(200);
    expect(listed.body.items[0]).toMatchObject({ id: 'deploy', owner: 'api', invocation: { type: 'webhook', mode: 'sync' } });
    // The list names the secrets the action may use (reviewers see them), never their values.
    expect(listed.body.items[0].secrets).toEqual(['hook-key', 'ci-token']);
    expect(JSON.stringify(listed.body)).not.toMatch(/hook-secret|tok-9/);
    const run = await request(api).post('/api/v1/actions/deploy/runs').send({ entity: { kind: 'service', id: 'cart' }, inputs: { version: '1.2.3' } }).expect(201);
    const done = await ended(run.body.id);
    expect(done).toMatchObject({ status: 'succeeded', outputs: { deployed: true }, links: [{ title: 'Job', url: 'https://ci.example/1' }] });
    expect(received).toHaveLength(1);
    expect(received[0].verified).toBe(true);
    expect(received[0].headers['x-portico-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(received[0].headers.authorization).toBe('Bearer tok-9');
    // A synchronous call is answered in the same request: it gets no callback token.
    expect(received[0].headers['x-portico-callback-token']).toBeUndefined();
    expect(JSON.parse(received[0].body)).toEqual({ service: 'cart', version: '1.2.3', run: run.body.id, by: 'user:ann', note: 'deploy 1.2.3 of Cart' });
    // A tampered body fails verification.
    expect(verifyWebhookSignature({ secret: 'hook-secret', timestamp: String(received[0].headers['x-portico-timestamp']), body: received[0].body.replace('1.2.3', '6.6.6'), signature: String(received[0].headers['x-portico-signature']) })).toBe(false);
  });

  it('fails a synchronous webhook run when the receiver answers an error status', async () => {
    answerStatus = 500;
    runner.registerAction({ id: 'hook-fails', title: 'x', operation: 'create', inputSchema: { type: 'object' }, secrets: ['hook-key'], invocation: { type: 'webhook', url: receiverUrl, secret: 'hook-key' } }, 'p');
    const run = await runner.startRun({ actionId: 'hook-fails', inputs: {}, actor: 'a' });
    expect(await ended(run.id)).toMatchObject({ status: 'failed', error: 'The webhook answered HTTP 500' });
  });

  it('gives an asynchronous receiver a callback token for its run alone: it reports logs, progress and the outcome, then stops working', async () => {
    runner.registerAction({
      id: 'provision',
      title: 'Provision',
      operation: 'create',
      inputSchema: { type: 'object' },
      secrets: ['hook-key'],
      invocation: { type: 'webhook', url: receiverUrl, secret: 'hook-key', mode: 'async', body: { runId: '{{run.id}}', callback: '{{run.callbackToken}}' } },
    }, 'cloud');
    const run = await runner.startRun({ actionId: 'provision', inputs: {}, actor: 'user:ann' });
    const other = await runner.startRun({ actionId: 'provision', inputs: {}, actor: 'user:ann' });
    await waitFor(async () => received.length === 2 && (await runner.getRun(run.id))?.status === 'running' && (await runner.getRun(other.id))?.status === 'running', 'the webhook calls');
    const call = received.find((r) => JSON.parse(r.body).runId === run.id)!;
    const token = String(call.headers['x-portico-callback-token']);
    expect(token).toMatch(/^prt_run_[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(call.body).callback).toBe(token);
    const otherToken = String(received.find((r) => JSON.parse(r.body).runId === other.id)!.headers['x-portico-callback-token']);
    expect(otherToken).not.toBe(token);

    // Neither a person who started it nor a general token may report; nor may another run's token.
    await request(api).patch(`/api/v1/runs/${run.id}`).send({ status: 'succeeded' }).expect(403);
    await request(api).patch(`/api/v1/runs/${run.id}`).set('authorization', 'Bearer ci').send({ status: 'succeeded' }).expect(403);
    await request(api).post(`/api/v1/runs/${run.id}/logs`).set('authorization', 'Bearer ci').send({ message: 'forged' }).expect(403);
    const cross = await request(api).patch(`/api/v1/runs/${run.id}`).set('authorization', `Bearer ${otherToken}`).send({ status: 'succeeded', outputs: { forged: true } }).expect(403);
    expect(cross.body.detail).toContain(`its callback token is for run ${other.id}`);
    await request(api).patch(`/api/v1/runs/${run.id}`).set('authorization', `Bearer ${token.slice(0, -2)}xx`).send({ status: 'succeeded' }).expect(401);
    expect(await runner.getRun(run.id)).toMatchObject({ status: 'running', outputs: { deployed: true } });
    expect((await runner.readLogs(run.id)).map((l) => l.message)).not.toContain('forged');

    const auth = { authorization: `Bearer ${token}` };
    await request(api).post(`/api/v1/runs/${run.id}/logs`).set(auth).send({ lines: [{ message: 'creating bucket' }, { level: 'warn', message: 'slow region' }] }).expect(201);
    const mid = await request(api).patch(`/api/v1/runs/${run.id}`).set(auth).send({ progress: 60 }).expect(200);
    expect(mid.body).toMatchObject({ status: 'running', progress: 60 });
    await request(api).patch(`/api/v1/runs/${run.id}`).set(auth).send({ progress: 900 }).expect(400);
    const done = await request(api)
      .patch(`/api/v1/runs/${run.id}`)
      .set(auth)
      .send({ status: 'succeeded', outputs: { bucket: 'b-1' }, affectedEntities: [{ kind: 'resource', id: 'b-1' }] })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'succeeded', outputs: { deployed: true, bucket: 'b-1' }, affectedEntities: [{ kind: 'resource', id: 'b-1' }] });
    const logs = (await runner.readLogs(run.id)).map((l) => l.message);
    expect(logs).toEqual(expect.arrayContaining(['creating bucket', 'slow region']));
    expect(logs[logs.length - 1]).toBe('Run ended: succeeded');
    // The run has ended: its token is refused outright (401), for reports and reads alike.
    const late = await request(api).patch(`/api/v1/runs/${run.id}`).set(auth).send({ status: 'failed' }).expect(401);
    expect(late.body.detail).toContain('has ended (succeeded)');
    await request(api).post(`/api/v1/runs/${run.id}/logs`).set(auth).send({ message: 'late' }).expect(401);
    await request(api).get(`/api/v1/runs/${run.id}`).set(auth).expect(401);
    expect((await runner.getRun(run.id))!.status).toBe('succeeded');
    await request(api).patch(`/api/v1/runs/${other.id}`).set('authorization', `Bearer ${otherToken}`).send({ status: 'failed', error: 'gave up' }).expect(200);
  });

  it('times out an asynchronous run nobody reports on', async () => {
    runner.registerAction({ id: 'silent', title: 'x', operation: 'create', timeoutMs: 300, inputSchema: { type: 'object' }, secrets: ['hook-key'], invocation: { type: 'webhook', url: receiverUrl, secret: 'hook-key', mode: 'async' } }, 'p');
    const run = await runner.startRun({ actionId: 'silent', inputs: {}, actor: 'a' });
    expect(await ended(run.id)).toMatchObject({ status: 'timed_out' });
  });

  it('puts agent runs on a named BullMQ queue whose consumer reports back with the callback token in the job', async () => {
    runner.registerAction({ id: 'train', title: 'Train', operation: 'create', inputSchema: { type: 'object', properties: { epochs: { type: 'integer' } } }, invocation: { type: 'agent', queue: 'ml-agents' } }, 'ml');
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null, retryStrategy: (n) => (n > 5 ? null : 100) });
    const jobs: Array<Record<string, unknown>> = [];
    const agent = new Worker(
      'ml-agents',
      async (job) => {
        jobs.push(job.data);
        const auth = { authorization: `Bearer ${job.data.callbackToken}` };
        await request(api).post(`/api/v1/runs/${job.data.runId}/logs`).set(auth).send({ message: `training ${job.data.inputs.epochs} epochs` }).expect(201);
        await request(api).patch(`/api/v1/runs/${job.data.runId}`).set(auth).send({ status: 'succeeded', outputs: { accuracy: 0.9 } }).expect(200);
      },
      { connection, prefix: `${prefix}bull` },
    );
    try {
      const run = await runner.startRun({ actionId: 'train', inputs: { epochs: 3 }, actor: 'user:ann' });
      expect(await ended(run.id)).toMatchObject({ status: 'succeeded', outputs: { accuracy: 0.9 } });
      expect(jobs).toEqual([expect.objectContaining({ runId: run.id, actionId: 'train', inputs: { epochs: 3 }, actor: 'user:ann', callbackToken: expect.stringMatching(/^prt_/) })]);
      expect((await runner.readLogs(run.id)).map((l) => l.message)).toContain('training 3 epochs');
    } finally {
      await agent.close();
      connection.disconnect();
    }
  });
});
