import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { hashToken, startPortal, type Portal } from '@portico/kernel';
import { FakeGitHubServer } from './testing/fake-github-server';
import { call, type CapturedLine, captureLogger, deleteRedisKeys, eventually } from '@portico/test-utils';
import { signGitHubPayload } from './routes/verify-github-signature';

// A real portal on real Redis with both reference plugins loaded from source, talking to
// the GitHub-shaped fake: ingestion, webhooks, the push API and every action end to end.

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:cicd:${randomUUID()}:`;
const pluginsDir = join(__dirname, '..', '..');
const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const CI_TOKEN = 'ci-token-for-tests';
const ALICE_TOKEN = 'alice-token-for-tests';
const TERMINAL = ['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'];

const github = new FakeGitHubServer();
let portal: Portal;
const portalLog: CapturedLine[] = [];

function api<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  return call<T>(portal.url, method, `/api/v1${path}`, body, headers);
}

async function startRun(actionId: string, entityId: string | null, inputs: Record<string, unknown>): Promise<any> {
  const res = await api('POST', `/actions/${actionId}/runs`, entityId ? { entity: { kind: 'component', id: entityId }, inputs } : { inputs });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body;
}

async function finished(runId: string): Promise<any> {
  return eventually(async () => {
    const res = await api('GET', `/runs/${runId}`);
    return TERMINAL.includes(res.body.status) ? res.body : null;
  }, `run ${runId} to end`, 20_000);
}

async function logOf(runId: string): Promise<string[]> {
  const res = await api<{ items: Array<{ message: string }> }>('GET', `/runs/${runId}/logs`);
  return res.body.items.map((e) => e.message);
}

async function entity(kind: string, id: string): Promise<any> {
  const res = await api('GET', `/kinds/${kind}/entities/${id}`);
  return res.status === 200 ? res.body : null;
}

async function query(body: unknown): Promise<any[]> {
  const res = await api('POST', '/entities/query', body);
  if (res.status !== 200) throw new Error(`query ${JSON.stringify(body)} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.items;
}

