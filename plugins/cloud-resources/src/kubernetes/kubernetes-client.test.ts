import { startKubernetesFake, type KubernetesFake } from '@portico/test-utils';
import { resolveCloudConfig } from '../config/cloud-config';
import { KubernetesApiError } from './kubernetes-api-error';
import { createKubernetesConnection, loadKubeConfig } from './kubernetes-connection';
import { KubernetesClient } from './kubernetes-client';
import type { KubernetesApi } from './kubernetes-api';

let k8s: KubernetesFake;
let api: KubernetesApi;

const secretsOf = (values: Record<string, string>) => ({ get: async (name: string) => values[name] });

beforeAll(async () => {
  k8s = await startKubernetesFake();
  const config = resolveCloudConfig({ clusters: [{ id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 'k8s-token', skipTlsVerify: true }] });
  api = await createKubernetesConnection(config, secretsOf({ 'k8s-token': k8s.token }))('prod');
});
afterAll(() => k8s.close());
beforeEach(() => k8s.reset());

async function arrange(): Promise<void> {
  if (!k8s.find('Namespace', undefined, 'shop')) {
    k8s.addNamespace('shop', { team: 'checkout' });
    k8s.addDeployment({ namespace: 'shop', name: 'cart-service', replicas: 2, labels: { 'app.kubernetes.io/name': 'cart-service' } });
    k8s.addStatefulSet({ namespace: 'shop', name: 'cart-db', replicas: 1 });
  }
}

