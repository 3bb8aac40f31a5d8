import type { JsonSchema } from '@portico/plugin-api';

/**
 * The MLflow tracking server (REST API 2.0) the plugin reads and moves aliases on.
 * @public
 */
export interface MlflowConfig {
  /** Root URL of the tracking server; the API is under `/api/2.0/mlflow`. */
  baseUrl: string;
  /** Where links to MLflow's UI point, when it is not `baseUrl`. */
  uiUrl?: string;
  /** `none` (an open server), `bearer` (MLFLOW_TRACKING_TOKEN-style token) or `basic` (mlflow's basic-auth app). */
  auth: 'none' | 'bearer' | 'basic';
  tokenSecret: string;
  usernameSecret: string;
  passwordSecret: string;
}

/**
 * One Kubernetes cluster that runs Jobs and serves models with KServe.
 * @public
 */
export interface ClusterConfig {
  id: string;
  /** `token` (server + bearer token secret), `kubeconfig-secret`, `kubeconfig-file` or `in-cluster`. */
  auth: 'in-cluster' | 'kubeconfig-file' | 'kubeconfig-secret' | 'token';
  server?: string;
  tokenSecret?: string;
  kubeconfigSecret?: string;
  kubeconfigPath?: string;
  context?: string;
  skipTlsVerify?: boolean;
}

/**
 * Where the endpoints of one environment are served.
 * @public
 */
export interface ServingTarget {
  /** `production`, `staging`, ...: names the endpoint's id prefix; `production` needs approval to deploy. */
  environment: string;
  cluster: string;
  namespace: string;
}

/**
 * A Job the portal starts from a form: the image and command, and the JSON Schema of its parameters.
 * @public
 */
export interface JobTemplate {
  id: string;
  title?: string;
  cluster: string;
  namespace: string;
  image: string;
  command: string[];
  /** JSON Schema of the parameters form; each parameter reaches the Job as `--<name>=<value>`. */
  parameters: JsonSchema;
  /** Training: the MLflow experiment its runs log to (MLFLOW_EXPERIMENT_NAME). */
  experiment?: string;
  /** Training: the registered model its runs register a version of. */
  model?: string;
  /** Pre-processing: where the dataset is written, `{dataset}` and `{run}` substituted. */
  outputUri?: string;
  serviceAccountName?: string;
  /** Default requests, overridable in the form. */
  cpu: string;
  memory: string;
  gpu: number;
}

/**
 * A notebook image people pick from.
 * @public
 */
export interface NotebookImage {
  id: string;
  title?: string;
  image: string;
}

/**
 * A size people pick from: what the spawner is asked for.
 * @public
 */
export interface NotebookSize {
  id: string;
  cpu: string;
  memory: string;
  gpu: number;
}

/** @public */
export interface JupyterHubConfig {
  /** The hub's root URL; the REST API is under `<baseUrl>/hub/api`. */
  baseUrl: string;
  /** A token with the `admin:servers` (or `servers` and `read:users`) scope. */
  tokenSecret: string;
  images: NotebookImage[];
  sizes: NotebookSize[];
  /** Default lifetime of a notebook, in hours. */
  ttlHours: number;
  /** Longest lifetime of a notebook after it started, extensions included, in hours. */
  maxHours: number;
}

/**
 * `plugins[].config` of the ML plugin, with every default filled in.
 * @public
 */
export interface MlConfig {
  /** Demos only: in-process MLflow, Kubernetes and JupyterHub; actions change nothing real. */
  simulated: boolean;
  mlflow: MlflowConfig | null;
  clusters: ClusterConfig[];
  serving: ServingTarget[];
  /** The environment whose endpoints move the MLflow aliases `champion` and `challenger` (default `production`, or the only one). */
  aliasEnvironment: string;
  training: JobTemplate[];
  preprocessing: JobTemplate[];
  jupyterhub: JupyterHubConfig | null;
  /** The team that owns experiments and models whose MLflow tags name none (`portico.owner`). */
  defaultOwner?: string;
  /** Resync of MLflow and the clusters, in ms. */
  syncIntervalMs: number;
  /** How many recent runs of each experiment are ingested. */
  recentRuns: number;
  /** Wait between two reads of a Job, an InferenceService or a notebook being followed, in ms. */
  pollMs: number;
  /** How long Train and Pre-process follow their Job, in ms. */
  jobTimeoutMs: number;
  /** How long a deploy or traffic change waits for the InferenceService to be Ready, in ms. */
  readyTimeoutMs: number;
  /** Tests only: scales hours (notebook TTLs) down. */
  timeScale: number;
}

