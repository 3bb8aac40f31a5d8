import { startKubernetesFake, type KubernetesFake } from './kubernetes-fake';

let k8s: KubernetesFake;
const call = (method: string, path: string, body?: unknown, contentType = 'application/json') =>
  fetch(`${k8s.url}${path}`, { method, headers: { authorization: `Bearer ${k8s.token}`, ...(body ? { 'content-type': contentType } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

beforeAll(async () => {
  k8s = await startKubernetesFake({ jobReadsBeforeDone: 2 });
  k8s.addNamespace('shop');
  k8s.addDeployment({ namespace: 'shop', name: 'cart', replicas: 2, readyReplicas: 1, labels: { app: 'cart' } });
});
afterAll(() => k8s.close());

describe('startKubernetesFake', () => {
  it('refuses a missing token with a Status object', async () => {
    const res = await fetch(`${k8s.url}/api/v1/namespaces`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  });

  it('keeps pods and status in line with replicas, and filters pods by label selector', async () => {
    const deployment = await (await call('GET', '/apis/apps/v1/namespaces/shop/deployments/cart')).json();
    expect(deployment.status).toMatchObject({ replicas: 2, readyReplicas: 1 });
    const pods = await (await call('GET', '/api/v1/namespaces/shop/pods?labelSelector=app%3Dcart')).json();
    expect(pods.kind).toBe('PodList');
    expect(pods.items.map((p: { status: { phase: string } }) => p.status.phase).sort()).toEqual(['Pending', 'Running']);
    expect((await (await call('GET', '/api/v1/pods?labelSelector=app%3Dother')).json()).items).toEqual([]);
  });

  it('chunks lists by limit with a continue token, and answers 410 Expired to a token it never gave', async () => {
    const first = await (await call('GET', '/api/v1/pods?limit=1')).json();
    expect(first.items).toHaveLength(1);
    const second = await (await call('GET', `/api/v1/pods?limit=1&continue=${first.metadata.continue}`)).json();
    expect(second.items[0].metadata.name).not.toBe(first.items[0].metadata.name);
    expect(second.metadata.continue).toBeUndefined();
    expect((await call('GET', '/api/v1/pods?limit=1&continue=bm9wZQ')).status).toBe(410);
  });

  it('scales through the scale subresource and refuses a stale resourceVersion with 409 Conflict', async () => {
    const scale = await (await call('GET', '/apis/apps/v1/namespaces/shop/deployments/cart/scale')).json();
    expect(scale).toMatchObject({ kind: 'Scale', spec: { replicas: 2 }, status: { selector: 'app=cart' } });
    const ok = await call('PUT', '/apis/apps/v1/namespaces/shop/deployments/cart/scale', { ...scale, spec: { replicas: 4 } });
    expect(ok.status).toBe(200);
    expect(k8s.objects('Pod', 'shop')).toHaveLength(4);
    const stale = await call('PUT', '/apis/apps/v1/namespaces/shop/deployments/cart/scale', { ...scale, spec: { replicas: 1 } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ reason: 'Conflict', code: 409 });
    expect((await call('PUT', '/apis/apps/v1/namespaces/shop/deployments/cart/scale', { spec: { replicas: -1 } })).status).toBe(400);
  });

  it('accepts merge patches and refuses a JSON patch with 415', async () => {
    const patched = await call('PATCH', '/apis/apps/v1/namespaces/shop/deployments/cart', { spec: { template: { metadata: { annotations: { a: 'b' } } } } }, 'application/merge-patch+json');
    expect(patched.status).toBe(200);
    expect(k8s.find('Deployment', 'shop', 'cart')!.spec.template.metadata).toEqual({ labels: { app: 'cart' }, annotations: { a: 'b' } });
    expect((await call('PATCH', '/apis/apps/v1/namespaces/shop/deployments/cart', [{ op: 'add', path: '/x', value: 1 }], 'application/json-patch+json')).status).toBe(415);
  });

  it('creates namespaced objects only in a namespace that exists, 409 on a name taken, and deleting a namespace removes what is in it', async () => {
    const job = { metadata: { name: 'load' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'load', image: 'x' }] } } } };
    expect((await call('POST', '/apis/batch/v1/namespaces/nope/jobs', job)).status).toBe(404);
    expect((await call('POST', '/api/v1/namespaces', { metadata: { name: 'env-a' } })).status).toBe(201);
    expect((await call('POST', '/api/v1/namespaces', { metadata: { name: 'env-a' } })).status).toBe(409);
    expect((await call('POST', '/apis/batch/v1/namespaces/env-a/jobs', job)).status).toBe(201);
    const read = async () => (await (await call('GET', '/apis/batch/v1/namespaces/env-a/jobs/load')).json()).status;
    expect(await read()).toMatchObject({ active: 1 });
    expect(await read()).toMatchObject({ active: 1 });
    expect(await read()).toMatchObject({ succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] });
    const deleted = await (await call('DELETE', '/api/v1/namespaces/env-a')).json();
    expect(deleted.status).toEqual({ phase: 'Terminating' });
    expect(k8s.objects('Job', 'env-a')).toEqual([]);
    expect((await call('DELETE', '/api/v1/namespaces/env-a')).status).toBe(404);
    expect((await call('POST', '/api/v1/namespaces', { metadata: { name: 'Bad_Name' } })).status).toBe(400);
  });

  it('rolls InferenceServices out as KServe reports them: a canary split beside the rolled-out revision, and a failed revision that gets no traffic', async () => {
    k8s.addNamespace('models');
    const base = '/apis/serving.kserve.io/v1beta1/namespaces/models/inferenceservices';
    const isvc = { apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', metadata: { name: 'churn' }, spec: { predictor: { model: { modelFormat: { name: 'mlflow' }, storageUri: 's3://m/1' } } } };
    expect((await call('POST', base, isvc)).status).toBe(201);
    const read = async () => (await (await call('GET', `${base}/churn`)).json()).status;
    expect((await read()).conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'False', reason: 'RevisionNotReady' }));
    expect(await read()).toMatchObject({ url: 'http://churn.models.example.com', components: { predictor: { latestRolledoutRevision: 'churn-predictor-00001', traffic: [{ revisionName: 'churn-predictor-00001', percent: 100 }] } } });
    const patch = (body: unknown, type = 'application/merge-patch+json') => call('PATCH', `${base}/churn`, body, type);
    expect((await patch({ spec: { predictor: { canaryTrafficPercent: 10 } } }, 'application/strategic-merge-patch+json')).status).toBe(415);
    expect((await patch({ spec: { predictor: { canaryTrafficPercent: 10, model: { storageUri: 's3://m/2' } } } })).status).toBe(200);
    await read();
    expect((await read()).components.predictor.traffic).toEqual([
      { revisionName: 'churn-predictor-00001', percent: 90, latestRevision: false },
      { revisionName: 'churn-predictor-00002', percent: 10, latestRevision: true, tag: 'latest' },
    ]);
    await patch({ spec: { predictor: { canaryTrafficPercent: null } } });
    expect((await read()).components.predictor).toMatchObject({ latestRolledoutRevision: 'churn-predictor-00002', previousRolledoutRevision: 'churn-predictor-00001', traffic: [{ revisionName: 'churn-predictor-00002', percent: 100 }] });
    k8s.failNextRevision();
    await patch({ spec: { predictor: { model: { storageUri: 's3://m/3' } } } });
    await read();
    const failed = await read();
    expect(failed.conditions).toContainEqual(expect.objectContaining({ type: 'Ready', status: 'False', reason: 'RevisionFailed' }));
    expect(failed.components.predictor.traffic).toEqual([{ revisionName: 'churn-predictor-00002', percent: 100, latestRevision: false }]);
    expect((await (await call('GET', '/apis/serving.kserve.io/v1beta1/inferenceservices')).json()).items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['churn']);
    expect((await call('POST', base, { metadata: { name: 'x' }, spec: { predictor: { canaryTrafficPercent: 101 } } })).status).toBe(400);
  });
});
