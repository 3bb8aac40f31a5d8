import { join } from 'node:path';
import { hashToken, startPortal, type Portal } from '@portico/kernel';
import { captureLogger, eventually, startKubernetesFake, startTestPortal, type CapturedLine, type KubernetesFake, type TestPortal } from '@portico/test-utils';
import { startAutoScalingFake, type AutoScalingFake } from './testing/auto-scaling-fake';
import { startTerraformFake, type TerraformFake } from './testing/terraform-fake';

// Two real portal instances on one real Redis prefix with the software catalog and the cloud
// plugin, talking to Kubernetes, AWS Auto Scaling and Terraform fakes: ingestion, scaling,
// provisioning, access with its timer, and a developer environment torn down exactly once.

jest.setTimeout(120_000);
const pluginsDir = join(__dirname, '..', '..');
// One hour lasts 3 s here: a 2-hour grant lasts 6 s, an environment 0.3 "days" (21.6 s), and so
// on, long enough for each test's steps to finish well before a timer fires.
const TIME_SCALE = 1 / 1200;

let k8s: KubernetesFake;
let aws: AutoScalingFake;
let tf: TerraformFake;
let portal: TestPortal;
let second: Portal;
const secondLogs: CapturedLine[] = [];

const SCALE_ROUTE = 'PUT /apis/apps/v1/namespaces/:namespace/deployments/:name/scale';
const status = (code: number, reason: string, message: string) => ({ status: code, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } });

