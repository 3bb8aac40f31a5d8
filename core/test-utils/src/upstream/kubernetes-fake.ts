import type { JsonSchema } from '@portico/plugin-api';
import { INFERENCE_SERVICE_SCHEMA, newRollout, patchRollout, readInferenceService, type InferenceServiceRollout } from './kserve-inference-service';
import { startUpstreamFake, type UpstreamFake, type UpstreamReply, type UpstreamRequest, type UpstreamRoute } from './upstream-fake';

// A Kubernetes API server for tests, answering the documented shapes (core/v1, apps/v1,
// batch/v1, rbac.authorization.k8s.io/v1, and KServe's serving.kserve.io/v1beta1 custom resource)
// of exactly what Portico's plugins use: namespaces, Deployments and StatefulSets with their scale
// subresource, pods, RoleBindings, Jobs and InferenceServices.
// Errors are `Status` objects with the reason Kubernetes gives for each code. Watches are not served.

/**
 * The metadata every object carries (a subset of ObjectMeta).
 * @alpha
 */
export interface KubernetesObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
  generation?: number;
}

/**
 * Any object the fake stores: `apiVersion`, `kind`, `metadata` and the rest as Kubernetes sends it.
 * @alpha
 */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: KubernetesObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: unknown;
}

/** @alpha */
export interface KubernetesFakeOptions {
  /** The bearer token it accepts (default `k8s-test-token`); others get 401. */
  token?: string;
  /** How many reads of a new Job's status show it still active before it ends (default 1). */
  jobReadsBeforeDone?: number;
  /**
   * Called with each Job as it is created, before the answer: a test plays the Job's own work
   * here (e.g. the MLflow run a training Job logs).
   */
  onJobCreated?(job: KubernetesObject): void;
  /** Called with each Job as it ends (its status says how), before the answer that shows it ended. */
  onJobFinished?(job: KubernetesObject): void;
  /** How many reads of an InferenceService show a new revision not ready yet (default 1). */
  inferenceServiceReadsBeforeReady?: number;
}

/** @alpha */
export interface AddWorkloadOptions {
  namespace: string;
  name: string;
  replicas?: number;
  /** Labels of the object and its pod template (default `{ app: name }`). */
  labels?: Record<string, string>;
  image?: string;
  /** Ready pods (default: all of them). */
  readyReplicas?: number;
}

/**
 * The fake, its stored objects and helpers to arrange them.
 * @alpha
 */
export interface KubernetesFake extends UpstreamFake {
  readonly token: string;
  /** Objects by kind (`Namespace`, `Deployment`, `StatefulSet`, `Pod`, `RoleBinding`, `Job`, `InferenceService`). */
  objects(kind: string, namespace?: string): KubernetesObject[];
  find(kind: string, namespace: string | undefined, name: string): KubernetesObject | undefined;
  addNamespace(name: string, labels?: Record<string, string>): KubernetesObject;
  addDeployment(options: AddWorkloadOptions): KubernetesObject;
  addStatefulSet(options: AddWorkloadOptions): KubernetesObject;
  /** How the next Jobs end once they have been read enough (default `Complete`). */
  setJobOutcome(outcome: 'Complete' | 'Failed'): void;
  /** The next InferenceService revision (a create, or a patch that changes the model) fails: it never serves, and the service reports Ready False. */
  failNextRevision(): void;
}