beforeAll(async () => {
  await github.start();
  github.addRepository('example-org/cart-service', {
    workflows: ['ci.yml', 'deploy.yml', 'lint.yml'],
    files: { 'package.json': '{\n  "name": "cart-service",\n  "dependencies": {\n    "express": "^4.21.0"\n  }\n}\n' },
  });
  github.addRepository('example-org/products-service', { workflows: ['ci.yml', 'deploy.yml'] });
  github.addRepository('example-org/service-template', { workflows: ['ci.yml', 'deploy.yml'] });
  for (let i = 0; i < 5; i++) github.addRun('example-org/cart-service', 'ci.yml', { display_title: `commit ${i}` });
  github.addRun('example-org/products-service', 'ci.yml', { id: 424242, status: 'in_progress', conclusion: null, display_title: 'running build' });

  portal = await startPortal({
    config: {
      plugins: [
        { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
        {
          path: join(pluginsDir, 'cicd'),
          config: {
            sampleData: true,
            github: { baseUrl: github.url },
            repositories: [{ repository: 'example-org/cart-service' }, { repository: 'example-org/products-service' }, { repository: 'example-org/gone', component: 'gone' }],
            deploy: { pollIntervalMs: 20, findRunTimeoutMs: 5000 },
            // The fake serves 2 runs a page; a fast resync also fixes builds ingested before the sample components landed.
            runPages: 5,
            syncIntervalMs: 1000,
            scaffold: { templateRepository: 'example-org/service-template', owner: 'example-org' },
            forceMerge: { approvers: { users: ['alice'] } },
          },
        },
      ],
      auth: { guest: true, tokens: [{ name: 'ci', sha256: hashToken(CI_TOKEN), permissions: ['cicd.deployments.push'] }, { name: 'alice', sha256: hashToken(ALICE_TOKEN), kind: 'user', roles: ['developer'] }] },
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
    strict: true,
    conditions: ['source'],
    logger: captureLogger(portalLog),
    secrets: { 'github-token': github.token, 'github-webhook-secret': WEBHOOK_SECRET },
  });
  // Providers run at start, concurrently: wait for all three to have landed.
  await eventually(() => entity('deployment', 'cart-service.production.sample-2'), 'sample deployments');
  try {
    await eventually(async () => (await query({ kind: 'build', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: 'isNotEmpty' }] }, limit: 10 })).length >= 6 || null, 'ingested builds');
  } catch (error) {
    throw new Error(`${(error as Error).message}; the portal said:\n${portalLog.filter((l) => l.level !== 'debug').map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields)}`).join('\n')}`);
  }
}, 60_000);

afterAll(async () => {
  await portal?.close();
  await github.stop();
  await deleteRedisKeys([keyPrefix], redisUrl);
});

describe('the example organisation', () => {
  it('is loaded with its relations in both directions', async () => {
    const components = await query({ kind: 'component', sort: { property: 'id' }, limit: 50 });
    expect(components.map((c) => c.id)).toEqual(['cart-service', 'core-kafka', 'core-payment', 'products-service']);
    const cartParts = await query({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'system', id: 'cart', direction: 'downstream', maxHops: 1 }] }, limit: 50 });
    expect(cartParts.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(['api:cart-api', 'component:cart-service', 'resource:cart-db']);
    const plugins = await api('GET', '/plugins');
    expect(plugins.body.items.map((p: { id: string; status: string }) => `${p.id}:${p.status}`)).toEqual(expect.arrayContaining(['software-catalog:running', 'cicd:running']));
  });
});

describe('GitHub Actions ingestion', () => {
  it('ingests workflows as pipelines and every page of runs as builds, linked to the component', async () => {
    const pipelines = await query({ kind: 'pipeline', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: 'cart-service' }] }, limit: 50 });
    expect(pipelines.map((p) => p.properties.path).sort()).toEqual(['.github/workflows/ci.yml', '.github/workflows/deploy.yml', '.github/workflows/lint.yml']);
    const builds = await query({ kind: 'build', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: 'cart-service' }] }, limit: 50 });
    expect(builds).toHaveLength(5);
    expect(builds.every((b) => b.properties.result === 'succeeded' && b.relations.pipeline)).toBe(true);
    // The fake serves 2 runs per page: all 5 arrived only by following Link headers.
    expect(github.requests.filter((r) => r.path === '/repos/example-org/cart-service/actions/runs').length).toBeGreaterThanOrEqual(3);
  });

  it('resyncs on its schedule: a run GitHub reports later appears without any webhook', async () => {
    const run = github.addRun('example-org/cart-service', 'lint.yml', { display_title: 'late lint', status: 'completed', conclusion: 'failure' });
    const build = await eventually(() => entity('build', `example-org.cart-service.run-${run.id}`), 'the resync');
    expect(build).toMatchObject({ title: `lint #1`, properties: { result: 'failed', displayTitle: 'late lint' }, relations: { component: 'cart-service' } });
  });

  it('keeps syncing the other repositories when one is unknown to GitHub', async () => {
    expect(github.requests.some((r) => r.path === '/repos/example-org/gone/actions/workflows')).toBe(true);
    expect(await entity('build', 'example-org.products-service.run-424242')).toMatchObject({ properties: { result: 'running' } });
  });
});