beforeAll(async () => {
  [k8s, aws, tf] = await Promise.all([startKubernetesFake(), startAutoScalingFake(), startTerraformFake({ outputsFor: (w) => ({ endpoint: `s3://${w.name}`, arn: `arn:aws:s3:::${w.name}` }) })]);
  k8s.addNamespace('shop');
  k8s.addNamespace('kube-system');
  k8s.addDeployment({ namespace: 'shop', name: 'cart-service', replicas: 2, labels: { 'app.kubernetes.io/name': 'cart-service' } });
  k8s.addStatefulSet({ namespace: 'shop', name: 'cart-jobs', replicas: 1, labels: { 'backstage.io/kubernetes-id': 'cart-jobs' } });
  k8s.addDeployment({ namespace: 'kube-system', name: 'coredns', replicas: 2 });
  aws.addGroup({ name: 'cart-web', minSize: 2, maxSize: 6, desiredCapacity: 3, tags: { 'portico.io/component': 'cart-service' } });

  const plugins = [
    { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
    {
      path: join(pluginsDir, 'cloud-resources'),
      config: {
        clusters: [
          { id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 'k8s-token', skipTlsVerify: true },
          // A cluster nobody answers for: it is marked unreachable and stops nothing.
          { id: 'edge', auth: 'token', server: 'http://127.0.0.1:9', tokenSecret: 'k8s-token', skipTlsVerify: true },
        ],
        autoScaling: [{ id: 'prod', region: 'eu-west-1', endpoint: aws.url, accessKeyIdSecret: 'aws-key', secretAccessKeySecret: 'aws-secret', maxAttempts: 1 }],
        terraform: { baseUrl: tf.url, organization: tf.organization, pollMs: 20 },
        resourceTypes: [
          {
            type: 'bucket',
            title: 'Bucket',
            module: { repository: 'acme/terraform-aws-bucket', branch: 'main' },
            variables: { type: 'object', additionalProperties: false, required: ['versioning'], properties: { versioning: { type: 'boolean' }, retention_days: { type: 'integer', minimum: 1, maximum: 3650 } } },
            accessVariable: 'access_grants',
            roles: ['read', 'write'],
          },
        ],
        environments: { cluster: 'prod', ttlDays: 0.3, extendDays: 0.1, maxLifetimeDays: 0.45, reminderHours: 1, services: [{ component: 'cart-service', image: 'registry.example.com/cart-service:dev', port: 8080 }], mockData: { image: 'registry.example.com/mock-loader:1', args: ['--rows=1000'] }, jobPollMs: 20 },
        syncIntervalMs: 1000,
        timeScale: TIME_SCALE,
      },
    },
  ];
  const users = {
    alice: { roles: ['developer'], permissions: ['cloud.*'], teams: ['checkout-team'] },
    bob: { roles: ['developer'], permissions: ['cloud.*'], teams: ['checkout-team'] },
    carol: { roles: ['developer'], permissions: ['cloud.access.request'] },
    dave: { roles: ['developer'], permissions: ['cloud.environment.*'] },
    erin: { roles: ['developer'], permissions: ['cloud.*'] },
    viewer: { roles: ['viewer'] },
    admin: { roles: ['admin'] },
  };
  const secrets = { 'k8s-token': k8s.token, 'aws-key': aws.accessKeyId, 'aws-secret': aws.secretAccessKey, 'terraform-token': tf.token };
  portal = await startTestPortal({
    store: 'redis',
    plugins,
    secrets,
    users,
  });
  // A second instance on the same Redis prefix and config: it claims timers and runs actions
  // too, so it must know the same people (a run it executes checks its actor's permissions).
  const tokens = Object.entries(users).map(([name, user]) => ({ name, sha256: hashToken(portal.tokenOf(name)), kind: 'user' as const, ...user }));
  second = await startPortal({ config: { plugins, auth: { tokens }, rateLimit: { failedAuth: false } }, port: 0, host: '127.0.0.1', redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: portal.keyPrefix, ui: false, strict: true, conditions: ['source'], secrets, logger: captureLogger(secondLogs) });
});

/** The first step a run started, or a failure naming how the run ended without one. */
async function firstStep(runId: string, as: string): Promise<string> {
  return eventually(async () => {
    const run = (await portal.api('GET', `/runs/${runId}`, undefined, { as })).body;
    if (run.childRunIds?.[0]) return run.childRunIds[0];
    if (['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'].includes(run.status)) throw new Error(`run ${runId} ended ${run.status} without a step: ${run.error}`);
    return null;
  }, `run ${runId} to start its step`, 30_000);
}

afterAll(async () => {
  await second?.close();
  await portal?.close();
  await Promise.all([k8s?.close(), aws?.close(), tf?.close()]);
});

test('ingestion links workloads to Components by label, skips excluded namespaces, and marks an unreachable cluster', async () => {
  // Providers run concurrently: a workload seen before its Component exists is linked at the next sync.
  const workload = await eventually(async () => {
    const w = await portal.entity('workload', 'prod.shop.cart-service', 'alice');
    return w?.relations.component ? w : null;
  }, 'cart-service to be linked to its workload');
  expect(workload).toMatchObject({ properties: { cluster: 'prod', namespace: 'shop', workloadType: 'Deployment', replicasDesired: 2, replicasReady: 2 }, relations: { component: 'cart-service', cluster: 'prod', namespace: 'prod.shop' } });
  expect(workload.properties.pods).toHaveLength(2);
  // Backstage's way: the Component's annotation names the label value its objects carry.
  const component = await portal.api('PUT', '/kinds/component/entities/cart-worker', { kind: 'component', id: 'cart-worker', title: 'Cart worker', owner: 'checkout-team', properties: { type: 'service', lifecycle: 'production', annotations: { 'backstage.io/kubernetes-id': 'cart-jobs' } } }, { as: 'admin' });
  expect(component.status).toBeLessThan(300);
  await eventually(async () => ((await portal.entity('workload', 'prod.shop.cart-jobs.statefulset', 'alice'))?.relations.component === 'cart-worker' ? true : null), 'the StatefulSet to be linked by backstage.io/kubernetes-id');
  expect(await portal.entity('workload', 'prod.kube-system.coredns', 'alice')).toBeNull();
  const edge = await eventually(async () => {
    const e = await portal.entity('kubernetes-cluster', 'edge', 'alice');
    return e?.properties.status === 'unreachable' ? e : null;
  }, 'the edge cluster to be marked unreachable');
  expect(edge.properties.error).toMatch(/Cluster "edge" could not be reached/);
  expect((await portal.entity('kubernetes-cluster', 'prod', 'alice')).properties.status).toBe('reachable');
  const group = await eventually(async () => {
    const g = await portal.entity('auto-scaling-group', 'prod.cart-web', 'alice');
    return g?.relations.component ? g : null;
  }, 'cart-web to be linked to cart-service');
  expect(group).toMatchObject({ properties: { minSize: 2, maxSize: 6, desiredCapacity: 3, instances: 3 }, relations: { component: 'cart-service' } });
  expect(k8s.rejected).toEqual([]);
});

test('scales cart-service from 2 to 5 pods; refusals (too many, 409, 403, unknown cluster, no permission) say why', async () => {
  await portal.waitForEntity('workload', 'prod.shop.cart-service', { as: 'alice' });
  const run = await portal.runAction('cloud.scale-workload', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: { replicas: 5, reason: 'Black Friday' }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  expect(run.outputs).toEqual({ from: 2, to: 5 });
  expect(run.logs).toContain('Scaled Deployment shop/cart-service on cluster "prod" from 2 to 5 pods (Black Friday)');
  expect(k8s.find('Deployment', 'shop', 'cart-service')!.spec.replicas).toBe(5);
  expect((await portal.entity('workload', 'prod.shop.cart-service', 'alice')).properties.replicasDesired).toBe(5);
  await eventually(async () => ((await portal.entity('workload', 'prod.shop.cart-service', 'alice')).properties.pods.length === 5 ? true : null), 'the next sync to show 5 pods');

  const tooMany = await portal.api('POST', '/actions/cloud.scale-workload/runs', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: { replicas: 500 } }, { as: 'alice' });
  expect(tooMany.status).toBe(400);
  expect(JSON.stringify(tooMany.body)).toContain('/replicas');
  const forbidden = await portal.api('POST', '/actions/cloud.scale-workload/runs', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: { replicas: 1 } }, { as: 'viewer' });
  expect(forbidden.status).toBe(403);

  k8s.failNext(SCALE_ROUTE, status(409, 'Conflict', 'Operation cannot be fulfilled on deployments.apps "cart-service": the object has been modified'));
  const conflict = await portal.runAction('cloud.scale-workload', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: { replicas: 3 }, as: 'alice' });
  expect(conflict.status).toBe('failed');
  expect(conflict.error).toMatch(/Kubernetes refused PUT the scale of Deployment shop\/cart-service on cluster "prod" \(409 Conflict\): it was changed or created meanwhile; run the action again/);
  k8s.failNext(SCALE_ROUTE, status(403, 'Forbidden', 'deployments.apps "cart-service" is forbidden'));
  const refused = await portal.runAction('cloud.scale-workload', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: { replicas: 3 }, as: 'alice' });
  expect(refused.error).toMatch(/\(403\): the portal's service account lacks the RBAC permission/);
  expect(k8s.find('Deployment', 'shop', 'cart-service')!.spec.replicas).toBe(5);

  const ghost = await portal.api('PUT', '/kinds/workload/entities/ghost.shop.cart-service', { kind: 'workload', id: 'ghost.shop.cart-service', title: 'cart-service', properties: { cluster: 'ghost', namespace: 'shop', name: 'cart-service', workloadType: 'Deployment', replicasDesired: 1, replicasReady: 1 }, relations: { cluster: 'prod', namespace: 'prod.shop' } }, { as: 'admin' });
  expect(ghost.status).toBeLessThan(300);
  const unknown = await portal.runAction('cloud.scale-workload', { entity: { kind: 'workload', id: 'ghost.shop.cart-service' }, inputs: { replicas: 3 }, as: 'alice' });
  expect(unknown.error).toBe('No Kubernetes cluster "ghost" is configured; the cloud plugin\'s clusters are: prod, edge.');
});

