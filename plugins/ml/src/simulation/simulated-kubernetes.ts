import type { InferenceServiceInfo, JobSpec, JobState, MlKubernetesApi, PredictorSpec } from '../kubernetes/ml-kubernetes-api';
import { KubernetesApiError } from '../kubernetes/kubernetes-api-error';
import { RUN_TAG } from '../ingestion/mlflow-entities';
import type { SimulatedMlflow } from './simulated-mlflow';

interface SimulatedJob {
  spec: JobSpec;
  reads: number;
  runId: string | null;
}

/**
 * The demo's cluster: a training Job logs an MLflow run (tagged as a real Job's code would) and
 * registers a model version when it ends; InferenceServices roll out on the next read, with
 * KServe's split between the rolled-out revision and the latest one.
 */
export class SimulatedKubernetes implements MlKubernetesApi {
  private readonly jobs = new Map<string, SimulatedJob>();
  private readonly services = new Map<string, InferenceServiceInfo & { revision: number; rolledOut: number }>();

  constructor(private readonly mlflow: SimulatedMlflow) {}

  async createJob(spec: JobSpec): Promise<void> {
    const key = `${spec.namespace}/${spec.name}`;
    if (this.jobs.has(key)) throw new KubernetesApiError(`Kubernetes (simulated) refused POST Job ${key} (409 AlreadyExists).`, 409);
    const experiment = spec.env.MLFLOW_EXPERIMENT_NAME;
    const run = experiment ? this.mlflow.addRun(experiment, { status: 'RUNNING', endTime: null, metrics: { loss: 0.9 }, params: Object.fromEntries(spec.args.map((a) => a.replace(/^--/, '').split('=') as [string, string])), tags: { [RUN_TAG]: spec.env.PORTICO_RUN_ID } }) : null;
    this.jobs.set(key, { spec, reads: 0, runId: run?.runId ?? null });
  }

  async getJob(namespace: string, name: string): Promise<JobState | null> {
    const job = this.jobs.get(`${namespace}/${name}`);
    if (!job) return null;
    job.reads += 1;
    const run = job.runId ? this.mlflow.runs.find((r) => r.runId === job.runId) : undefined;
    if (job.reads < 3) {
      if (run) run.metrics = { loss: [0.9, 0.7, 0.5][job.reads], accuracy: [0.8, 0.84, 0.88][job.reads] };
      return { phase: 'active', message: null };
    }
    if (run && run.status === 'RUNNING') {
      Object.assign(run, { status: 'FINISHED', endTime: Date.now(), metrics: { loss: 0.31, accuracy: 0.92, auc: 0.95 } });
      if (job.spec.env.PORTICO_REGISTERED_MODEL) this.mlflow.addVersion(job.spec.env.PORTICO_REGISTERED_MODEL, run.runId);
    }
    return { phase: 'succeeded', message: null };
  }

  async listInferenceServices(namespace: string): Promise<InferenceServiceInfo[]> {
    return [...this.services.values()].filter((s) => s.namespace === namespace).map((s) => this.status(s));
  }

  async getInferenceService(namespace: string, name: string): Promise<InferenceServiceInfo | null> {
    const s = this.services.get(`${namespace}/${name}`);
    return s ? this.status(s) : null;
  }

  async createInferenceService(namespace: string, name: string, predictor: PredictorSpec, metadata: { labels: Record<string, string>; annotations: Record<string, string> }): Promise<void> {
    this.services.set(`${namespace}/${name}`, { namespace, name, ...metadata, predictor, url: `https://${name}.${namespace}.models.example.com`, ready: true, notReadyReason: null, traffic: [], latestReadyRevision: null, latestCreatedRevision: null, latestRolledoutRevision: null, revision: 1, rolledOut: 1 });
  }

  async patchInferenceService(namespace: string, name: string, predictor: Partial<PredictorSpec>, annotations: Record<string, string | null>): Promise<void> {
    const s = this.services.get(`${namespace}/${name}`);
    if (!s) throw new KubernetesApiError(`Kubernetes (simulated) found nothing for PATCH InferenceService ${namespace}/${name} (404).`, 404);
    if (predictor.storageUri !== undefined && predictor.storageUri !== s.predictor.storageUri) s.revision += 1;
    s.predictor = { ...s.predictor, ...predictor };
    // Without a canary percentage the latest revision takes all traffic and becomes the rolled-out one.
    if (s.predictor.canaryTrafficPercent === null) s.rolledOut = s.revision;
    for (const [k, v] of Object.entries(annotations)) {
      if (v === null) delete s.annotations[k];
      else s.annotations[k] = v;
    }
  }

  private status(s: InferenceServiceInfo & { revision: number; rolledOut: number }): InferenceServiceInfo {
    const rev = (n: number) => `${s.name}-predictor-${String(n).padStart(5, '0')}`;
    const canary = s.predictor.canaryTrafficPercent;
    const traffic = s.rolledOut === s.revision || canary === null ? [{ revisionName: rev(s.revision), percent: 100, latestRevision: true }] : [{ revisionName: rev(s.rolledOut), percent: 100 - canary, latestRevision: false }, { revisionName: rev(s.revision), percent: canary, latestRevision: true }];
    return { ...s, traffic, latestReadyRevision: rev(s.revision), latestCreatedRevision: rev(s.revision), latestRolledoutRevision: rev(s.rolledOut) };
  }
}