describe('workflow_run webhook', () => {
  const deliver = (payload: unknown, signature?: string, event = 'workflow_run') => {
    const raw = JSON.stringify(payload);
    return call(portal.url, 'POST', '/api/v1/plugins/cicd/webhooks/github', raw, {
      'x-github-event': event,
      'x-github-delivery': randomUUID(),
      ...(signature !== null ? { 'x-hub-signature-256': signature ?? signGitHubPayload(WEBHOOK_SECRET, raw) } : {}),
    });
  };

  it('updates a build from a signed delivery', async () => {
    // GitHub's own state moves on too, so the scheduled resync agrees with the webhook.
    const run = Object.assign(github.repository('example-org/products-service').runs.find((r) => r.id === 424242)!, { status: 'completed' as const, conclusion: 'failure' as const });
    const res = await deliver({ action: 'completed', workflow_run: run, repository: { full_name: 'example-org/products-service' } });
    expect(res).toMatchObject({ status: 200, body: { id: 'example-org.products-service.run-424242', result: 'failed' } });
    expect(await entity('build', 'example-org.products-service.run-424242')).toMatchObject({ properties: { status: 'completed', conclusion: 'failure', result: 'failed' } });
  });

  it('refuses a bad or missing signature with 401 and records nothing', async () => {
    const run = { ...github.repository('example-org/cart-service').runs[0], id: 777001 };
    const payload = { action: 'requested', workflow_run: run, repository: { full_name: 'example-org/cart-service' } };
    const bad = await deliver(payload, signGitHubPayload('wrong-secret', JSON.stringify(payload)));
    expect(bad.status).toBe(401);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.detail).toContain('X-Hub-Signature-256');
    const missing = await call(portal.url, 'POST', '/api/v1/plugins/cicd/webhooks/github', JSON.stringify(payload), { 'x-github-event': 'workflow_run' });
    expect(missing.status).toBe(401);
    expect(await entity('build', 'example-org.cart-service.run-777001')).toBeNull();
  });

  it('answers 404 for a repository that is not configured, and accepts pings', async () => {
    const run = { ...github.repository('example-org/cart-service').runs[0], id: 777002 };
    const res = await deliver({ action: 'completed', workflow_run: run, repository: { full_name: 'someone/else' } });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(`Repository someone/else is not configured in the cicd plugin's "repositories"; the event was not recorded.`);
    expect((await deliver({ zen: 'Keep it logically awesome.' }, undefined, 'ping')).status).toBe(200);
  });
});