test('restarting a rollout patches the pod template', async () => {
  const run = await portal.runAction('cloud.restart-rollout', { entity: { kind: 'workload', id: 'prod.shop.cart-service' }, inputs: {}, as: 'alice' });
  expect(run.status).toBe('succeeded');
  expect(k8s.find('Deployment', 'shop', 'cart-service')!.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).toBe(run.outputs.restartedAt);
});

test('an auto-scaling group takes new min/max/desired; desired outside them and AWS throttling fail the run, changing nothing', async () => {
  await portal.waitForEntity('auto-scaling-group', 'prod.cart-web', { as: 'alice' });
  const ok = await portal.runAction('cloud.update-auto-scaling-group', { entity: { kind: 'auto-scaling-group', id: 'prod.cart-web' }, inputs: { desiredCapacity: 5, maxSize: 8 }, as: 'alice' });
  expect(ok.status).toBe('succeeded');
  expect(aws.groups[0]).toMatchObject({ minSize: 2, maxSize: 8, desiredCapacity: 5 });
  expect((await portal.entity('auto-scaling-group', 'prod.cart-web', 'alice')).properties).toMatchObject({ maxSize: 8, desiredCapacity: 5 });

  const updates = (): number => aws.requests.filter((r) => (r.body as { Action?: string }).Action === 'UpdateAutoScalingGroup').length;
  const before = updates();
  const outside = await portal.runAction('cloud.update-auto-scaling-group', { entity: { kind: 'auto-scaling-group', id: 'prod.cart-web' }, inputs: { desiredCapacity: 10 }, as: 'alice' });
  expect(outside.status).toBe('failed');
  expect(outside.error).toBe('Nothing was changed: the desired capacity (10) must be within the minimum (2) and the maximum (8). Pick values with minimum ≤ desired ≤ maximum (now 2 ≤ 5 ≤ 8).');
  expect(updates()).toBe(before);
  const empty = await portal.api('POST', '/actions/cloud.update-auto-scaling-group/runs', { entity: { kind: 'auto-scaling-group', id: 'prod.cart-web' }, inputs: {} }, { as: 'alice' });
  expect(empty.status).toBe(400);

  aws.throttle(1);
  const throttled = await portal.runAction('cloud.update-auto-scaling-group', { entity: { kind: 'auto-scaling-group', id: 'prod.cart-web' }, inputs: { desiredCapacity: 4 }, as: 'alice' });
  expect(throttled.error).toMatch(/^AWS throttled DescribeAutoScalingGroups cart-web in AWS account "prod" and the retries ran out; try again in a minute/);
  expect(aws.groups[0].desiredCapacity).toBe(5);
});

