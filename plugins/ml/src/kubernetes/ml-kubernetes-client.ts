import { BatchV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions, type V1Job } from '@kubernetes/client-node';
import { toKubernetesApiError } from './kubernetes-api-error';
import type { InferenceServiceInfo, JobSpec, JobState, MlKubernetesApi, PredictorSpec } from './ml-kubernetes-api';

const KSERVE = { group: 'serving.kserve.io', version: 'v1beta1', plural: 'inferenceservices' };

/** An InferenceService as the API server sends it, by the fields the plugin reads. */
interface WireInferenceService {
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { predictor?: { canaryTrafficPercent?: number; model?: { modelFormat?: { name?: string }; storageUri?: string } } };
  status?: {
    url?: string;
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string }>;
    components?: { predictor?: { latestReadyRevision?: string; latestCreatedRevision?: string; latestRolledoutRevision?: string; traffic?: Array<{ revisionName: string; percent?: number; latestRevision?: boolean }> } };
  };
}

function jobState(job: V1Job): JobState {
  const conditions = job.status?.conditions ?? [];
  const failed = conditions.find((c) => (c.type === 'Failed' || c.type === 'FailureTarget') && c.status === 'True');
  if (failed) return { phase: 'failed', message: [failed.reason, failed.message].filter(Boolean).join(': ') || 'the Job failed' };
  if (conditions.some((c) => (c.type === 'Complete' || c.type === 'SuccessCriteriaMet') && c.status === 'True')) return { phase: 'succeeded', message: null };
  return { phase: 'active', message: null };
}

/** An InferenceService as the plugin reads it: the predictor it asked for and what KServe reports. */
export function toInferenceService(o: WireInferenceService): InferenceServiceInfo {
  const predictor = o.spec?.predictor ?? {};
  const model = predictor.model ?? {};
  const status = o.status ?? {};
  const ready = (status.conditions ?? []).find((c) => c.type === 'Ready');
  const component = status.components?.predictor ?? {};
  return {
    namespace: o.metadata.namespace,
    name: o.metadata.name,
    labels: o.metadata.labels ?? {},
    annotations: o.metadata.annotations ?? {},
    predictor: { modelFormat: model.modelFormat?.name ?? 'unknown', storageUri: model.storageUri ?? '', canaryTrafficPercent: typeof predictor.canaryTrafficPercent === 'number' ? predictor.canaryTrafficPercent : null },
    url: status.url ?? null,
    ready: ready?.status === 'True',
    notReadyReason: ready && ready.status !== 'True' ? [ready.reason, ready.message].filter(Boolean).join(': ') || 'not ready' : ready ? null : 'KServe has not reported on it yet',
    traffic: (component.traffic ?? []).map((t) => ({ revisionName: t.revisionName, percent: Number(t.percent ?? 0), latestRevision: Boolean(t.latestRevision) })),
    latestReadyRevision: component.latestReadyRevision ?? null,
    latestCreatedRevision: component.latestCreatedRevision ?? null,
    latestRolledoutRevision: component.latestRolledoutRevision ?? null,
  };
}

/**
 * Jobs through BatchV1Api and InferenceServices through CustomObjectsApi of @kubernetes/client-node.
 * @public
 */
export class MlKubernetesClient implements MlKubernetesApi {
  private readonly batch: BatchV1Api;
  private readonly custom: CustomObjectsApi;

  constructor(
    private readonly cluster: string,
    kubeConfig: KubeConfig,
  ) {
    this.batch = kubeConfig.makeApiClient(BatchV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  private async call<T>(request: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toKubernetesApiError(this.cluster, request, error);
    }
  }

  private async orNull<T>(request: string, fn: () => Promise<T>): Promise<T | null> {
    try {
      return await this.call(request, fn);
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw error;
    }
  }

  async createJob(spec: JobSpec): Promise<void> {
    const limits: Record<string, string> = { memory: spec.memory, ...(spec.gpu > 0 ? { 'nvidia.com/gpu': String(spec.gpu) } : {}) };
    const body: V1Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: spec.name, labels: spec.labels },
      spec: {
        // The run follows one attempt; retries are the portal's to decide.
        backoffLimit: 0,
        ttlSecondsAfterFinished: 7 * 24 * 3600,
        template: {
          metadata: { labels: spec.labels },
          spec: {
            restartPolicy: 'Never',
            ...(spec.serviceAccountName ? { serviceAccountName: spec.serviceAccountName } : {}),
            containers: [{ name: 'main', image: spec.image, command: spec.command, args: spec.args, env: Object.entries(spec.env).map(([name, value]) => ({ name, value })), resources: { requests: { cpu: spec.cpu, memory: spec.memory, ...(spec.gpu > 0 ? { 'nvidia.com/gpu': String(spec.gpu) } : {}) }, limits } }],
          },
        },
      },
    };
    await this.call(`POST Job ${spec.namespace}/${spec.name}`, () => this.batch.createNamespacedJob({ namespace: spec.namespace, body }));
  }

  async getJob(namespace: string, name: string): Promise<JobState | null> {
    const job = await this.orNull(`GET Job ${namespace}/${name}`, () => this.batch.readNamespacedJob({ namespace, name }));
    return job ? jobState(job) : null;
  }

  async listInferenceServices(namespace: string): Promise<InferenceServiceInfo[]> {
    const list = (await this.call(`GET InferenceServices in ${namespace}`, () => this.custom.listNamespacedCustomObject({ ...KSERVE, namespace }))) as { items?: WireInferenceService[] };
    return (list.items ?? []).map(toInferenceService);
  }

  async getInferenceService(namespace: string, name: string): Promise<InferenceServiceInfo | null> {
    const object = await this.orNull(`GET InferenceService ${namespace}/${name}`, () => this.custom.getNamespacedCustomObject({ ...KSERVE, namespace, name }));
    return object ? toInferenceService(object as WireInferenceService) : null;
  }

  async createInferenceService(namespace: string, name: string, predictor: PredictorSpec, metadata: { labels: Record<string, string>; annotations: Record<string, string> }): Promise<void> {
    const body = {
      apiVersion: `${KSERVE.group}/${KSERVE.version}`,
      kind: 'InferenceService',
      metadata: { name, namespace, ...metadata },
      spec: { predictor: { ...(predictor.canaryTrafficPercent !== null ? { canaryTrafficPercent: predictor.canaryTrafficPercent } : {}), model: { modelFormat: { name: predictor.modelFormat }, storageUri: predictor.storageUri } } },
    };
    await this.call(`POST InferenceService ${namespace}/${name}`, () => this.custom.createNamespacedCustomObject({ ...KSERVE, namespace, body }));
  }

  async patchInferenceService(namespace: string, name: string, predictor: Partial<PredictorSpec>, annotations: Record<string, string | null>): Promise<void> {
    const model: { storageUri?: string; modelFormat?: { name: string } } = {};
    if (predictor.storageUri !== undefined) model.storageUri = predictor.storageUri;
    if (predictor.modelFormat !== undefined) model.modelFormat = { name: predictor.modelFormat };
    const spec: Record<string, unknown> = { ...(Object.keys(model).length ? { model } : {}), ...('canaryTrafficPercent' in predictor ? { canaryTrafficPercent: predictor.canaryTrafficPercent } : {}) };
    const body = { metadata: { annotations }, ...(Object.keys(spec).length ? { spec: { predictor: spec } } : {}) };
    await this.call(`PATCH InferenceService ${namespace}/${name}`, () => this.custom.patchNamespacedCustomObject({ ...KSERVE, namespace, name, body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch)));
  }
}