describe('deployment push API', () => {
  const push = (body: unknown, token: string | null = CI_TOKEN) => call(portal.url, 'POST', '/api/v1/plugins/cicd/deployments', body, token ? { authorization: `Bearer ${token}` } : {});

  it('refuses a push that names someone else as deployedBy, or comes from a token without cicd.deployments.push, and records nothing', async () => {
    const before = await api<{ items: unknown[] }>('GET', '/kinds/deployment/entities?limit=200');
    const framed = await push({ service: 'products-service', environment: 'staging', version: '6.6.6', deployedBy: 'alice' });
    expect(framed.status).toBe(403);
    expect(framed.body.detail).toContain('needs the permission "cicd.deployments.attribute", which token:ci does not have');
    const unprivileged = await push({ service: 'products-service', environment: 'staging', version: '6.6.7' }, ALICE_TOKEN);
    expect(unprivileged.status).toBe(403);
    expect(unprivileged.body.detail).toContain('"cicd.deployments.push"');
    const after = await api<{ items: unknown[] }>('GET', '/kinds/deployment/entities?limit=200');
    expect(after.body.items).toHaveLength(before.body.items.length);
    expect(JSON.stringify(after.body)).not.toMatch(/6\.6\.[67]/);
  });

  it('records a deployment reported by CI, which then shows in the matrix', async () => {
    const res = await push({ service: 'products-service', environment: 'staging', version: '1.10.0', strategy: 'rolling', url: 'https://ci.example.com/builds/1' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'deployment', properties: { version: '1.10.0', status: 'succeeded', source: 'api', deployedBy: 'ci' }, relations: { service: 'products-service', environment: 'staging' } });
    const matrix = await api('GET', '/plugins/cicd/deployments/matrix');
    expect({ status: matrix.status, body: matrix.body }).toMatchObject({ status: 200 });
    expect(matrix.body.environments.map((e: { id: string }) => e.id)).toEqual(['development', 'staging', 'production']);
    const products = matrix.body.services.find((s: { id: string }) => s.id === 'products-service');
    expect(products.cells.staging).toMatchObject({ version: '1.10.0', deployment: res.body.id, url: 'https://ci.example.com/builds/1' });
    expect(products.cells.production).toMatchObject({ version: '1.8.1', lock: { lockedBy: 'carol' } });
    const system = await api('GET', '/plugins/cicd/deployments/matrix?system=cart');
    expect(system.body.services.map((s: { id: string }) => s.id)).toEqual(['cart-service']);
  });

  it('updates the same deployment when a CI system reports it again with its externalId', async () => {
    const first = await push({ service: 'cart-service', environment: 'staging', version: '3.0.0', status: 'in_progress', externalId: 'build:981' });
    const again = await push({ service: 'cart-service', environment: 'staging', version: '3.0.0', status: 'succeeded', externalId: 'build:981' });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect(await entity('deployment', first.body.id)).toMatchObject({ properties: { status: 'succeeded', externalId: 'build:981' } });
    const history = await query({ kind: 'deployment', filter: { combinator: 'and', rules: [{ property: 'externalId', operator: '=', value: 'build:981' }] }, limit: 10 });
    expect(history).toHaveLength(1);
  });

  it('needs an API token', async () => {
    const res = await push({ service: 'products-service', environment: 'staging', version: '9.9.9' }, null);
    expect(res.status).toBe(401);
  });

  it('rejects bad bodies and unknown entities with 400 problems naming the field', async () => {
    const bad = await push({ service: 'products-service', environment: 'staging', version: '', strategy: 'yolo', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { pointer: '/version', message: 'must NOT have fewer than 1 characters' },
        { pointer: '/strategy', message: 'must be one of ["canary","blue-green","rolling","recreate"]' },
        { pointer: '/extra', message: 'is not an allowed property' },
      ]),
    );
    const unknown = await push({ service: 'no-such-service', environment: 'moon', version: '1.0.0' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { pointer: '/service', message: 'no component named no-such-service' },
      { pointer: '/environment', message: 'no environment named moon' },
    ]);
    const malformed = await call(portal.url, 'POST', '/api/v1/plugins/cicd/deployments', '{"service":', { authorization: `Bearer ${CI_TOKEN}` });
    expect(malformed.status).toBe(400);
  });
});