const KINDS: Record<string, { apiVersion: string; kind: string; namespaced: boolean }> = {
  namespaces: { apiVersion: 'v1', kind: 'Namespace', namespaced: false },
  pods: { apiVersion: 'v1', kind: 'Pod', namespaced: true },
  deployments: { apiVersion: 'apps/v1', kind: 'Deployment', namespaced: true },
  statefulsets: { apiVersion: 'apps/v1', kind: 'StatefulSet', namespaced: true },
  rolebindings: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', namespaced: true },
  jobs: { apiVersion: 'batch/v1', kind: 'Job', namespaced: true },
  inferenceservices: { apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', namespaced: true },
};

const REASONS: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError' };

/**
 * A `Status` object, the body of every Kubernetes error.
 * @alpha
 */
export function kubernetesStatus(code: number, message: string, reason = REASONS[code] ?? 'Unknown', details?: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
}

const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const metadataSchema: JsonSchema = { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: DNS_LABEL, maxLength: 63 }, labels: { type: 'object', additionalProperties: { type: 'string' } }, annotations: { type: 'object', additionalProperties: { type: 'string' } } } };
const SCHEMAS = {
  namespace: { type: 'object', required: ['metadata'], properties: { metadata: metadataSchema } },
  scale: { type: 'object', required: ['spec'], properties: { metadata: { type: 'object' }, spec: { type: 'object', required: ['replicas'], properties: { replicas: { type: 'integer', minimum: 0 } } } } },
  deployment: {
    type: 'object',
    required: ['metadata', 'spec'],
    properties: {
      metadata: metadataSchema,
      spec: { type: 'object', required: ['selector', 'template'], properties: { replicas: { type: 'integer', minimum: 0 }, selector: { type: 'object' }, template: { type: 'object', required: ['spec'], properties: { spec: { type: 'object', required: ['containers'], properties: { containers: { type: 'array', minItems: 1, items: { type: 'object', required: ['name'] } } } } } } } },
    },
  },
  roleBinding: {
    type: 'object',
    required: ['metadata', 'roleRef'],
    properties: {
      metadata: metadataSchema,
      roleRef: { type: 'object', required: ['apiGroup', 'kind', 'name'], properties: { apiGroup: { type: 'string' }, kind: { type: 'string', enum: ['Role', 'ClusterRole'] }, name: { type: 'string' } } },
      subjects: { type: 'array', items: { type: 'object', required: ['kind', 'name'], properties: { kind: { type: 'string', enum: ['User', 'Group', 'ServiceAccount'] }, name: { type: 'string' }, apiGroup: { type: 'string' } } } },
    },
  },
  job: {
    type: 'object',
    required: ['metadata', 'spec'],
    properties: { metadata: metadataSchema, spec: { type: 'object', required: ['template'], properties: { template: { type: 'object', required: ['spec'], properties: { spec: { type: 'object', required: ['containers'], properties: { containers: { type: 'array', minItems: 1 }, restartPolicy: { enum: ['Never', 'OnFailure'] } } } } } } } },
  },
} satisfies Record<string, JsonSchema>;

function isObject(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value);
}

/** RFC 7386 JSON merge patch; a strategic merge patch of the fields used here merges the same way. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function matches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

/** `a=b,c=d` label selectors (equality only). */
function parseSelector(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return Object.fromEntries(value.split(',').map((part) => part.split('=').map((s) => s.trim()) as [string, string]));
}

/**
 * Starts a Kubernetes API fake on a free port. Point a kubeconfig's `server` at `fake.url`.
 * @alpha
 */
