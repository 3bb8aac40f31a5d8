import { KubeConfig } from '@kubernetes/client-node';
import { kubernetesStatus, startKubernetesFake, type KubernetesFake } from '@portico/test-utils';
import { MlKubernetesClient } from './ml-kubernetes-client';

let k8s: KubernetesFake;
let client: MlKubernetesClient;

beforeAll(async () => {
  k8s = await startKubernetesFake({ jobReadsBeforeDone: 1, inferenceServiceReadsBeforeReady: 1 });
  k8s.addNamespace('training');
  k8s.addNamespace('models');
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [{ name: 'prod', server: k8s.url, skipTLSVerify: true }], users: [{ name: 'portico', token: k8s.token }], contexts: [{ name: 'prod', cluster: 'prod', user: 'portico' }], currentContext: 'prod' });
  client = new MlKubernetesClient('prod', kc);
});
afterAll(() => k8s.close());

const job = { namespace: 'training', name: 'ml-train-1', image: 'registry.example.com/train:1', command: ['python', 'train.py'], args: ['--depth=4'], env: { PORTICO_RUN_ID: 'run-1' }, labels: { 'portico.io/run-id': 'run-1' }, cpu: '2', memory: '4Gi', gpu: 1 };

test('a Job with its resources and env runs to Complete, or reports why it Failed', async () => {
  await client.createJob(job);
  const created = k8s.find('Job', 'training', 'ml-train-1')!;
  expect(created.spec.template.spec.containers[0]).toMatchObject({ image: 'registry.example.com/train:1', args: ['--depth=4'], env: [{ name: 'PORTICO_RUN_ID', value: 'run-1' }], resources: { requests: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' } } });
  expect(created.spec).toMatchObject({ backoffLimit: 0, template: { spec: { restartPolicy: 'Never' } } });
  expect(await client.getJob('training', 'ml-train-1')).toEqual({ phase: 'active', message: null });
  expect(await client.getJob('training', 'ml-train-1')).toEqual({ phase: 'succeeded', message: null });
  k8s.setJobOutcome('Failed');
  await client.createJob({ ...job, name: 'ml-train-2' });
  await client.getJob('training', 'ml-train-2');
  expect(await client.getJob('training', 'ml-train-2')).toEqual({ phase: 'failed', message: 'BackoffLimitExceeded: Job has reached the specified backoff limit' });
  k8s.setJobOutcome('Complete');
  expect(await client.getJob('training', 'nope')).toBeNull();
  await expect(client.createJob(job)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^Kubernetes refused POST Job training\/ml-train-1 on cluster "prod" \(409 AlreadyExists\): it exists already/) });
});

test('creates an InferenceService, reads its rollout and canary split, and merge-patches it', async () => {
  await client.createInferenceService('models', 'churn', { modelFormat: 'mlflow', storageUri: 's3://m/1', canaryTrafficPercent: null }, { labels: { app: 'churn' }, annotations: { 'portico.io/champion-version': '1' } });
  expect(await client.getInferenceService('models', 'churn')).toMatchObject({ ready: false, notReadyReason: 'RevisionNotReady: Revision "churn-predictor-00001" is not ready yet.' });
  expect(await client.getInferenceService('models', 'churn')).toMatchObject({ ready: true, url: 'http://churn.models.example.com', predictor: { modelFormat: 'mlflow', storageUri: 's3://m/1', canaryTrafficPercent: null }, traffic: [{ revisionName: 'churn-predictor-00001', percent: 100 }] });
  await client.patchInferenceService('models', 'churn', { storageUri: 's3://m/2', canaryTrafficPercent: 10 }, { 'portico.io/challenger-version': '2' });
  await client.getInferenceService('models', 'churn');
  const split = (await client.listInferenceServices('models'))[0];
  expect(split).toMatchObject({ annotations: { 'portico.io/champion-version': '1', 'portico.io/challenger-version': '2' }, predictor: { canaryTrafficPercent: 10 }, traffic: [{ percent: 90, latestRevision: false }, { percent: 10, latestRevision: true }] });
  await client.patchInferenceService('models', 'churn', { canaryTrafficPercent: null }, { 'portico.io/challenger-version': null });
  expect(await client.getInferenceService('models', 'churn')).toMatchObject({ annotations: { 'portico.io/champion-version': '1' }, predictor: { canaryTrafficPercent: null }, traffic: [{ revisionName: 'churn-predictor-00002', percent: 100 }] });
  expect(await client.getInferenceService('models', 'nope')).toBeNull();
  expect(k8s.rejected).toEqual([]);
});

test('403 and 409 from the API server become errors naming the request and what to do', async () => {
  k8s.failNext('PATCH /apis/serving.kserve.io/v1beta1/namespaces/:namespace/inferenceservices/:name', { status: 403, body: kubernetesStatus(403, 'inferenceservices.serving.kserve.io "churn" is forbidden: User "system:serviceaccount:portal:portico" cannot patch resource') });
  await expect(client.patchInferenceService('models', 'churn', { canaryTrafficPercent: 5 }, {})).rejects.toThrow('Kubernetes refused PATCH InferenceService models/churn on cluster "prod" (403 Forbidden): the portal\'s service account lacks the RBAC permission this needs (batch jobs, serving.kserve.io inferenceservices). Kubernetes said: inferenceservices.serving.kserve.io "churn" is forbidden: User "system:serviceaccount:portal:portico" cannot patch resource');
  await expect(client.createInferenceService('models', 'churn', { modelFormat: 'mlflow', storageUri: 's3://m/1', canaryTrafficPercent: null }, { labels: {}, annotations: {} })).rejects.toMatchObject({ status: 409 });
});