describe('deploy, lock and revert', () => {
  it('deploys: dispatches the workflow and follows its run to succeeded, streaming its status', async () => {
    const run = await startRun('cicd.deploy', 'cart-service', { environment: 'staging', version: '2.6.0', strategy: 'canary', canaryPercent: 25 });
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const dispatch = github.requests.find((r) => r.path === '/repos/example-org/cart-service/actions/workflows/deploy.yml/dispatches' && (r.body as any).inputs.portico_run_id === run.id)!;
    expect(dispatch.body).toEqual({ ref: 'main', inputs: { version: '2.6.0', environment: 'staging', strategy: 'canary', canary_percent: '25', portico_run_id: run.id } });
    const log = await logOf(run.id);
    expect(log).toEqual(expect.arrayContaining([expect.stringMatching(/^Workflow run #\d+ is in_progress$/), expect.stringMatching(/^Workflow run #\d+ completed with conclusion success$/)]));
    expect(done.links).toEqual([expect.objectContaining({ url: expect.stringContaining('/actions/runs/') })]);
    const deployment = await entity('deployment', done.outputs.deployment);
    expect(deployment.properties).toMatchObject({ version: '2.6.0', status: 'succeeded', strategy: 'canary', source: 'portico', actionRunId: run.id });
  });

  it('fails the run when the workflow fails, and records the deployment as failed', async () => {
    github.repository('example-org/cart-service').dispatchConclusion.set('deploy.yml', 'failure');
    try {
      const run = await startRun('cicd.deploy', 'cart-service', { environment: 'development', version: '2.7.0-bad', strategy: 'blue-green' });
      const done = await finished(run.id);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/^The deploy workflow run #\d+ ended with conclusion "failure": http/);
      expect((await entity('deployment', done.outputs.deployment)).properties.status).toBe('failed');
      // The matrix keeps showing the live version, with the failed attempt beside it.
      const matrix = await api('GET', '/plugins/cicd/deployments/matrix?system=cart');
      expect(matrix.body.services[0].cells.development).toMatchObject({ version: '2.5.0-rc.2', latest: { version: '2.7.0-bad', status: 'failed' } });
    } finally {
      github.repository('example-org/cart-service').dispatchConclusion.delete('deploy.yml');
    }
  });

  it('a lock makes deploy and revert refuse, naming who locked and why; unlock lifts it', async () => {
    const lock = await finished((await startRun('cicd.lock-deployments', 'cart-service', { environment: 'production', reason: 'Incident 42: payment errors' })).id);
    expect(lock.status).toBe('succeeded');
    const dispatchesBefore = github.requests.filter((r) => r.path.endsWith('/dispatches')).length;

    const deploy = await finished((await startRun('cicd.deploy', 'cart-service', { environment: 'production', version: '2.6.0', strategy: 'blue-green' })).id);
    expect(deploy.status).toBe('failed');
    expect(deploy.error).toMatch(/^Deployments of cart-service to production are locked by guest since .+: Incident 42: payment errors\. Unlock them first\.$/);
    const revert = await finished((await startRun('cicd.revert', 'cart-service', { environment: 'production' })).id);
    expect(revert.status).toBe('failed');
    expect(revert.error).toContain('locked by guest');
    expect(github.requests.filter((r) => r.path.endsWith('/dispatches')).length).toBe(dispatchesBefore);

    const again = await finished((await startRun('cicd.lock-deployments', 'cart-service', { environment: 'production', reason: 'twice' })).id);
    expect(again.error).toContain('already locked by guest: Incident 42: payment errors');
    const matrix = await api('GET', '/plugins/cicd/deployments/matrix?system=cart');
    expect(matrix.body.services[0].cells.production.lock).toMatchObject({ reason: 'Incident 42: payment errors' });

    expect((await finished((await startRun('cicd.unlock-deployments', 'cart-service', { environment: 'production' })).id)).status).toBe('succeeded');
    expect(await entity('deployment-lock', 'cart-service.production')).toBeNull();
  });

  it('revert deploys the version that was live before the current one', async () => {
    // Sample history in production: 2.3.0 (9 days ago), then 2.4.0 (2 days ago).
    const run = await startRun('cicd.revert', 'cart-service', { environment: 'production' });
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'succeeded', error: null, outputs: { fromVersion: '2.4.0', toVersion: '2.3.0' } });
    const deployment = await entity('deployment', done.outputs.deployment);
    expect(deployment.properties).toMatchObject({ version: '2.3.0', status: 'succeeded', revertOf: 'cart-service.production.sample-2', strategy: 'blue-green' });
    const matrix = await api('GET', '/plugins/cicd/deployments/matrix?system=cart');
    expect(matrix.body.services[0].cells.production.version).toBe('2.3.0');
  });

  it('revert refuses when there is no earlier version', async () => {
    const done = await finished((await startRun('cicd.revert', 'products-service', { environment: 'development' })).id);
    expect(done).toMatchObject({ status: 'failed', error: 'products-service has no version in development before 1.9.1 to revert to.' });
  });
});

describe('force-merge', () => {
  it('waits for approval by a configured approver, then merges', async () => {
    github.addPullRequest('example-org/cart-service', 41, { title: 'Hotfix: null cart' });
    // Only identities holding cicd.force-merge may ask (alice is a developer without it; the dev guest has all).
    const refused = await api('POST', '/actions/cicd.force-merge-pr/runs', { entity: { kind: 'component', id: 'cart-service' }, inputs: { pullRequest: 41, reason: 'checkout is down' } }, { authorization: `Bearer ${ALICE_TOKEN}` });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('needs the permission "cicd.force-merge"');
    const run = await startRun('cicd.force-merge-pr', 'cart-service', { pullRequest: 41, reason: 'checkout is down' });
    expect(run.status).toBe('waiting_for_approval');
    expect(github.repository('example-org/cart-service').pulls.get(41)!.merged).toBe(false);
    const byGuest = await api('POST', `/runs/${run.id}/approval`, { decision: 'approve' });
    expect(byGuest.status).toBe(403);
    const approved = await api('POST', `/runs/${run.id}/approval`, { decision: 'approve', comment: 'go' }, { authorization: `Bearer ${ALICE_TOKEN}` });
    expect(approved.status).toBe(200);
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'succeeded', outputs: { mergeCommit: expect.stringMatching(/^[0-9a-f]{40}$/) } });
    expect(github.repository('example-org/cart-service').pulls.get(41)!.merged).toBe(true);
  });
});

