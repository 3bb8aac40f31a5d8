import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { Identity, Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { testLogger, testSecrets, waitFor } from '../__fixtures__/test-services';
import { queuedRun } from '../runs/queued-run';
import { callWebhook } from './call-webhook';
import { OutboundPolicy } from './outbound-policy';

jest.setTimeout(30_000);

const manager: Identity = { id: 'user:mia', kind: 'user', displayName: 'Mia', teams: [], isGuest: false, permissions: ['actions.read', 'actions.run', 'actions.manage'] };
const nobody: Identity = { id: 'token:empty', kind: 'token', displayName: 'Empty', teams: [], isGuest: false, permissions: [] };

describe('webhook actions refuse what would leak secrets or reach internal addresses, and send nothing', () => {
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;
  let receiver: http.Server;
  let port: number;
  let app: ReturnType<typeof createHttpApp>;
  const received: string[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(body);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    port = (receiver.address() as AddressInfo).port;
    catalog = await testCatalog();
    // `localhost` is allow-listed, but private networks are not opened: its lookup lands on loopback and is refused.
    runner = await createActionRunner({ catalog, logger: testLogger(), secrets: testSecrets({ 'github-token': 'ghp_secret', 'hook-key': 'k' }), webhooks: { allow: ['http://localhost:*', 'http://169.254.169.254/*', 'https://hooks.example.com/*'] } });
    app = createHttpApp({ api: [{ prefix: '', router: createApiRouter(runner.routes()) }], authenticate: async (a) => (a === 'Bearer mia' ? manager : nobody) });
  });

  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
    await runner.close();
    await catalog.dispose();
  });

  beforeEach(() => (received.length = 0));

  const action = (invocation: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: 'leak', title: 'Leak', operation: 'create', inputSchema: { type: 'object' }, invocation: { type: 'webhook', ...invocation }, ...extra });

  it('lets only holders of actions.manage define actions', async () => {
    const refused = await request(app).post('/api/v1/actions').set('authorization', 'Bearer empty').send(action({ url: 'https://hooks.example.com/x' })).expect(403);
    expect(refused.body.detail).toContain('"actions.manage"');
    expect((await runner.listActions()).map((a) => a.id)).not.toContain('leak');
  });

  it('refuses a template that references a secret the action does not list, naming the secret and where', async () => {
    const res = await request(app)
      .post('/api/v1/actions')
      .set('authorization', 'Bearer mia')
      .send(action({ url: 'https://hooks.example.com/x', body: { gh: '{{secrets.github-token}}' }, headers: { 'x-sig': 'v={{secrets.hook-key}}' } }, { secrets: ['hook-key'] }))
      .expect(400);
    expect(res.body.errors).toEqual([{ pointer: '/invocation/body/gh', message: expect.stringContaining('"github-token"') }]);
    const signing = await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: 'https://hooks.example.com/x', secret: 'github-token' })).expect(400);
    expect(signing.body.errors).toEqual([{ pointer: '/invocation/secret', message: expect.stringContaining('"github-token"') }]);
    expect((await runner.listActions()).map((a) => a.id)).not.toContain('leak');
  });

  it('refuses literal URLs that are off the allow-list or metadata addresses when the action is defined', async () => {
    const off = await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: 'https://attacker.example.net/collect' })).expect(400);
    expect(off.body.errors).toEqual([{ pointer: '/invocation/url', message: expect.stringContaining('actions.webhooks.allow') }]);
    const metadata = await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: 'http://169.254.169.254/latest/meta-data/' })).expect(400);
    expect(metadata.body.detail).toContain('cloud metadata address');
    // A host pattern's `*` does not reach into the path: this is not a hooks.example.com URL.
    await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: 'https://hooks.example.com.attacker.net/x' })).expect(400);
    await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: 'https://user:pw@hooks.example.com/x' })).expect(400);
    expect((await runner.listActions()).map((a) => a.id)).not.toContain('leak');
  });

  it('fails the run when the host resolves to a loopback address, and the receiver gets nothing', async () => {
    await request(app).post('/api/v1/actions').set('authorization', 'Bearer mia').send(action({ url: `http://localhost:${port}/hook` })).expect(201);
    const run = await request(app).post('/api/v1/actions/leak/runs').set('authorization', 'Bearer mia').send({}).expect(201);
    const ended = await waitFor(async () => {
      const r = await runner.getRun(run.body.id);
      return r && r.status !== 'queued' && r.status !== 'running' ? r : null;
    }, 'the run to end');
    expect(ended.status).toBe('failed');
    expect(ended.error).toMatch(/^The webhook URL http:\/\/localhost:\d+\/hook reaches (127\.0\.0\.1|::1), a loopback address; webhooks reach private networks only with actions\.webhooks\.allowPrivateNetworks: true\.$/);
    expect(received).toEqual([]);
    await request(app).delete('/api/v1/actions/leak').set('authorization', 'Bearer mia').expect(204);
  });

  it('refuses, at call time too, a template reaching a secret the action does not list (a definition stored before the rule)', async () => {
    const run: Run = queuedRun({ id: 'run_x1', actionId: 'old', inputs: {}, entity: null, actor: 'user:mia', createdAt: new Date().toISOString() });
    const call = callWebhook({
      invocation: { type: 'webhook', url: `http://127.0.0.1:${port}/hook`, body: { gh: '{{secrets.github-token}}' } },
      declaredSecrets: [],
      run,
      inputs: {},
      entity: null,
      secrets: testSecrets({ 'github-token': 'ghp_secret' }),
      policy: new OutboundPolicy({ allow: ['http://127.0.0.1:*'], allowPrivateNetworks: true }),
      signal: new AbortController().signal,
    });
    await expect(call).rejects.toThrow('The webhook template uses the secret "github-token" at /invocation/body/gh, which the action does not list in "secrets"; nothing was sent.');
    expect(received).toEqual([]);
  });

  it('limits a handler to the secrets its action lists', async () => {
    const read: Array<string | undefined> = [];
    runner.registerAction({ id: 'reader', title: 'Reader', operation: 'create', inputSchema: { type: 'object' }, secrets: ['hook-key'], invocation: { type: 'handler', handler: async (ctx) => void read.push(await ctx.secrets.get('hook-key'), await ctx.secrets.get('github-token')) } }, 'demo');
    const run = await runner.startRun({ actionId: 'reader', inputs: {}, actor: 'user:mia' });
    const ended = await waitFor(async () => ((await runner.getRun(run.id))?.status === 'failed' ? runner.getRun(run.id) : null), 'the run to fail');
    expect(ended!.error).toBe('Action "reader" read the secret "github-token", which it does not list in "secrets" (hook-key).');
    expect(read).toEqual([]);
  });
});

describe('OutboundPolicy', () => {
  const policy = new OutboundPolicy({ allow: ['https://*'] });
  const open = new OutboundPolicy({ allow: ['https://*'], allowPrivateNetworks: true });
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['192.168.1.20', 'private'],
    ['172.16.0.1', 'private'],
    ['fd12::1', 'uniqueLocal'],
    ['169.254.10.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
  ])('refuses %s (%s) by default and allows it with allowPrivateNetworks', (address, range) => {
    expect(policy.addressProblem(address)).toContain(`a ${range} address`);
    expect(open.addressProblem(address)).toBeNull();
  });
  it.each(['169.254.169.254', 'fd00:ec2::254', '0.0.0.0', '::', '64:ff9b::a9fe:a9fe', '255.255.255.255'])('always refuses %s', (address) => {
    expect(open.addressProblem(address)).not.toBeNull();
  });
  it('allows public unicast addresses', () => {
    expect(policy.addressProblem('93.184.215.14')).toBeNull();
    expect(policy.addressProblem('2606:4700::1111')).toBeNull();
  });
  it('allows no URL without an allow-list', () => {
    expect(new OutboundPolicy().urlProblem('https://hooks.example.com/x')).toContain('allows no webhook URLs');
  });
});
