import { join } from 'node:path';
import { hashToken, startPortal, type Portal } from '@portico/kernel';
import { captureLogger, eventually, kubernetesStatus, startKubernetesFake, startTestPortal, type CapturedLine, type KubernetesFake, type TestPortal } from '@portico/test-utils';
import { startJupyterHubFake, type JupyterHubFake } from './testing/jupyterhub-fake';
import { startMlflowFake, type MlflowFake } from './testing/mlflow-fake';

// Two real portal instances on one real Redis prefix with the software catalog and the ML
// plugin, talking to MLflow, Kubernetes (Jobs and KServe) and JupyterHub fakes: train → the
// Job succeeds → a model version appears; deploy it; a 10 % challenger; revert; production
// deploys approved by the owning team; a notebook stopped once by its timer.

jest.setTimeout(120_000);
const pluginsDir = join(__dirname, '..', '..');
// One hour lasts 3 s here: a 2-hour notebook 6 s, long enough for the steps before its timer.
const TIME_SCALE = 1 / 1200;
const MODEL = 'churn-classifier';
const ISVC = 'PATCH /apis/serving.kserve.io/v1beta1/namespaces/:namespace/inferenceservices/:name';

let k8s: KubernetesFake;
let mlflow: MlflowFake;
let hub: JupyterHubFake;
let portal: TestPortal;
let second: Portal;
const secondLogs: CapturedLine[] = [];