describe('other life-cycle actions', () => {
  it('adds a secret sealed to the repository key, never storing the value in the run', async () => {
    const done = await finished((await startRun('cicd.add-secret', 'cart-service', { name: 'STRIPE_KEY', value: 'sk_live_123', environment: 'production' })).id);
    expect(done.status).toBe('succeeded');
    expect(await github.readSecret('example-org/cart-service', 'STRIPE_KEY', 'production')).toBe('sk_live_123');
    expect(JSON.stringify(done)).not.toContain('sk_live_123');
    expect(JSON.stringify(await logOf(done.id))).not.toContain('sk_live_123');
  });

  it('adds an environment variable and toggles a feature flag', async () => {
    expect((await finished((await startRun('cicd.add-env-variable', 'cart-service', { name: 'LOG_LEVEL', value: 'debug', environment: 'staging' })).id)).status).toBe('succeeded');
    expect(github.variable('example-org/cart-service', 'LOG_LEVEL', 'staging')).toBe('debug');
    const on = await finished((await startRun('cicd.toggle-feature-flag', 'cart-service', { flag: 'new_checkout', environment: 'staging', enabled: true })).id);
    expect(on.outputs).toMatchObject({ variable: 'FEATURE_NEW_CHECKOUT', previous: null, enabled: true });
    const off = await finished((await startRun('cicd.toggle-feature-flag', 'cart-service', { flag: 'new_checkout', environment: 'staging', enabled: false })).id);
    expect(off.outputs).toMatchObject({ previous: 'true', enabled: false });
    expect(github.variable('example-org/cart-service', 'FEATURE_NEW_CHECKOUT', 'staging')).toBe('false');
  });

  it('upgrades a package version by opening a pull request', async () => {
    const done = await finished((await startRun('cicd.upgrade-package', 'cart-service', { packageName: 'express', version: '^5.1.0' })).id);
    expect(done).toMatchObject({ status: 'succeeded', outputs: { pullRequest: expect.any(Number) } });
    const pull = github.repository('example-org/cart-service').pulls.get(done.outputs.pullRequest)!;
    expect(pull.title).toBe('Upgrade express to ^5.1.0');
    expect(JSON.parse(github.file('example-org/cart-service', pull.head.ref, 'package.json')!).dependencies.express).toBe('^5.1.0');
    const missing = await finished((await startRun('cicd.upgrade-package', 'cart-service', { packageName: 'left-pad', version: '1.3.0' })).id);
    expect(missing).toMatchObject({ status: 'failed', error: 'left-pad is not a dependency in package.json of example-org/cart-service.' });
  });

  it('scaffolds a service from the template and registers the component', async () => {
    const done = await finished((await startRun('cicd.scaffold-service', null, { name: 'payments-service', owner: 'checkout-team', system: 'cart', description: 'Takes payments' })).id);
    expect(done).toMatchObject({ status: 'succeeded', outputs: { repository: 'example-org/payments-service', component: 'payments-service' } });
    expect(await entity('component', 'payments-service')).toMatchObject({ owner: 'checkout-team', properties: { repository: 'example-org/payments-service', type: 'service' }, relations: { partOf: 'cart' } });
  });
});