const ID = '^[a-z0-9][a-z0-9-]*$';
const secretName = { type: 'string', minLength: 1 };
const quantity = { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$' };

const jobTemplateSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'cluster', 'namespace', 'image', 'command'],
  properties: {
    id: { type: 'string', pattern: ID },
    title: { type: 'string' },
    cluster: { type: 'string', pattern: ID },
    namespace: { type: 'string', pattern: ID },
    image: { type: 'string', minLength: 1 },
    command: { type: 'array', minItems: 1, items: { type: 'string' } },
    parameters: { type: 'object' },
    experiment: { type: 'string', minLength: 1 },
    model: { type: 'string', minLength: 1 },
    outputUri: { type: 'string', minLength: 1 },
    serviceAccountName: { type: 'string', pattern: ID },
    cpu: quantity,
    memory: quantity,
    gpu: { type: 'integer', minimum: 0, maximum: 16 },
  },
};

/** @public */
export const mlConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    simulated: { type: 'boolean', description: 'Demos only: in-process MLflow, Kubernetes and JupyterHub; actions change nothing real.' },
    mlflow: {
      type: 'object',
      additionalProperties: false,
      required: ['baseUrl'],
      properties: { baseUrl: { type: 'string', format: 'uri' }, uiUrl: { type: 'string', format: 'uri' }, auth: { enum: ['none', 'bearer', 'basic'] }, tokenSecret: secretName, usernameSecret: secretName, passwordSecret: secretName },
    },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'auth'],
        properties: {
          id: { type: 'string', pattern: ID },
          auth: { enum: ['in-cluster', 'kubeconfig-file', 'kubeconfig-secret', 'token'] },
          server: { type: 'string', format: 'uri' },
          tokenSecret: secretName,
          kubeconfigSecret: secretName,
          kubeconfigPath: { type: 'string', minLength: 1 },
          context: { type: 'string', minLength: 1 },
          skipTlsVerify: { type: 'boolean' },
        },
        allOf: [
          { if: { properties: { auth: { const: 'kubeconfig-file' } } }, then: { required: ['kubeconfigPath'] } },
          { if: { properties: { auth: { const: 'kubeconfig-secret' } } }, then: { required: ['kubeconfigSecret'] } },
          { if: { properties: { auth: { const: 'token' } } }, then: { required: ['server', 'tokenSecret'] } },
        ],
      },
    },
    serving: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['environment', 'cluster', 'namespace'], properties: { environment: { type: 'string', pattern: ID }, cluster: { type: 'string', pattern: ID }, namespace: { type: 'string', pattern: ID } } },
    },
    aliasEnvironment: { type: 'string', pattern: ID, description: 'The environment whose endpoints move the champion and challenger aliases.' },
    training: { type: 'array', items: jobTemplateSchema },
    preprocessing: { type: 'array', items: jobTemplateSchema },
    jupyterhub: {
      type: 'object',
      additionalProperties: false,
      required: ['baseUrl'],
      properties: {
        baseUrl: { type: 'string', format: 'uri' },
        tokenSecret: secretName,
        images: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'image'], properties: { id: { type: 'string', pattern: ID }, title: { type: 'string' }, image: { type: 'string', minLength: 1 } } } },
        sizes: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'cpu', 'memory'], properties: { id: { type: 'string', pattern: ID }, cpu: quantity, memory: quantity, gpu: { type: 'integer', minimum: 0, maximum: 16 } } } },
        ttlHours: { type: 'number', exclusiveMinimum: 0, maximum: 72 },
        maxHours: { type: 'number', exclusiveMinimum: 0, maximum: 720 },
      },
    },
    defaultOwner: { type: 'string', pattern: ID },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
    recentRuns: { type: 'integer', minimum: 1, maximum: 1000 },
    pollMs: { type: 'integer', minimum: 0 },
    jobTimeoutMs: { type: 'integer', minimum: 1000 },
    readyTimeoutMs: { type: 'integer', minimum: 100 },
    timeScale: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  },
};