beforeAll(async () => {
  mlflow = await startMlflowFake();
  hub = await startJupyterHubFake();
  k8s = await startKubernetesFake({
    jobReadsBeforeDone: 2,
    // What a training Job's code does: log an MLflow run tagged with the portal's run id, then
    // end it with its final metrics and register the model version (or fail).
    onJobCreated(job) {
      const env = Object.fromEntries((job.spec.template.spec.containers[0].env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]));
      if (env.MLFLOW_EXPERIMENT_NAME) mlflow.logRun(env.MLFLOW_EXPERIMENT_NAME, { name: job.metadata.name, metrics: { loss: 0.9 }, params: { max_depth: '6' }, tags: { portico_run_id: env.PORTICO_RUN_ID } });
    },
    onJobFinished(job) {
      const env = Object.fromEntries((job.spec.template.spec.containers[0].env as Array<{ name: string; value: string }>).map((e) => [e.name, e.value]));
      const run = mlflow.runs().find((r) => r.data.tags.some((t) => t.key === 'portico_run_id' && t.value === env.PORTICO_RUN_ID));
      if (!run) return;
      const ok = job.status.succeeded === 1;
      mlflow.updateRun(run.info.run_id, { status: ok ? 'FINISHED' : 'FAILED', metrics: ok ? { loss: 0.3, accuracy: 0.93 } : {} });
      if (ok && env.PORTICO_REGISTERED_MODEL) mlflow.registerVersion(env.PORTICO_REGISTERED_MODEL, run.info.run_id);
    },
  });
  for (const ns of ['training', 'models', 'models-staging']) k8s.addNamespace(ns);
  mlflow.addExperiment('churn', { 'portico.owner': 'checkout-team' });
  for (const accuracy of [0.81, 0.86]) mlflow.registerVersion(MODEL, mlflow.logRun('churn', { status: 'FINISHED', metrics: { accuracy } }).info.run_id);
  mlflow.setModelTag(MODEL, 'portico.owner', 'checkout-team');
  hub.addUser('alice');

  const plugins = [
    { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
    {
      path: join(pluginsDir, 'ml'),
      config: {
        mlflow: { baseUrl: mlflow.url, auth: 'bearer' },
        clusters: [{ id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 'k8s-token', skipTlsVerify: true }],
        serving: [
          { environment: 'staging', cluster: 'prod', namespace: 'models-staging' },
          { environment: 'production', cluster: 'prod', namespace: 'models' },
        ],
        // The acceptance flow runs on staging without approvals, so staging moves the aliases here.
        aliasEnvironment: 'staging',
        training: [{ id: 'xgboost', cluster: 'prod', namespace: 'training', image: 'registry.example.com/train-xgboost:2', command: ['python', 'train.py'], experiment: 'churn', model: MODEL, parameters: { type: 'object', additionalProperties: false, properties: { max_depth: { type: 'integer', minimum: 1, maximum: 20 } } } }],
        preprocessing: [{ id: 'clean-events', cluster: 'prod', namespace: 'training', image: 'registry.example.com/clean-events:1', command: ['python', 'clean.py'], outputUri: 's3://datasets/{dataset}/{run}', parameters: { type: 'object', additionalProperties: false, required: ['since'], properties: { since: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } } }],
        jupyterhub: { baseUrl: hub.url, images: [{ id: 'scipy', image: 'quay.io/jupyter/scipy-notebook:2026-11-30' }], sizes: [{ id: 'small', cpu: '2', memory: '8Gi' }] },
        syncIntervalMs: 1000,
        pollMs: 20,
        readyTimeoutMs: 10_000,
        timeScale: TIME_SCALE,
      },
    },
  ];
  const users = {
    alice: { roles: ['developer'], permissions: ['ml.*'], teams: ['checkout-team'] },
    bob: { roles: ['developer'], permissions: ['ml.*'], teams: ['checkout-team'] },
    carol: { roles: ['developer'], permissions: ['ml.serving.*', 'ml.train'] },
    viewer: { roles: ['viewer'] },
    admin: { roles: ['admin'] },
  };
  const secrets = { 'k8s-token': k8s.token, 'mlflow-token': mlflow.token, 'jupyterhub-token': hub.token };
  portal = await startTestPortal({ store: 'redis', plugins, secrets, users });
  // A second instance on the same Redis prefix: it claims timers and runs actions too.
  const tokens = Object.entries(users).map(([name, user]) => ({ name, sha256: hashToken(portal.tokenOf(name)), kind: 'user' as const, ...user }));
  second = await startPortal({ config: { plugins, auth: { tokens }, rateLimit: { failedAuth: false } }, port: 0, host: '127.0.0.1', redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', keyPrefix: portal.keyPrefix, ui: false, strict: true, conditions: ['source'], secrets, logger: captureLogger(secondLogs) });
});

afterAll(async () => {
  await second?.close();
  await portal?.close();
  await Promise.all([k8s?.close(), mlflow?.close(), hub?.close()]);
});

/** The step a run started, once it exists. */
async function stepOf(runId: string, as: string): Promise<string> {
  return eventually(async () => {
    const run = (await portal.api('GET', `/runs/${runId}`, undefined, { as })).body;
    if (run.childRunIds?.[0]) return run.childRunIds[0];
    if (['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'].includes(run.status)) throw new Error(`run ${runId} ended ${run.status} without a step: ${run.error}`);
    return null;
  }, `run ${runId} to start its step`);
}

/** Runs a production change that needs the owning team's approval, approved by bob. */
async function approvedByBob(actionId: string, options: { entity: { kind: string; id: string }; inputs: Record<string, unknown> }) {
  const run = await portal.startRun(actionId, { ...options, as: 'alice' });
  const step = await stepOf(run.id, 'alice');
  await portal.waitForRun(step, { as: 'alice', statuses: ['waiting_for_approval'] });
  const self = await portal.api('POST', `/runs/${step}/approval`, { decision: 'approve' }, { as: 'alice' });
  expect(self.status).toBe(403);
  await portal.decide(step, 'bob');
  return portal.waitForRun(run.id, { as: 'alice' });
}

const endpoint = (id: string) => portal.entity('ml-serving-endpoint', id, 'alice');
const storageUri = (namespace: string) => k8s.find('InferenceService', namespace, 'churn')!.spec.predictor.model.storageUri as string;

test('ingests the experiment, its runs and the registered model with its versions and their metrics', async () => {
  const model = await eventually(async () => {
    const m = await portal.entity('ml-model', MODEL, 'alice');
    return m?.properties.versions.length === 2 ? m : null;
  }, 'the model and its versions');
  expect(model).toMatchObject({ owner: 'checkout-team', properties: { name: MODEL, latestVersion: '2', aliases: {} } });
  expect(model.properties.versions.map((v: { version: string; metrics: { accuracy: number } }) => [v.version, v.metrics.accuracy])).toEqual([['1', 0.81], ['2', 0.86]]);
  expect(await portal.entity('ml-experiment', 'churn', 'alice')).toMatchObject({ owner: 'checkout-team', properties: { experimentId: '1', runCount: 2 } });
  const version = await portal.waitForEntity('ml-model-version', `${MODEL}.v2`, { as: 'alice' });
  expect(version.relations).toMatchObject({ model: MODEL, run: expect.any(String) });
});

test('train: the Job runs with the form\'s parameters, its MLflow metrics stream into the log, and the model version it registers appears; pre-process records its dataset', async () => {
  const run = await portal.runAction('ml.train-model', { inputs: { parameters: { max_depth: 6 }, cpu: '4', memory: '16Gi' }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  const job = k8s.find('Job', 'training', String(run.outputs.job))!;
  expect(job.spec.template.spec.containers[0]).toMatchObject({ image: 'registry.example.com/train-xgboost:2', args: ['--max_depth=6'], resources: { requests: { cpu: '4', memory: '16Gi' } } });
  expect(job.spec.template.spec.containers[0].env).toEqual(expect.arrayContaining([{ name: 'PORTICO_RUN_ID', value: run.id }, { name: 'MLFLOW_EXPERIMENT_NAME', value: 'churn' }, { name: 'MLFLOW_TRACKING_URI', value: mlflow.url }]));
  expect(run.logs).toEqual(expect.arrayContaining(['metrics: loss=0.9', 'metrics: loss=0.3, accuracy=0.93', `Job ${run.outputs.job}: succeeded`, `Model version ${MODEL} v3 registered (READY) from MLflow run ${run.outputs.mlflowRunId}`]));
  expect(run.outputs.modelVersions).toEqual([`${MODEL}.v3`]);
  expect(await portal.entity('ml-model-version', `${MODEL}.v3`, 'alice')).toMatchObject({ owner: 'checkout-team', properties: { version: '3', status: 'READY', metrics: { loss: 0.3, accuracy: 0.93 } }, relations: { model: MODEL, run: String(run.outputs.mlflowRunId) } });
  expect(await portal.entity('ml-training-run', String(run.outputs.mlflowRunId), 'alice')).toMatchObject({ properties: { status: 'FINISHED', portalRunId: run.id, metrics: { accuracy: 0.93 } }, relations: { experiment: 'churn' } });
  expect((await portal.entity('ml-model', MODEL, 'alice')).properties.latestVersion).toBe('3');

  const bad = await portal.api('POST', '/actions/ml.train-model/runs', { inputs: { parameters: { max_depth: 'deep' } } }, { as: 'alice' });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('/parameters/max_depth');
  expect((await portal.api('POST', '/actions/ml.train-model/runs', { inputs: {} }, { as: 'viewer' })).status).toBe(403);

  const prep = await portal.runAction('ml.preprocess-dataset', { inputs: { dataset: 'churn-events', owner: 'checkout-team', parameters: { since: '2026-11-01' } }, as: 'alice' });
  expect(prep.status).toBe('succeeded');
  const location = `s3://datasets/churn-events/${prep.id}`;
  expect(k8s.find('Job', 'training', String(prep.outputs.job))!.spec.template.spec.containers[0]).toMatchObject({ args: ['--since=2026-11-01'], env: expect.arrayContaining([{ name: 'PORTICO_OUTPUT_URI', value: location }]) });
  expect(await portal.entity('ml-dataset', 'churn-events', 'alice')).toMatchObject({ owner: 'checkout-team', properties: { status: 'ready', location, job: prep.outputs.job } });
  expect((await portal.api('POST', '/actions/ml.preprocess-dataset/runs', { inputs: { dataset: 'x', owner: 'checkout-team', parameters: {} } }, { as: 'alice' })).status).toBe(400);

  k8s.setJobOutcome('Failed');
  const failed = await portal.runAction('ml.train-model', { inputs: { parameters: { max_depth: 3 } }, as: 'alice' });
  k8s.setJobOutcome('Complete');
  expect(failed.status).toBe('failed');
  expect(failed.error).toBe(`Training Job ${failed.outputs.job} failed (BackoffLimitExceeded: Job has reached the specified backoff limit); its MLflow run ${failed.outputs.mlflowRunId} is FAILED. See the Job's logs in the cluster (kubectl logs job/${failed.outputs.job} -n training).`);
  expect((await portal.entity('ml-model', MODEL, 'alice')).properties.latestVersion).toBe('3');
});

test('deploy, a 10 % challenger, a changed split, roll back, promote and revert on staging; the aliases follow; bad input says why', async () => {
  const deploy = (version: string, name = 'churn') => portal.runAction('ml.deploy-model-version', { entity: { kind: 'ml-model-version', id: `${MODEL}.v${version}` }, inputs: { environment: 'staging', endpoint: name }, as: 'alice' });
  expect((await deploy('2')).status).toBe('succeeded');
  const first = await deploy('3');
  expect(first.status).toBe('succeeded');
  expect(first.logs).toContain('churn is ready: champion v3 100 %');
  expect(storageUri('models-staging')).toBe(`s3://mlflow/1/${String((await portal.entity('ml-model-version', `${MODEL}.v3`, 'alice')).properties.runId)}/artifacts/model`);
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3' });
  expect(await endpoint('staging.churn')).toMatchObject({ owner: 'checkout-team', properties: { ready: true, url: 'http://churn.models-staging.example.com', championVersion: '3', previousVersion: '2', traffic: [{ role: 'champion', version: '3', percent: 100 }] }, relations: { model: MODEL } });

  const canary = await portal.runAction('ml.route-traffic', { entity: { kind: 'ml-serving-endpoint', id: 'staging.churn' }, inputs: { version: '1', percent: 10 }, as: 'alice' });
  expect(canary.status).toBe('succeeded');
  expect(k8s.find('InferenceService', 'models-staging', 'churn')!.spec.predictor.canaryTrafficPercent).toBe(10);
  expect((await endpoint('staging.churn')).properties.traffic).toEqual([{ role: 'champion', version: '3', percent: 90 }, { role: 'challenger', version: '1', percent: 10 }]);
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3', challenger: '1' });
  expect((await portal.entity('ml-model', MODEL, 'alice')).properties.aliases).toEqual({ champion: '3', challenger: '1' });
  expect((await portal.runAction('ml.route-traffic', { entity: { kind: 'ml-serving-endpoint', id: 'staging.churn' }, inputs: { percent: 25 }, as: 'alice' })).status).toBe('succeeded');
  expect((await endpoint('staging.churn')).properties.traffic.map((t: { percent: number }) => t.percent)).toEqual([75, 25]);

  const outside = await portal.api('POST', '/actions/ml.route-traffic/runs', { entity: { kind: 'ml-serving-endpoint', id: 'staging.churn' }, inputs: { percent: 150 } }, { as: 'alice' });
  expect(outside.status).toBe(400);
  expect(JSON.stringify(outside.body)).toContain('/percent');
  const unknown = await portal.runAction('ml.route-traffic', { entity: { kind: 'ml-serving-endpoint', id: 'staging.churn' }, inputs: { version: '99', percent: 10 }, as: 'alice' });
  expect(unknown.error).toBe(`Model ${MODEL} has no version 99 in MLflow; pick one of its versions on the model's page. Nothing was changed.`);
  k8s.failNext(ISVC, { status: 403, body: kubernetesStatus(403, 'inferenceservices.serving.kserve.io "churn" is forbidden') });
  const forbidden = await portal.runAction('ml.route-traffic', { entity: { kind: 'ml-serving-endpoint', id: 'staging.churn' }, inputs: { percent: 50 }, as: 'alice' });
  expect(forbidden.error).toMatch(/^Kubernetes refused PATCH InferenceService models-staging\/churn on cluster "prod" \(403 Forbidden\): the portal's service account lacks the RBAC permission/);
  k8s.failNext('POST /apis/serving.kserve.io/v1beta1/namespaces/:namespace/inferenceservices', { status: 409, body: kubernetesStatus(409, 'inferenceservices.serving.kserve.io "churn-b" already exists', 'AlreadyExists') });
  expect((await deploy('3', 'churn-b')).error).toMatch(/\(409 AlreadyExists\): it exists already or was changed meanwhile; run the action again/);
  expect((await endpoint('staging.churn')).properties.traffic.map((t: { percent: number }) => t.percent)).toEqual([75, 25]);

  const staging = { kind: 'ml-serving-endpoint', id: 'staging.churn' };
  const rollback = await portal.runAction('ml.rollback-challenger', { entity: staging, inputs: {}, as: 'alice' });
  expect(rollback.status).toBe('succeeded');
  expect(await endpoint('staging.churn')).toMatchObject({ properties: { championVersion: '3', challengerVersion: null, traffic: [{ role: 'champion', version: '3', percent: 100 }] } });
  expect(storageUri('models-staging')).toBe(String((await portal.entity('ml-model-version', `${MODEL}.v3`, 'alice')).properties.source));
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3' });

  expect((await portal.runAction('ml.route-traffic', { entity: staging, inputs: { version: '2', percent: 10 }, as: 'alice' })).status).toBe('succeeded');
  expect((await portal.runAction('ml.promote-challenger', { entity: staging, inputs: {}, as: 'alice' })).status).toBe('succeeded');
  expect(await endpoint('staging.churn')).toMatchObject({ properties: { championVersion: '2', previousVersion: '3', challengerVersion: null, traffic: [{ role: 'champion', version: '2', percent: 100 }] } });
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '2' });

  const revert = await portal.runAction('ml.revert-endpoint', { entity: staging, inputs: { reason: 'v2 drifts' }, as: 'alice' });
  expect(revert.status).toBe('succeeded');
  expect(await endpoint('staging.churn')).toMatchObject({ properties: { championVersion: '3', previousVersion: '2', challengerVersion: null, traffic: [{ role: 'champion', version: '3', percent: 100 }] } });
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3' });
  expect(storageUri('models-staging')).toBe(String((await portal.entity('ml-model-version', `${MODEL}.v3`, 'alice')).properties.source));
  expect(k8s.find('InferenceService', 'models-staging', 'churn')!.spec.predictor.canaryTrafficPercent).toBeUndefined();
});

test('a deploy whose new revision fails puts the InferenceService back: the previous version goes on serving', async () => {
  const before = storageUri('models-staging');
  k8s.failNextRevision();
  const run = await portal.runAction('ml.deploy-model-version', { entity: { kind: 'ml-model-version', id: `${MODEL}.v1` }, inputs: { environment: 'staging', endpoint: 'churn' }, as: 'alice' });
  expect(run.status).toBe('failed');
  expect(run.error).toMatch(/^Could not deploy version 1 as the champion on churn: the new revision failed: RevisionFailed: .*The InferenceService was put back; version 3 still serves\.$/);
  expect(storageUri('models-staging')).toBe(before);
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3' });
  const serving = await eventually(async () => ((await endpoint('staging.churn')).properties.ready ? endpoint('staging.churn') : null), 'the endpoint to be ready again');
  expect(serving.properties).toMatchObject({ championVersion: '3', traffic: [{ version: '3', percent: 100 }] });
});

test('in production, a deploy waits for the model\'s owning team; traffic changes need the production permission; the step refuses to run alone', async () => {
  const deploy = await approvedByBob('ml.deploy-model-version', { entity: { kind: 'ml-model-version', id: `${MODEL}.v2` }, inputs: { environment: 'production', endpoint: 'churn' } });
  expect(deploy.status).toBe('succeeded');
  expect(deploy.logs).toContain(`In production, to deploy version 2 as the champion needs the approval of ${MODEL}'s owning team, checkout-team`);
  expect(await endpoint('production.churn')).toMatchObject({ properties: { environment: 'production', championVersion: '2', ready: true } });
  // Here the aliases follow staging (aliasEnvironment), so a production deploy leaves them.
  expect(deploy.logs).toContain('[Production: deploy version 2 as the champion on churn (approved by checkout-team)] The MLflow aliases follow the staging endpoints; this production change leaves them as they are.');
  expect(mlflow.aliases(MODEL)).toEqual({ champion: '3' });

  const carol = await portal.runAction('ml.route-traffic', { entity: { kind: 'ml-serving-endpoint', id: 'production.churn' }, inputs: { version: '2', percent: 10 }, as: 'carol' });
  expect(carol.status).toBe('failed');
  expect(carol.error).toBe("Changing a production endpoint needs the permission ml.production.change, which user:carol lacks; ask a portal admin for it, or someone of checkout-team who holds it. Nothing was changed.");
  expect(k8s.find('InferenceService', 'models', 'churn')!.spec.predictor.canaryTrafficPercent).toBeUndefined();

  const direct = await portal.runAction('ml.apply-production-change', { entity: { kind: 'ml-model', id: MODEL }, inputs: { environment: 'production', endpoint: 'churn', change: { op: 'deploy', version: '1' } }, as: 'alice' });
  expect(direct.error).toBe('This step runs only inside a serving action (Deploy, Route A/B traffic, Promote, Roll back, Revert) on a production endpoint, once team checkout-team approved it; start that action instead. Nothing was changed.');
  expect((await endpoint('production.churn')).properties.championVersion).toBe('2');
});

test('a notebook starts with its image and size, extends within its limit, and is stopped once by its timer with two instances running', async () => {
  hub.failNext('POST /hub/api/users/:name/servers/:server', { status: 403, body: { status: 403, message: 'Action is not authorized with current scopes; requires any of [servers]' } });
  const refused = await portal.runAction('ml.start-notebook', { inputs: { name: 'refused', owner: 'checkout-team', image: 'scipy', size: 'small' }, as: 'alice' });
  expect(refused.error).toMatch(/^JupyterHub refused POST \/users\/alice\/servers\/refused \(403\): the portal's hub token lacks the scope/);
  expect((await portal.entity('ml-notebook', 'alice.refused', 'alice')).properties.status).toBe('failed');
  expect((await portal.api('POST', '/actions/ml.start-notebook/runs', { inputs: { name: 'Bad Name', owner: 'checkout-team', image: 'scipy', size: 'small' } }, { as: 'alice' })).status).toBe(400);

  const run = await portal.runAction('ml.start-notebook', { inputs: { name: 'eda', owner: 'checkout-team', image: 'scipy', size: 'small', hours: 2 }, as: 'alice' });
  expect(run.status).toBe('succeeded');
  expect(hub.servers('alice').eda.user_options).toEqual({ image: 'quay.io/jupyter/scipy-notebook:2026-11-30', cpu: '2', memory: '8Gi', gpu: 0, size: 'small' });
  const notebook = await portal.entity('ml-notebook', 'alice.eda', 'alice');
  expect(notebook).toMatchObject({ owner: 'checkout-team', properties: { user: 'alice', status: 'ready', url: `${hub.url}/user/alice/eda/` } });
  expect(Date.parse(notebook.properties.expiresAt) - Date.parse(notebook.properties.startedAt)).toBe(Math.round(2 * 3_600_000 * TIME_SCALE));

  expect((await portal.runAction('ml.extend-notebook', { entity: { kind: 'ml-notebook', id: 'alice.eda' }, inputs: { hours: 1 }, as: 'bob' })).error).toBe('Only alice, whose notebook alice.eda is, may extend it.');
  const extended = await portal.runAction('ml.extend-notebook', { entity: { kind: 'ml-notebook', id: 'alice.eda' }, inputs: { hours: 1 }, as: 'alice' });
  expect(extended.status).toBe('succeeded');
  const after = await portal.entity('ml-notebook', 'alice.eda', 'alice');
  expect(Date.parse(after.properties.expiresAt) - Date.parse(notebook.properties.expiresAt)).toBeGreaterThanOrEqual(Math.round(3_600_000 * TIME_SCALE));
  const tooLong = await portal.runAction('ml.extend-notebook', { entity: { kind: 'ml-notebook', id: 'alice.eda' }, inputs: { hours: 72 }, as: 'alice' });
  expect(tooLong.error).toMatch(/^Not extended: alice\.eda would then stop at .*, past its limit \(.*, 72 hours after it started\)/);

  const stopped = await eventually(async () => {
    const n = await portal.entity('ml-notebook', 'alice.eda', 'alice');
    return n.properties.status === 'stopped' ? n : null;
  }, 'the notebook to be stopped by its timer', 60_000);
  expect(Date.parse(stopped.properties.stoppedAt)).toBeGreaterThanOrEqual(Date.parse(after.properties.expiresAt));
  expect(hub.servers('alice').eda).toBeUndefined();
  expect(hub.stops.get('alice/eda')).toBe(1);
  const runs = await portal.api('GET', `/runs?actionId=ml.stop-notebook&entity=${encodeURIComponent('ml-notebook:alice.eda')}`, undefined, { as: 'admin' });
  expect(runs.body.items.map((r: { status: string; actor: string }) => [r.status, r.actor])).toEqual([['succeeded', 'plugin:ml']]);
  expect(second.plugins.find((p) => p.id === 'ml')?.status).toBe('running');
  expect([mlflow.rejected, k8s.rejected, hub.rejected]).toEqual([[], [], []]);
});
