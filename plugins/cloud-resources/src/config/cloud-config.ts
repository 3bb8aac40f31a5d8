import type { JsonSchema } from '@portico/plugin-api';

/**
 * One Kubernetes cluster the plugin reads workloads from and scales them on.
 * @public
 */
export interface ClusterConfig {
  /** Names the cluster in entity ids (`<cluster>.<namespace>.<workload>`). */
  id: string;
  title?: string;
  /**
   * Where its credentials come from: `in-cluster` (the portal's own service account),
   * `kubeconfig-file` (a path), `kubeconfig-secret` (a secret holding a kubeconfig's YAML) or
   * `token` (`server` plus a bearer token from `tokenSecret`).
   */
  auth: 'in-cluster' | 'kubeconfig-file' | 'kubeconfig-secret' | 'token';
  kubeconfigPath?: string;
  kubeconfigSecret?: string;
  /** The kubeconfig context to use (default: its current context). */
  context?: string;
  server?: string;
  tokenSecret?: string;
  /** Accept a self-signed API server certificate (token auth only; development clusters). */
  skipTlsVerify?: boolean;
  provider?: string;
  region?: string;
  /** Namespaces that are never ingested nor touched. */
  excludeNamespaces: string[];
}

/**
 * One AWS region (and account) whose auto-scaling groups are ingested.
 * @public
 */
export interface AutoScalingConfig {
  id: string;
  region: string;
  /** An endpoint override (LocalStack, a VPC endpoint, a test fake). */
  endpoint?: string;
  /** Secrets holding an access key pair; without them the SDK's default chain (role, env) is used. */
  accessKeyIdSecret?: string;
  secretAccessKeySecret?: string;
  /** The tag whose value names the Component a group serves. */
  componentTag: string;
  /** Attempts per request, throttling included (the SDK's standard retry). */
  maxAttempts: number;
}

/**
 * A Terraform module provisioning one type of cloud resource, and the form people fill to get one.
 * @public
 */
export interface ResourceTypeConfig {
  /** `bucket`, `database`, `cache`, `queue`, ... */
  type: string;
  title: string;
  provider: string;
  /** The module: a VCS repository (`org/repo`) the workspace runs, and its folder. */
  module: { repository: string; branch?: string; directory?: string; oauthTokenId?: string };
  /** JSON Schema of the Terraform variables people set (the provision and modify form). */
  variables: JsonSchema;
  /** Variable the access grant changes: a map of principal → role (default `access_grants`). */
  accessVariable?: string;
  /** Roles an access request may ask for. */
  roles: string[];
}

/** @public */
export interface TerraformConfig {
  /** HCP Terraform (`https://app.terraform.io`) or a Terraform Enterprise host. */
  baseUrl: string;
  organization: string;
  tokenSecret: string;
  /** Workspace names are `<prefix><resource id>`. */
  workspacePrefix: string;
  /** Wait between reads of a run's status, in ms. */
  pollMs: number;
  /** A run that has not finished after this long fails the action (the run itself goes on). */
  runTimeoutMs: number;
}

/**
 * An access grant applied by a webhook instead of a Terraform variable.
 * @public
 */
export interface AccessWebhookConfig {
  url: string;
  /** Secret whose value signs the body (HMAC-SHA256, header `X-Portico-Signature-256`). */
  secret?: string;
}

/** @public */
export interface EnvironmentConfig {
  cluster: string;
  /** Days a new environment lives. */
  ttlDays: number;
  /** Days one extension adds. */
  extendDays: number;
  /** No environment lives longer than this many days after it was created. */
  maxLifetimeDays: number;
  /** Hours before expiry the reminder fires. */
  reminderHours: number;
  /** `https://{namespace}.dev.example.com`: the environment's address. */
  urlTemplate: string;
  /** Services that can be deployed into an environment: Component id → image. */
  services: Array<{ component: string; image: string; port?: number }>;
  /** The Job that loads mock data. */
  mockData: { image: string; args: string[] };
  /** ClusterRole a member is bound to in the namespace. */
  memberRole: string;
  /** Wait between reads of the mock-data Job, in ms. */
  jobPollMs: number;
}

/**
 * A Terraform module people can add to a service's repository ("Add IaC to a service").
 * @public
 */
export interface IacModuleConfig {
  id: string;
  title: string;
  /** The module's `source` (a registry address or a Git URL). */
  source: string;
  version?: string;
  /** Folder the pull request adds, `{name}` replaced by the instance name (default `terraform/{name}`). */
  directory: string;
}