describe('GitHub errors become clear run failures', () => {
  it('422: the repository already exists', async () => {
    const done = await finished((await startRun('cicd.scaffold-service', null, { name: 'orders-service', owner: 'checkout-team' })).id);
    expect(done.status).toBe('succeeded');
    await api('DELETE', '/kinds/component/entities/orders-service');
    const again = await finished((await startRun('cicd.scaffold-service', null, { name: 'orders-service', owner: 'checkout-team' })).id);
    expect(again).toMatchObject({ status: 'failed', error: expect.stringContaining('(422 Repository creation failed.: name already exists on this account)') });
    expect(await entity('component', 'orders-service')).toBeNull();
  });

  it('401: a revoked token', async () => {
    github.failNext('GET', /\/actions\/secrets\/public-key$/, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const done = await finished((await startRun('cicd.add-secret', 'cart-service', { name: 'X', value: 'y' })).id);
    expect(done).toMatchObject({ status: 'failed', error: 'GitHub rejected the token (401 Bad credentials on GET /repos/example-org/cart-service/actions/secrets/public-key): check the configured GitHub token secret.' });
  });

  it('404: a pull request that does not exist', async () => {
    // Approval comes first, so the 404 is what ends the approved run.
    const run = await startRun('cicd.force-merge-pr', 'cart-service', { pullRequest: 9999, reason: 'does not exist' });
    await api('POST', `/runs/${run.id}/approval`, { decision: 'approve' }, { authorization: `Bearer ${ALICE_TOKEN}` });
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'failed', error: expect.stringContaining('GitHub found nothing at GET /repos/example-org/cart-service/pulls/9999 (404 Not Found)') });
  });

  it('rate limit: says when to retry, and the deployment is marked failed', async () => {
    github.exhaustRateLimit();
    try {
      const done = await finished((await startRun('cicd.toggle-feature-flag', 'cart-service', { flag: 'x', environment: 'staging', enabled: true })).id);
      expect(done.status).toBe('failed');
      expect(done.error).toMatch(/^GitHub rate limit is exhausted \(403 on GET .+\); try again after \d{4}-\d\d-\d\dT/);
    } finally {
      github.resetRateLimit();
    }
  });

  it('404: a repository GitHub does not know', async () => {
    const done = await finished((await startRun('cicd.add-env-variable', 'core-kafka', { name: 'A', value: 'b' })).id);
    expect(done).toMatchObject({ status: 'failed', error: expect.stringContaining('GitHub found nothing at POST /repos/example-org/core-kafka/actions/variables (404 Not Found)') });
  });

  it('a component without a repository fails before calling GitHub', async () => {
    const created = await api('POST', '/kinds/component/entities', { kind: 'component', id: 'no-repo-lib', title: 'No repo', owner: 'catalog-team', properties: { type: 'library', lifecycle: 'experimental' } });
    expect(created.status).toBe(201);
    const before = github.requests.length;
    const failed = await finished((await startRun('cicd.add-env-variable', 'no-repo-lib', { name: 'A', value: 'b' })).id);
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('Component no-repo-lib has no GitHub repository') });
    // Only the scheduled resync talked to GitHub meanwhile.
    expect(github.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('bad inputs are refused with 400 and create no run', async () => {
    const res = await api('POST', '/actions/cicd.deploy/runs', { entity: { kind: 'component', id: 'cart-service' }, inputs: { environment: 'moon', version: '1', strategy: 'yolo' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(expect.arrayContaining(['/inputs/environment', '/inputs/strategy']));
  });
});