test('provisioning a bucket creates its workspace, sets its variables, follows plan and apply, and records the outputs', async () => {
  const run = await portal.runAction('cloud.provision-resource', { inputs: { name: 'media-uploads', type: 'bucket', owner: 'checkout-team', region: 'eu-west-1', variables: { versioning: true, retention_days: 30 } }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  const resource = await portal.entity('cloud-resource', 'media-uploads', 'alice');
  expect(resource).toMatchObject({ owner: 'checkout-team', properties: { type: 'bucket', status: 'ready', workspace: 'portico-media-uploads', endpoint: 's3://portico-media-uploads', outputs: { endpoint: 's3://portico-media-uploads', arn: 'arn:aws:s3:::portico-media-uploads' }, lastRunStatus: 'applied' } });
  const workspace = tf.workspaces.find((w) => w.name === 'portico-media-uploads')!;
  expect(workspace.attributes['vcs-repo']).toEqual({ identifier: 'acme/terraform-aws-bucket', branch: 'main' });
  expect(workspace.vars.map((v) => [v.key, v.value, v.hcl])).toEqual([['versioning', 'true', true], ['retention_days', '30', true]]);
  for (const s of ['planning', 'planned', 'applying', 'applied']) expect(run.logs).toContain(`Terraform run ${resource.properties.lastRunId}: ${s}`);
  expect(run.links).toEqual([{ title: `Terraform run ${resource.properties.lastRunId}`, url: `${tf.url}/app/acme/workspaces/portico-media-uploads/runs/${resource.properties.lastRunId}` }]);
  expect(tf.rejected).toEqual([]);

  const badForm = await portal.api('POST', '/actions/cloud.provision-resource/runs', { inputs: { name: 'other-bucket', type: 'bucket', owner: 'checkout-team', variables: { versioning: 'yes' } } }, { as: 'alice' });
  expect(badForm.status).toBe(400);
  expect(JSON.stringify(badForm.body)).toContain('/variables/versioning');
  const again = await portal.runAction('cloud.provision-resource', { inputs: { name: 'media-uploads', type: 'bucket', owner: 'checkout-team', variables: { versioning: true } }, as: 'alice' });
  expect(again.error).toMatch(/^A cloud resource "media-uploads" exists already \(ready\)/);
});

test('a Terraform run that errors fails the action and leaves the resource on record as failed', async () => {
  tf.failNextRun();
  const run = await portal.runAction('cloud.provision-resource', { inputs: { name: 'broken-bucket', type: 'bucket', owner: 'checkout-team', variables: { versioning: false } }, as: 'alice' });
  expect(run.status).toBe('failed');
  expect(run.error).toMatch(/^The Terraform run run-\S+ ended errored: nothing more was changed; see its plan and apply logs at /);
  const resource = await portal.entity('cloud-resource', 'broken-bucket', 'alice');
  expect(resource.properties).toMatchObject({ status: 'failed', lastRunStatus: 'errored', workspace: 'portico-broken-bucket' });
  expect(resource.properties.error).toBe(run.error);
});

test('modify changes a variable and re-runs; destroy waits for the owning team and keeps the record', async () => {
  const modify = await portal.runAction('cloud.modify-resource', { entity: { kind: 'cloud-resource', id: 'media-uploads' }, inputs: { variables: { retention_days: 90 } }, as: 'alice' });
  expect(modify.status).toBe('succeeded');
  expect(tf.workspaces.find((w) => w.name === 'portico-media-uploads')!.vars.find((v) => v.key === 'retention_days')!.value).toBe('90');
  const invalid = await portal.runAction('cloud.modify-resource', { entity: { kind: 'cloud-resource', id: 'media-uploads' }, inputs: { variables: { retention_days: 0 } }, as: 'alice' });
  expect(invalid.error).toMatch(/^The variables do not fit a Bucket: \/retention_days must be >= 1\. Nothing was changed\./);

  expect((await portal.runAction('cloud.provision-resource', { inputs: { name: 'scratch', type: 'bucket', owner: 'checkout-team', variables: { versioning: false } }, as: 'alice' })).status).toBe('succeeded');
  const direct = await portal.runAction('cloud.destroy-resource-approved', { entity: { kind: 'cloud-resource', id: 'scratch' }, inputs: { reason: 'skip the approval' }, as: 'alice' });
  expect(direct.error).toMatch(/^This step runs only inside "cloud.destroy-resource", once the owning team checkout-team approved it/);
  const destroy = await portal.startRun('cloud.destroy-resource', { entity: { kind: 'cloud-resource', id: 'scratch' }, inputs: { reason: 'no longer used' }, as: 'alice' });
  const stepId = await firstStep(destroy.id, 'alice');
  await portal.waitForRun(stepId, { as: 'alice', statuses: ['waiting_for_approval'] });
  expect((await portal.entity('cloud-resource', 'scratch', 'alice')).properties.status).toBe('ready');
  await portal.decide(stepId, 'bob');
  const done = await portal.waitForRun(destroy.id, { as: 'alice' });
  expect(done.status).toBe('succeeded');
  expect((await portal.entity('cloud-resource', 'scratch', 'alice')).properties.status).toBe('destroyed');
  expect(tf.runs.at(-1)!.isDestroy).toBe(true);
});

test('an access request approved by the owning team is applied through Terraform and revoked when its timer fires', async () => {
  const request = await portal.startRun('cloud.request-access', { entity: { kind: 'cloud-resource', id: 'media-uploads' }, inputs: { role: 'read', hours: 2, reason: 'debug uploads' }, as: 'carol' });
  const stepId = await firstStep(request.id, 'carol');
  await portal.waitForRun(stepId, { as: 'carol', statuses: ['waiting_for_approval'] });
  await portal.decide(stepId, 'bob');
  const granted = await portal.waitForRun(request.id, { as: 'carol' });
  expect(granted.status).toBe('succeeded');
  const grantId = String(granted.outputs.grant);
  const accessVar = () => tf.workspaces.find((w) => w.name === 'portico-media-uploads')!.vars.find((v) => v.key === 'access_grants');
  expect(JSON.parse(accessVar()!.value)).toEqual({ carol: 'read' });
  const grant = await portal.entity('access-grant', grantId, 'carol');
  expect(grant).toMatchObject({ properties: { who: 'carol', role: 'read', status: 'active', approvedBy: ['user:bob'], appliedBy: 'terraform' }, relations: { resource: 'media-uploads' } });

  const revoked = await eventually(async () => {
    const g = await portal.entity('access-grant', grantId, 'carol');
    return g.properties.status === 'revoked' ? g : null;
  }, 'the grant to be revoked by its timer', 30_000);
  expect(Date.parse(revoked.properties.revokedAt)).toBeGreaterThanOrEqual(Date.parse(grant.properties.expiresAt));
  expect(JSON.parse(accessVar()!.value)).toEqual({});
  const writeRole = await portal.api('POST', '/actions/cloud.request-access/runs', { entity: { kind: 'cloud-resource', id: 'media-uploads' }, inputs: { role: 'owner', hours: 1, reason: 'please' } }, { as: 'carol' });
  expect(writeRole.status).toBe(400);
});

test('a developer environment spins up, takes a member and mock data, extends once but not past its maximum, and is torn down once by its timer with two instances running', async () => {
  const run = await portal.runAction('cloud.spin-up-environment', { inputs: { name: 'alice-checkout', owner: 'checkout-team', services: ['cart-service'] }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  const env = await portal.entity('dev-environment', 'alice-checkout', 'alice');
  expect(env).toMatchObject({ properties: { status: 'ready', namespace: 'env-alice-checkout', cluster: 'prod', members: ['alice'], requestedBy: 'alice', url: 'https://env-alice-checkout.dev.example.com' }, relations: { components: ['cart-service'] } });
  expect(k8s.find('Namespace', undefined, 'env-alice-checkout')).toBeDefined();
  expect(k8s.find('Deployment', 'env-alice-checkout', 'cart-service')!.spec.template.spec.containers[0].image).toBe('registry.example.com/cart-service:dev');
  expect(k8s.find('RoleBinding', 'env-alice-checkout', 'portico-member-alice')).toMatchObject({ roleRef: { name: 'edit' }, subjects: [{ name: 'alice' }] });

  // Erin may act on environments but is neither a member nor in checkout-team; Dave is in the team.
  const stranger = await portal.runAction('cloud.extend-environment', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: {}, as: 'erin' });
  expect(stranger.error).toBe('Only the members of alice-checkout (alice) and the checkout-team team may extend it; ask one of them to invite you.');
  expect((await portal.runAction('cloud.invite-developer', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: { user: 'erin' }, as: 'erin' })).status).toBe('failed');
  expect((await portal.runAction('cloud.invite-developer', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: { user: 'bob' }, as: 'dave' })).status).toBe('succeeded');
  expect(k8s.find('RoleBinding', 'env-alice-checkout', 'portico-member-bob')).toBeDefined();
  const data = await portal.runAction('cloud.load-mock-data', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: { dataset: 'carts' }, as: 'bob' });
  expect(data.status).toBe('succeeded');
  expect(k8s.find('Job', 'env-alice-checkout', String(data.outputs.job))!.spec.template.spec.containers[0].args).toEqual(['--rows=1000', '--dataset=carts']);

  const extended = await portal.runAction('cloud.extend-environment', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: {}, as: 'alice' });
  expect(extended.status).toBe('succeeded');
  const after = await portal.entity('dev-environment', 'alice-checkout', 'alice');
  expect(Date.parse(after.properties.expiresAt) - Date.parse(env.properties.expiresAt)).toBe(Math.round(0.1 * 86_400_000 * TIME_SCALE));
  const tooLong = await portal.runAction('cloud.extend-environment', { entity: { kind: 'dev-environment', id: 'alice-checkout' }, inputs: {}, as: 'alice' });
  expect(tooLong.error).toMatch(/^Not extended: alice-checkout would then end at .*, past its maximum lifetime/);
  expect((await portal.entity('dev-environment', 'alice-checkout', 'alice')).properties.expiresAt).toBe(after.properties.expiresAt);

  const ended = await eventually(async () => {
    const e = await portal.entity('dev-environment', 'alice-checkout', 'alice');
    return e.properties.status === 'ended' ? e : null;
  }, 'the environment to be torn down', 60_000);
  expect(Date.parse(ended.properties.endedAt)).toBeGreaterThanOrEqual(Date.parse(after.properties.expiresAt));
  expect(ended.properties.remindedAt).toEqual(expect.any(String));
  expect(k8s.find('Namespace', undefined, 'env-alice-checkout')).toBeUndefined();
  const runs = await portal.api('GET', `/runs?actionId=cloud.teardown-environment&entity=${encodeURIComponent('dev-environment:alice-checkout')}`, undefined, { as: 'admin' });
  expect(runs.body.items.map((r: { status: string; actor: string }) => [r.status, r.actor])).toEqual([['succeeded', 'plugin:cloud']]);
  expect(k8s.requests.filter((r) => r.route === 'DELETE /api/v1/namespaces/:name' && r.params.name === 'env-alice-checkout')).toHaveLength(1);
  expect(second.plugins.find((p) => p.id === 'cloud')?.status).toBe('running');
});