/** @public */
export interface GitHubConfig {
  /** `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  baseUrl: string;
  tokenSecret: string;
}

/**
 * `plugins[].config` of the cloud plugin, defaults filled in.
 * @public
 */
export interface CloudConfig {
  /** Demos only: in-process Kubernetes, AWS and Terraform with the example organisation; actions change nothing real. */
  simulated: boolean;
  clusters: ClusterConfig[];
  autoScaling: AutoScalingConfig[];
  terraform: TerraformConfig | null;
  resourceTypes: ResourceTypeConfig[];
  accessWebhook: AccessWebhookConfig | null;
  environments: EnvironmentConfig;
  /** Resync of clusters and groups, in ms. */
  syncIntervalMs: number;
  /** Highest pod count the scale action accepts. */
  maxReplicas: number;
  /** Multiplies every lifetime (environments, access grants): tests shorten days to seconds with a tiny value. */
  timeScale: number;
  iacModules: IacModuleConfig[];
  github: GitHubConfig;
}

const ID = '^[a-z0-9][a-z0-9-]*$';

/** @public */
export const cloudConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    simulated: { type: 'boolean', description: 'Demos only: in-process Kubernetes, AWS and Terraform; actions change nothing real.' },
    clusters: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'auth'],
        properties: {
          id: { type: 'string', pattern: ID },
          title: { type: 'string' },
          auth: { type: 'string', enum: ['in-cluster', 'kubeconfig-file', 'kubeconfig-secret', 'token'] },
          kubeconfigPath: { type: 'string', minLength: 1 },
          kubeconfigSecret: { type: 'string', minLength: 1 },
          context: { type: 'string', minLength: 1 },
          server: { type: 'string', format: 'uri' },
          tokenSecret: { type: 'string', minLength: 1 },
          skipTlsVerify: { type: 'boolean' },
          provider: { type: 'string' },
          region: { type: 'string' },
          excludeNamespaces: { type: 'array', items: { type: 'string' } },
        },
        allOf: [
          { if: { properties: { auth: { const: 'kubeconfig-file' } } }, then: { required: ['kubeconfigPath'] } },
          { if: { properties: { auth: { const: 'kubeconfig-secret' } } }, then: { required: ['kubeconfigSecret'] } },
          { if: { properties: { auth: { const: 'token' } } }, then: { required: ['server', 'tokenSecret'] } },
        ],
      },
    },
    autoScaling: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'region'],
        properties: {
          id: { type: 'string', pattern: ID },
          region: { type: 'string', minLength: 1 },
          endpoint: { type: 'string', format: 'uri' },
          accessKeyIdSecret: { type: 'string', minLength: 1 },
          secretAccessKeySecret: { type: 'string', minLength: 1 },
          componentTag: { type: 'string', minLength: 1 },
          maxAttempts: { type: 'integer', minimum: 1, maximum: 10 },
        },
      },
    },
    terraform: {
      type: 'object',
      additionalProperties: false,
      required: ['organization'],
      properties: {
        baseUrl: { type: 'string', format: 'uri' },
        organization: { type: 'string', minLength: 1 },
        tokenSecret: { type: 'string', minLength: 1 },
        workspacePrefix: { type: 'string', pattern: '^[A-Za-z0-9_-]*$' },
        pollMs: { type: 'integer', minimum: 10 },
        runTimeoutMs: { type: 'integer', minimum: 1000 },
      },
    },
    resourceTypes: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'module', 'variables'],
        properties: {
          type: { type: 'string', pattern: ID },
          title: { type: 'string' },
          provider: { type: 'string' },
          module: {
            type: 'object',
            additionalProperties: false,
            required: ['repository'],
            properties: { repository: { type: 'string', minLength: 1 }, branch: { type: 'string' }, directory: { type: 'string' }, oauthTokenId: { type: 'string' } },
          },
          variables: { type: 'object' },
          accessVariable: { type: 'string', minLength: 1 },
          roles: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        },
      },
    },
    accessWebhook: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: { url: { type: 'string', format: 'uri' }, secret: { type: 'string', minLength: 1 } },
    },
    environments: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cluster: { type: 'string', pattern: ID },
        ttlDays: { type: 'number', exclusiveMinimum: 0 },
        extendDays: { type: 'number', exclusiveMinimum: 0 },
        maxLifetimeDays: { type: 'number', exclusiveMinimum: 0 },
        reminderHours: { type: 'number', minimum: 0 },
        urlTemplate: { type: 'string', minLength: 1 },
        services: {
          type: 'array',
          items: { type: 'object', additionalProperties: false, required: ['component', 'image'], properties: { component: { type: 'string' }, image: { type: 'string' }, port: { type: 'integer' } } },
        },
        mockData: { type: 'object', additionalProperties: false, required: ['image'], properties: { image: { type: 'string' }, args: { type: 'array', items: { type: 'string' } } } },
        memberRole: { type: 'string', minLength: 1 },
        jobPollMs: { type: 'integer', minimum: 10 },
      },
    },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
    maxReplicas: { type: 'integer', minimum: 1 },
    timeScale: { type: 'number', exclusiveMinimum: 0, maximum: 1, description: 'Tests only: multiplies every lifetime (environments, access grants).' },
    iacModules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'source'],
        properties: { id: { type: 'string', pattern: ID }, title: { type: 'string' }, source: { type: 'string', minLength: 1 }, version: { type: 'string' }, directory: { type: 'string', pattern: '^[A-Za-z0-9._{}/-]+$' } },
      },
    },
    github: { type: 'object', additionalProperties: false, properties: { baseUrl: { type: 'string', format: 'uri' }, tokenSecret: { type: 'string', minLength: 1 } } },
  },
};