export async function startKubernetesFake(options: KubernetesFakeOptions = {}): Promise<KubernetesFake> {
  const token = options.token ?? 'k8s-test-token';
  const store = new Map<string, KubernetesObject>();
  let version = 1000;
  let uid = 0;
  let jobOutcome: 'Complete' | 'Failed' = 'Complete';
  const jobReads = new Map<string, number>();
  let failingRevisions = 0;
  const nextRevisionOutcome = (): 'Ready' | 'Failed' => (failingRevisions > 0 ? (failingRevisions--, 'Failed') : 'Ready');
  const rollouts = new Map<string, InferenceServiceRollout>();
  const key = (kind: string, namespace: string | undefined, name: string): string => `${kind}/${namespace ?? ''}/${name}`;
  const now = (): string => new Date().toISOString();
  const bump = (object: KubernetesObject): KubernetesObject => {
    object.metadata.resourceVersion = String(++version);
    if (object.spec) object.metadata.generation = (object.metadata.generation ?? 0) + 1;
    return object;
  };
  const put = (resource: string, body: Record<string, any>, namespace?: string): KubernetesObject => {
    const { apiVersion, kind } = KINDS[resource];
    const metadata = body.metadata as Partial<KubernetesObjectMeta>;
    const object: KubernetesObject = { ...body, apiVersion, kind, metadata: { ...metadata, name: metadata.name!, ...(namespace ? { namespace } : {}), uid: `uid-${++uid}`, resourceVersion: '0', creationTimestamp: now() } } as KubernetesObject;
    store.set(key(kind, namespace, object.metadata.name), bump(object));
    return object;
  };
  const list = (kind: string, namespace?: string): KubernetesObject[] => [...store.values()].filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
  const find = (kind: string, namespace: string | undefined, name: string): KubernetesObject | undefined => store.get(key(kind, namespace, name));

  /** Makes a workload's pods match its replicas, all Running and ready, and its status say so. */
  const reconcile = (workload: KubernetesObject, ready?: number): void => {
    const namespace = workload.metadata.namespace!;
    const replicas = workload.spec.replicas ?? 1;
    const labels = workload.spec.template?.metadata?.labels ?? workload.spec.selector?.matchLabels ?? {};
    const own = list('Pod', namespace).filter((p) => (p.metadata as { ownerName?: string }).ownerName === workload.metadata.name);
    for (const pod of own.slice(replicas)) store.delete(key('Pod', namespace, pod.metadata.name));
    for (let i = own.length; i < replicas; i++) {
      const pod = put('pods', { metadata: { name: `${workload.metadata.name}-${workload.kind === 'StatefulSet' ? i : `${(uid + 1).toString(36)}x${i}`}`, labels }, spec: { nodeName: `node-${(i % 3) + 1}`, containers: workload.spec.template?.spec?.containers ?? [] } }, namespace);
      (pod.metadata as { ownerName?: string }).ownerName = workload.metadata.name;
    }
    const readyCount = Math.min(ready ?? replicas, replicas);
    list('Pod', namespace)
      .filter((p) => (p.metadata as { ownerName?: string }).ownerName === workload.metadata.name)
      .forEach((pod, i) => {
        const isReady = i < readyCount;
        pod.status = { phase: isReady ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: isReady ? 'True' : 'False' }], containerStatuses: (pod.spec.containers as Array<{ name: string; image?: string }>).map((c) => ({ name: c.name, image: c.image, ready: isReady, restartCount: 0 })) };
      });
    workload.status = { observedGeneration: workload.metadata.generation, replicas, readyReplicas: readyCount, availableReplicas: readyCount, updatedReplicas: replicas };
  };

  const addWorkload = (resource: 'deployments' | 'statefulsets', o: AddWorkloadOptions): KubernetesObject => {
    const labels = o.labels ?? { app: o.name };
    const workload = put(resource, { metadata: { name: o.name, labels }, spec: { replicas: o.replicas ?? 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: o.name, image: o.image ?? `registry.example.com/${o.name}:1.0.0` }] } } } }, o.namespace);
    reconcile(workload, o.readyReplicas);
    return workload;
  };

  const notFound = (resource: string, name: string): UpstreamReply => ({ status: 404, body: kubernetesStatus(404, `${resource} "${name}" not found`, 'NotFound', { name, kind: resource }) });
  /** A list answer, chunked by `limit` with an opaque `continue` token as Kubernetes does. */
  const listOf = (resource: string, all: KubernetesObject[], query: Record<string, unknown> = {}): UpstreamReply => {
    const limit = typeof query.limit === 'string' && /^\d+$/.test(query.limit) && Number(query.limit) > 0 ? Number(query.limit) : Infinity;
    let start = 0;
    if (typeof query.continue === 'string' && query.continue) {
      start = Number(Buffer.from(query.continue, 'base64url').toString('utf8'));
      if (!Number.isInteger(start) || start < 0) return { status: 410, body: kubernetesStatus(410, 'The provided continue parameter is too old to display a consistent list result.', 'Expired') };
    }
    const items = all.slice(start, start + limit);
    const next = start + items.length < all.length ? Buffer.from(String(start + items.length)).toString('base64url') : undefined;
    return { body: { apiVersion: KINDS[resource].apiVersion, kind: `${KINDS[resource].kind}List`, metadata: { resourceVersion: String(version), ...(next ? { continue: next } : {}) }, items } };
  };
  const namespaceMissing = (namespace: string): UpstreamReply | undefined => (find('Namespace', undefined, namespace) ? undefined : notFound('namespaces', namespace));
  const create = (resource: string) => (req: UpstreamRequest): UpstreamReply => {
    const body = req.body as Record<string, any>;
    const namespace = KINDS[resource].namespaced ? req.params.namespace : undefined;
    if (namespace) {
      const missing = namespaceMissing(namespace);
      if (missing) return missing;
      if (find('Namespace', undefined, namespace)?.status?.phase === 'Terminating') return { status: 403, body: kubernetesStatus(403, `${resource} "${body.metadata.name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`, 'Forbidden') };
    }
    if (find(KINDS[resource].kind, namespace, body.metadata.name)) return { status: 409, body: kubernetesStatus(409, `${resource} "${body.metadata.name}" already exists`, 'AlreadyExists', { name: body.metadata.name, kind: resource }) };
    const object = put(resource, body, namespace);
    if (resource === 'namespaces') object.status = { phase: 'Active' };
    if (resource === 'deployments' || resource === 'statefulsets') reconcile(object);
    if (resource === 'jobs') {
      object.status = { active: 1, startTime: now() };
      options.onJobCreated?.(object);
    }
    if (resource === 'inferenceservices') rollouts.set(object.metadata.uid, newRollout(object.spec, nextRevisionOutcome()));
    return { status: 201, body: object };
  };
  const workloadRoutes = (resource: 'deployments' | 'statefulsets'): UpstreamRoute[] => {
    const kind = KINDS[resource].kind;
    const base = `/apis/apps/v1/namespaces/:namespace/${resource}/:name`;
    const target = (req: UpstreamRequest): KubernetesObject | undefined => find(kind, req.params.namespace, req.params.name);
    const scaleOf = (w: KubernetesObject) => ({ kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: w.metadata.name, namespace: w.metadata.namespace, uid: w.metadata.uid, resourceVersion: w.metadata.resourceVersion, creationTimestamp: w.metadata.creationTimestamp }, spec: { replicas: w.spec.replicas }, status: { replicas: w.status?.replicas ?? 0, selector: Object.entries(w.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',') } });
    const setReplicas = (req: UpstreamRequest, replicas: number): UpstreamReply => {
      const w = target(req)!;
      w.spec.replicas = replicas;
      bump(w);
      reconcile(w);
      return { body: scaleOf(w) };
    };
    return [
      { route: `GET /apis/apps/v1/${resource}`, handle: (req) => listOf(resource, list(kind).filter((w) => matches(parseSelector(req.query.labelSelector), w.metadata.labels)), req.query) },
      { route: `GET /apis/apps/v1/namespaces/:namespace/${resource}`, handle: (req) => listOf(resource, list(kind, req.params.namespace), req.query) },
      { route: `POST /apis/apps/v1/namespaces/:namespace/${resource}`, request: { body: SCHEMAS.deployment }, handle: create(resource) },
      { route: `GET ${base}`, handle: (req) => (target(req) ? { body: target(req) } : notFound(`${resource}.apps`, req.params.name)) },
      {
        route: `PATCH ${base}`,
        handle: (req) => {
          const w = target(req);
          if (!w) return notFound(`${resource}.apps`, req.params.name);
          const type = (req.headers['content-type'] ?? '').split(';')[0];
          if (type !== 'application/merge-patch+json' && type !== 'application/strategic-merge-patch+json') return { status: 415, body: kubernetesStatus(415, `the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json (got ${type || 'none'})`) };
          const patched = mergePatch(w, req.body) as KubernetesObject;
          Object.assign(w, { spec: patched.spec, metadata: { ...patched.metadata, name: w.metadata.name, namespace: w.metadata.namespace, uid: w.metadata.uid } });
          bump(w);
          reconcile(w);
          return { body: w };
        },
      },
      { route: `GET ${base}/scale`, handle: (req) => (target(req) ? { body: scaleOf(target(req)!) } : notFound(`${resource}.apps`, req.params.name)) },
      {
        route: `PUT ${base}/scale`,
        request: { body: SCHEMAS.scale },
        handle: (req) => {
          const w = target(req);
          if (!w) return notFound(`${resource}.apps`, req.params.name);
          const body = req.body as { metadata?: { resourceVersion?: string }; spec: { replicas: number } };
          const sent = body.metadata?.resourceVersion;
          if (sent && sent !== w.metadata.resourceVersion) return { status: 409, body: kubernetesStatus(409, `Operation cannot be fulfilled on ${resource}.apps "${w.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`, 'Conflict', { name: w.metadata.name, group: 'apps', kind: resource }) };
          return setReplicas(req, body.spec.replicas);
        },
      },
    ];
  };

  const inferenceServiceRoutes = (): UpstreamRoute[] => {
    const base = '/apis/serving.kserve.io/v1beta1';
    const read = (isvc: KubernetesObject): KubernetesObject => {
      isvc.status = readInferenceService(isvc, rollouts.get(isvc.metadata.uid)!, options.inferenceServiceReadsBeforeReady ?? 1);
      return isvc;
    };
    const target = (req: UpstreamRequest) => find('InferenceService', req.params.namespace, req.params.name);
    return [
      { route: `GET ${base}/inferenceservices`, handle: (req) => listOf('inferenceservices', list('InferenceService').map(read), req.query) },
      { route: `GET ${base}/namespaces/:namespace/inferenceservices`, handle: (req) => listOf('inferenceservices', list('InferenceService', req.params.namespace).map(read), req.query) },
      { route: `POST ${base}/namespaces/:namespace/inferenceservices`, request: { body: INFERENCE_SERVICE_SCHEMA }, handle: create('inferenceservices') },
      { route: `GET ${base}/namespaces/:namespace/inferenceservices/:name`, handle: (req) => (target(req) ? { body: read(target(req)!) } : notFound('inferenceservices.serving.kserve.io', req.params.name)) },
      {
        route: `PATCH ${base}/namespaces/:namespace/inferenceservices/:name`,
        handle: (req) => {
          const isvc = target(req);
          if (!isvc) return notFound('inferenceservices.serving.kserve.io', req.params.name);
          // Custom resources take JSON and merge patches only: a strategic merge patch is refused (415), as Kubernetes does.
          const type = (req.headers['content-type'] ?? '').split(';')[0];
          if (type !== 'application/merge-patch+json') return { status: 415, body: kubernetesStatus(415, `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml (got ${type || 'none'})`) };
          const patched = mergePatch(isvc, req.body) as KubernetesObject;
          Object.assign(isvc, { spec: patched.spec, metadata: { ...patched.metadata, name: isvc.metadata.name, namespace: isvc.metadata.namespace, uid: isvc.metadata.uid } });
          bump(isvc);
          patchRollout(rollouts.get(isvc.metadata.uid)!, isvc.spec, nextRevisionOutcome);
          return { body: isvc };
        },
      },
    ];
  };

  const fake = await startUpstreamFake({
    name: 'Kubernetes',
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? undefined : { status: 401, body: kubernetesStatus(401, 'Unauthorized') }),
    errorBody: (status, message) => kubernetesStatus(status, message),
    routes: [
      { route: 'GET /api/v1/namespaces', handle: (req) => listOf('namespaces', list('Namespace').filter((n) => matches(parseSelector(req.query.labelSelector), n.metadata.labels)), req.query) },
      { route: 'POST /api/v1/namespaces', request: { body: SCHEMAS.namespace }, handle: create('namespaces') },
      { route: 'GET /api/v1/namespaces/:name', handle: (req) => (find('Namespace', undefined, req.params.name) ? { body: find('Namespace', undefined, req.params.name) } : notFound('namespaces', req.params.name)) },
      {
        route: 'DELETE /api/v1/namespaces/:name',
        handle: (req) => {
          const ns = find('Namespace', undefined, req.params.name);
          if (!ns) return notFound('namespaces', req.params.name);
          // Kubernetes answers with the namespace, now Terminating; its contents go with it.
          for (const [k, o] of store) if (o.metadata.namespace === ns.metadata.name) store.delete(k);
          store.delete(key('Namespace', undefined, ns.metadata.name));
          return { body: { ...ns, metadata: { ...ns.metadata, deletionTimestamp: now() }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Terminating' } } };
        },
      },
      { route: 'GET /api/v1/pods', handle: (req) => listOf('pods', list('Pod').filter((p) => matches(parseSelector(req.query.labelSelector), p.metadata.labels)), req.query) },
      { route: 'GET /api/v1/namespaces/:namespace/pods', handle: (req) => listOf('pods', list('Pod', req.params.namespace).filter((p) => matches(parseSelector(req.query.labelSelector), p.metadata.labels)), req.query) },
      ...workloadRoutes('deployments'),
      ...workloadRoutes('statefulsets'),
      { route: 'GET /apis/rbac.authorization.k8s.io/v1/namespaces/:namespace/rolebindings', handle: (req) => listOf('rolebindings', list('RoleBinding', req.params.namespace), req.query) },
      { route: 'POST /apis/rbac.authorization.k8s.io/v1/namespaces/:namespace/rolebindings', request: { body: SCHEMAS.roleBinding }, handle: create('rolebindings') },
      { route: 'POST /apis/batch/v1/namespaces/:namespace/jobs', request: { body: SCHEMAS.job }, handle: create('jobs') },
      ...inferenceServiceRoutes(),
      {
        route: 'GET /apis/batch/v1/namespaces/:namespace/jobs/:name',
        handle: (req) => {
          const job = find('Job', req.params.namespace, req.params.name);
          if (!job) return notFound('jobs.batch', req.params.name);
          const reads = (jobReads.get(job.metadata.uid) ?? 0) + 1;
          jobReads.set(job.metadata.uid, reads);
          if (reads > (options.jobReadsBeforeDone ?? 1) && job.status?.active) {
            const done = jobOutcome === 'Complete';
            job.status = { startTime: job.status.startTime, ...(done ? { succeeded: 1, completionTime: now() } : { failed: 1 }), conditions: [{ type: done ? 'Complete' : 'Failed', status: 'True', ...(done ? {} : { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }) }] };
            bump(job);
            options.onJobFinished?.(job);
          }
          return { body: job };
        },
      },
    ],
  });

  return Object.assign(fake, {
    token,
    objects: (kind: string, namespace?: string) => list(kind, namespace),
    find,
    addNamespace: (name: string, labels?: Record<string, string>) => {
      const ns = put('namespaces', { metadata: { name, ...(labels ? { labels } : {}) } });
      ns.status = { phase: 'Active' };
      return ns;
    },
    addDeployment: (o: AddWorkloadOptions) => addWorkload('deployments', o),
    addStatefulSet: (o: AddWorkloadOptions) => addWorkload('statefulsets', o),
    setJobOutcome: (outcome: 'Complete' | 'Failed') => void (jobOutcome = outcome),
    failNextRevision: () => void (failingRevisions += 1),
  });
}