type Raw = Partial<Omit<MlConfig, 'mlflow' | 'jupyterhub' | 'training' | 'preprocessing'>> & {
  mlflow?: Partial<MlflowConfig> & { baseUrl: string };
  jupyterhub?: Partial<JupyterHubConfig> & { baseUrl: string };
  training?: Array<Partial<JobTemplate> & Pick<JobTemplate, 'id' | 'cluster' | 'namespace' | 'image' | 'command'>>;
  preprocessing?: Array<Partial<JobTemplate> & Pick<JobTemplate, 'id' | 'cluster' | 'namespace' | 'image' | 'command'>>;
};

function template(t: NonNullable<Raw['training']>[number]): JobTemplate {
  return { parameters: { type: 'object', additionalProperties: false, properties: {} }, cpu: '1', memory: '2Gi', gpu: 0, ...t };
}

/**
 * Fills defaults in code rather than in the schema, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveMlConfig(raw: Record<string, unknown> = {}): MlConfig {
  const r = raw as Raw;
  return {
    simulated: r.simulated ?? false,
    mlflow: r.mlflow ? { auth: 'none', tokenSecret: 'mlflow-token', usernameSecret: 'mlflow-username', passwordSecret: 'mlflow-password', ...r.mlflow } : null,
    clusters: r.clusters ?? [],
    serving: r.serving ?? [],
    aliasEnvironment: r.aliasEnvironment ?? (r.serving?.length === 1 ? r.serving[0].environment : 'production'),
    training: (r.training ?? []).map(template),
    preprocessing: (r.preprocessing ?? []).map(template),
    jupyterhub: r.jupyterhub
      ? {
          tokenSecret: 'jupyterhub-token',
          images: [{ id: 'scipy', title: 'SciPy notebook', image: 'quay.io/jupyter/scipy-notebook:2026-11-30' }],
          sizes: [{ id: 'small', cpu: '2', memory: '8Gi', gpu: 0 }],
          ...r.jupyterhub,
          ...(r.jupyterhub.sizes ? { sizes: r.jupyterhub.sizes.map((size) => ({ ...size, gpu: size.gpu ?? 0 })) } : {}),
          ttlHours: r.jupyterhub.ttlHours ?? 8,
          maxHours: r.jupyterhub.maxHours ?? 72,
        }
      : null,
    ...(r.defaultOwner ? { defaultOwner: r.defaultOwner } : {}),
    syncIntervalMs: r.syncIntervalMs ?? 5 * 60 * 1000,
    recentRuns: r.recentRuns ?? 50,
    pollMs: r.pollMs ?? 5000,
    jobTimeoutMs: r.jobTimeoutMs ?? 24 * 3600 * 1000,
    readyTimeoutMs: r.readyTimeoutMs ?? 15 * 60 * 1000,
    timeScale: r.timeScale ?? 1,
  };
}

/** The serving target of an environment, or a sentence naming the configured ones. */
export function servingTarget(config: MlConfig, environment: string): ServingTarget {
  const found = config.serving.find((s) => s.environment === environment);
  if (!found) throw new Error(`No serving environment "${environment}" is configured; the ML plugin's serving environments are: ${config.serving.map((s) => s.environment).join(', ') || 'none'}.`);
  return found;
}

/** Where `hours` of notebook time end, scaled for tests. */
export function hoursMs(config: MlConfig, hours: number): number {
  return hours * 3600 * 1000 * config.timeScale;
}