/**
 * The section as written: every field optional.
 * @public
 */
export interface RawCloudConfig {
  simulated?: boolean;
  clusters?: Array<Omit<ClusterConfig, 'excludeNamespaces'> & { excludeNamespaces?: string[] }>;
  autoScaling?: Array<Omit<AutoScalingConfig, 'componentTag' | 'maxAttempts'> & Partial<Pick<AutoScalingConfig, 'componentTag' | 'maxAttempts'>>>;
  terraform?: Partial<TerraformConfig> & { organization: string };
  resourceTypes?: Array<Omit<ResourceTypeConfig, 'title' | 'provider' | 'roles'> & Partial<Pick<ResourceTypeConfig, 'title' | 'provider' | 'roles'>>>;
  accessWebhook?: AccessWebhookConfig;
  environments?: Partial<Omit<EnvironmentConfig, 'mockData'>> & { mockData?: Partial<EnvironmentConfig['mockData']> };
  syncIntervalMs?: number;
  maxReplicas?: number;
  timeScale?: number;
  iacModules?: Array<Omit<IacModuleConfig, 'title' | 'directory'> & Partial<Pick<IacModuleConfig, 'title' | 'directory'>>>;
  github?: Partial<GitHubConfig>;
}

const DEFAULT_EXCLUDED = ['kube-system', 'kube-public', 'kube-node-lease'];

/**
 * Fills defaults in code, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveCloudConfig(r: RawCloudConfig = {}): CloudConfig {
  const clusters = (r.clusters ?? []).map((c) => ({ ...c, excludeNamespaces: c.excludeNamespaces ?? DEFAULT_EXCLUDED }));
  const env = r.environments ?? {};
  return {
    simulated: r.simulated ?? false,
    clusters,
    autoScaling: (r.autoScaling ?? []).map((a) => ({ ...a, componentTag: a.componentTag ?? 'portico.io/component', maxAttempts: a.maxAttempts ?? 3 })),
    terraform: r.terraform
      ? {
          ...r.terraform,
          baseUrl: r.terraform.baseUrl ?? 'https://app.terraform.io',
          tokenSecret: r.terraform.tokenSecret ?? 'terraform-token',
          workspacePrefix: r.terraform.workspacePrefix ?? 'portico-',
          pollMs: r.terraform.pollMs ?? 2000,
          runTimeoutMs: r.terraform.runTimeoutMs ?? 60 * 60 * 1000,
        }
      : null,
    resourceTypes: (r.resourceTypes ?? []).map((t) => ({ ...t, title: t.title ?? t.type, provider: t.provider ?? 'aws', roles: t.roles ?? ['read', 'write'] })),
    accessWebhook: r.accessWebhook ?? null,
    environments: {
      cluster: env.cluster ?? clusters[0]?.id ?? 'dev',
      ttlDays: env.ttlDays ?? 5,
      extendDays: env.extendDays ?? 3,
      maxLifetimeDays: env.maxLifetimeDays ?? 14,
      reminderHours: env.reminderHours ?? 24,
      urlTemplate: env.urlTemplate ?? 'https://{namespace}.dev.example.com',
      services: env.services ?? [],
      mockData: { image: env.mockData?.image ?? 'ghcr.io/example/mock-data-loader:latest', args: env.mockData?.args ?? [] },
      memberRole: env.memberRole ?? 'edit',
      jobPollMs: env.jobPollMs ?? 2000,
    },
    syncIntervalMs: r.syncIntervalMs ?? 60_000,
    maxReplicas: r.maxReplicas ?? 50,
    timeScale: r.timeScale ?? 1,
    iacModules: (r.iacModules ?? []).map((m) => ({ ...m, title: m.title ?? m.id, directory: m.directory ?? 'terraform/{name}' })),
    github: { baseUrl: r.github?.baseUrl ?? 'https://api.github.com', tokenSecret: r.github?.tokenSecret ?? 'github-token' },
  };
}