describe('KubernetesClient', () => {
  it('lists namespaces, workloads and their pods with a bearer token', async () => {
    await arrange();
    expect(await api.listNamespaces()).toEqual(expect.arrayContaining([{ name: 'shop', labels: { team: 'checkout' }, phase: 'Active' }]));
    const workloads = await api.listWorkloads();
    expect(workloads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Deployment', namespace: 'shop', name: 'cart-service', replicas: 2, readyReplicas: 2, image: 'registry.example.com/cart-service:1.0.0', selector: { 'app.kubernetes.io/name': 'cart-service' } }),
        expect.objectContaining({ type: 'StatefulSet', name: 'cart-db', replicas: 1 }),
      ]),
    );
    const pods = await api.listPods();
    expect(pods.filter((p) => p.labels['app.kubernetes.io/name'] === 'cart-service')).toHaveLength(2);
    expect(pods[0]).toMatchObject({ namespace: 'shop', phase: 'Running', ready: true, restarts: 0 });
    expect(k8s.requests.every((r) => r.headers.authorization === `Bearer ${k8s.token}`)).toBe(true);
  });

  it('scales through the scale subresource, sending the resourceVersion it read', async () => {
    await arrange();
    expect(await api.scale('Deployment', 'shop', 'cart-service', 5)).toEqual({ from: 2, to: 5 });
    const put = k8s.requestsTo('PUT /apis/apps/v1/namespaces/:namespace/deployments/:name/scale')[0];
    expect(put.body).toMatchObject({ kind: 'Scale', spec: { replicas: 5 }, metadata: { resourceVersion: expect.any(String) } });
    expect(k8s.find('Deployment', 'shop', 'cart-service')!.spec.replicas).toBe(5);
    expect(k8s.rejected).toEqual([]);
  });

  it('turns a 409 conflict, a 404 and a 403 into sentences naming the cluster and what to do', async () => {
    await arrange();
    k8s.failNext('PUT /apis/apps/v1/namespaces/:namespace/deployments/:name/scale', { status: 409, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Conflict', code: 409, message: 'the object has been modified' } });
    await expect(api.scale('Deployment', 'shop', 'cart-service', 3)).rejects.toThrow(/409 Conflict.*changed or created meanwhile.*Kubernetes said: the object has been modified/);
    await expect(api.scale('Deployment', 'shop', 'nope', 3)).rejects.toThrow(/Kubernetes found nothing .*cluster "prod" \(404\).*deployments.apps "nope" not found/);
    k8s.failNext('PATCH /apis/apps/v1/namespaces/:namespace/deployments/:name', { status: 403, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'deployments.apps "cart-service" is forbidden: User "system:serviceaccount:portal:portico" cannot patch resource' } });
    const refused = await api.restart('Deployment', 'shop', 'cart-service', new Date().toISOString()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KubernetesApiError);
    expect((refused as KubernetesApiError).message).toMatch(/refused PATCH Deployment shop\/cart-service on cluster "prod" \(403\): the portal's service account lacks the RBAC permission/);
  });

  it('restarts a rollout with a strategic merge patch of the pod template annotation', async () => {
    await arrange();
    const at = '2026-12-03T10:00:00.000Z';
    await api.restart('Deployment', 'shop', 'cart-service', at);
    const patch = k8s.requestsTo('PATCH /apis/apps/v1/namespaces/:namespace/deployments/:name')[0];
    expect(patch.headers['content-type']).toContain('application/strategic-merge-patch+json');
    expect(k8s.find('Deployment', 'shop', 'cart-service')!.spec.template.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/restartedAt': at });
    expect((await api.listWorkloads()).find((w) => w.name === 'cart-service')!.restartedAt).toBe(at);
  });

  it('creates a namespace with a deployment, a RoleBinding and a Job it follows to the end, then deletes it', async () => {
    expect(await api.createNamespace('env-alice', { 'portico.io/environment': 'alice' })).toBe(true);
    expect(await api.createNamespace('env-alice', {})).toBe(false);
    await api.deployService('env-alice', { name: 'cart-service', image: 'registry.example.com/cart:2', port: 8080, labels: {} });
    expect(k8s.find('Deployment', 'env-alice', 'cart-service')!.spec.template.spec.containers[0]).toEqual({ name: 'cart-service', image: 'registry.example.com/cart:2', ports: [{ containerPort: 8080 }] });
    expect(await api.bindRole('env-alice', { name: 'member-bob', clusterRole: 'edit', user: 'bob' })).toBe(true);
    expect(await api.bindRole('env-alice', { name: 'member-bob', clusterRole: 'edit', user: 'bob' })).toBe(false);
    expect(k8s.find('RoleBinding', 'env-alice', 'member-bob')).toMatchObject({ roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'User', name: 'bob' }] });
    await api.startJob('env-alice', { name: 'mock-data-1', image: 'loader:1', args: ['--rows', '100'], labels: {} });
    expect(await api.readJob('env-alice', 'mock-data-1')).toMatchObject({ done: false });
    expect(await api.readJob('env-alice', 'mock-data-1')).toEqual({ done: true, succeeded: true, message: null });
    k8s.setJobOutcome('Failed');
    await api.startJob('env-alice', { name: 'mock-data-2', image: 'loader:1', args: [], labels: {} });
    await api.readJob('env-alice', 'mock-data-2');
    expect(await api.readJob('env-alice', 'mock-data-2')).toEqual({ done: true, succeeded: false, message: 'BackoffLimitExceeded: Job has reached the specified backoff limit' });
    k8s.setJobOutcome('Complete');
    expect(k8s.rejected).toEqual([]);
    expect(await api.deleteNamespace('env-alice')).toBe(true);
    expect(await api.deleteNamespace('env-alice')).toBe(false);
    expect(k8s.objects('Deployment', 'env-alice')).toEqual([]);
  });

  it('says which secret to set when the token is missing, and which clusters exist for an unknown one', async () => {
    const config = resolveCloudConfig({ clusters: [{ id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 'k8s-token' }] });
    await expect(createKubernetesConnection(config, secretsOf({}))('prod')).rejects.toThrow('The API token of cluster "prod" is missing: set the secret "k8s-token" (PORTICO_SECRET_K8S_TOKEN');
    await expect(createKubernetesConnection(config, secretsOf({}))('staging')).rejects.toThrow('No Kubernetes cluster "staging" is configured; the cloud plugin\'s clusters are: prod.');
  });

  it('names an unreachable cluster and a rejected token', async () => {
    const config = resolveCloudConfig({ clusters: [{ id: 'gone', auth: 'token', server: 'http://127.0.0.1:9', tokenSecret: 't', skipTlsVerify: true }, { id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 't', skipTlsVerify: true }] });
    const connect = createKubernetesConnection(config, secretsOf({ t: 'wrong' }));
    await expect((await connect('gone')).listNamespaces()).rejects.toThrow(/Cluster "gone" could not be reached for GET namespaces \(ECONNREFUSED\)/);
    await expect((await connect('prod')).listNamespaces()).rejects.toThrow(/Cluster "prod" rejected the portal's credentials \(401 on GET namespaces\)/);
  });

  it('reads a kubeconfig from a secret and uses the context it names', async () => {
    await arrange();
    const kubeconfig = [
      'apiVersion: v1',
      'kind: Config',
      'current-context: other',
      'clusters:',
      `- name: fake\n  cluster:\n    server: ${k8s.url}\n    insecure-skip-tls-verify: true`,
      '- name: nowhere\n  cluster:\n    server: http://127.0.0.1:9\n    insecure-skip-tls-verify: true',
      'users:',
      `- name: portal\n  user:\n    token: ${k8s.token}`,
      'contexts:',
      '- name: fake-admin\n  context:\n    cluster: fake\n    user: portal',
      '- name: other\n  context:\n    cluster: nowhere\n    user: portal',
      '',
    ].join('\n');
    const config = resolveCloudConfig({ clusters: [{ id: 'staging', auth: 'kubeconfig-secret', kubeconfigSecret: 'staging-kubeconfig', context: 'fake-admin' }] });
    const staging = await createKubernetesConnection(config, secretsOf({ 'staging-kubeconfig': kubeconfig }))('staging');
    expect((await staging.listNamespaces()).map((n) => n.name)).toContain('shop');
    await expect(createKubernetesConnection(config, secretsOf({}))('staging')).rejects.toThrow('The kubeconfig of cluster "staging" is missing: set the secret "staging-kubeconfig"');
  });

  it('reads lists page by page with continue tokens', async () => {
    await arrange();
    const cluster = resolveCloudConfig({ clusters: [{ id: 'prod', auth: 'token', server: k8s.url, tokenSecret: 'k8s-token', skipTlsVerify: true }] }).clusters[0];
    const paged = new KubernetesClient('prod', await loadKubeConfig(cluster, secretsOf({ 'k8s-token': k8s.token })), 1);
    const pods = await paged.listPods();
    expect(pods.length).toBe(k8s.objects('Pod').length);
    expect(new Set(pods.map((p) => p.name)).size).toBe(pods.length);
    const sent = k8s.requestsTo('GET /api/v1/pods');
    expect(sent.length).toBe(pods.length);
    expect(sent.map((r) => r.query.limit)).toEqual(sent.map(() => '1'));
    expect(sent[1].query.continue).toEqual(expect.any(String));
  });
});
