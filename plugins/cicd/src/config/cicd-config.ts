import type { JsonSchema } from '@portico/plugin-api';

/** @public */
export interface EnvironmentConfig {
  id: string;
  title: string;
  tier: 'development' | 'staging' | 'production';
  url?: string;
}

/** @public */
export interface RepositoryConfig {
  /** `owner/name` on GitHub. */
  repository: string;
  /** Entity id of the Component it builds; default: the repository name. */
  component?: string;
}

/**
 * `plugins[].config` of the CI/CD plugin, with every default filled in.
 * @public
 */
export interface CicdConfig {
  sampleData: boolean;
  github: {
    /** `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
    baseUrl: string;
    /** Name of the secret holding the GitHub token (PORTICO_SECRET_<NAME> or the config's `secrets`). */
    tokenSecret: string;
    /** Name of the secret GitHub signs webhooks with. */
    webhookSecret: string;
    /** Demos only: serve the example organisation's repositories from a GitHub simulated in-process. */
    simulated: boolean;
  };
  repositories: RepositoryConfig[];
  environments: EnvironmentConfig[];
  /** How often the GitHub Actions provider resyncs, in ms. */
  syncIntervalMs: number;
  /** Pages of workflow runs (50 each) read per repository on a resync. */
  runPages: number;
  deploy: {
    /** Workflow file (or id) dispatched by deploy and revert. */
    workflow: string;
    /** Branch or tag to run it on; default: the repository's default branch. */
    ref?: string;
    pollIntervalMs: number;
    /** How long to wait for the dispatched run to appear. */
    findRunTimeoutMs: number;
  };
  scaffold: {
    /** `owner/name` of the template repository new services are created from. */
    templateRepository?: string;
    /** Organisation or user the new repositories belong to. */
    owner?: string;
    private: boolean;
  };
  forceMerge: {
    approvers: { users: string[]; teams: string[] };
    mergeMethod: 'merge' | 'squash' | 'rebase';
  };
  /** Prefix of the Actions variables that hold feature flags. */
  featureFlagPrefix: string;
}

const REPOSITORY_PATTERN = '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$';
const ENTITY_ID_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

export const DEFAULT_ENVIRONMENTS: EnvironmentConfig[] = [
  { id: 'development', title: 'Development', tier: 'development' },
  { id: 'staging', title: 'Staging', tier: 'staging' },
  { id: 'production', title: 'Production', tier: 'production' },
];

/** @public */
export const cicdConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    sampleData: { type: 'boolean', default: false, description: 'Load sample environments, deployments and a lock for the example organisation.' },
    github: {
      type: 'object',
      additionalProperties: false,
      properties: {
        baseUrl: { type: 'string', format: 'uri', description: 'GitHub REST base URL; https://<host>/api/v3 for GitHub Enterprise Server.' },
        tokenSecret: { type: 'string', minLength: 1 },
        webhookSecret: { type: 'string', minLength: 1 },
        simulated: { type: 'boolean', description: 'Demos only: a GitHub simulated in the portal process, with the example organisation.' },
      },
    },
    repositories: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['repository'],
        properties: {
          repository: { type: 'string', pattern: REPOSITORY_PATTERN },
          component: { type: 'string', pattern: ENTITY_ID_PATTERN },
        },
      },
    },
    environments: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'tier'],
        properties: {
          id: { type: 'string', pattern: ENTITY_ID_PATTERN },
          title: { type: 'string', minLength: 1 },
          tier: { type: 'string', enum: ['development', 'staging', 'production'] },
          url: { type: 'string', format: 'uri' },
        },
      },
    },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
    runPages: { type: 'integer', minimum: 1, maximum: 20 },
    deploy: {
      type: 'object',
      additionalProperties: false,
      properties: {
        workflow: { type: 'string', minLength: 1 },
        ref: { type: 'string', minLength: 1 },
        pollIntervalMs: { type: 'integer', minimum: 10 },
        findRunTimeoutMs: { type: 'integer', minimum: 100 },
      },
    },
    scaffold: {
      type: 'object',
      additionalProperties: false,
      properties: {
        templateRepository: { type: 'string', pattern: REPOSITORY_PATTERN },
        owner: { type: 'string', minLength: 1 },
        private: { type: 'boolean' },
      },
    },
    forceMerge: {
      type: 'object',
      additionalProperties: false,
      properties: {
        approvers: {
          type: 'object',
          additionalProperties: false,
          properties: { users: { type: 'array', items: { type: 'string' } }, teams: { type: 'array', items: { type: 'string' } } },
        },
        mergeMethod: { type: 'string', enum: ['merge', 'squash', 'rebase'] },
      },
    },
    featureFlagPrefix: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
  },
};

/**
 * Fills defaults in code rather than in the schema, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveCicdConfig(raw: Partial<Record<keyof CicdConfig, unknown>> = {}): CicdConfig {
  const r = raw as Partial<CicdConfig>;
  return {
    sampleData: r.sampleData ?? false,
    github: {
      baseUrl: r.github?.baseUrl ?? 'https://api.github.com',
      tokenSecret: r.github?.tokenSecret ?? 'github-token',
      webhookSecret: r.github?.webhookSecret ?? 'github-webhook-secret',
      simulated: r.github?.simulated ?? false,
    },
    repositories: r.repositories ?? [],
    environments: r.environments ?? DEFAULT_ENVIRONMENTS,
    syncIntervalMs: r.syncIntervalMs ?? 5 * 60 * 1000,
    runPages: r.runPages ?? 2,
    deploy: {
      workflow: r.deploy?.workflow ?? 'deploy.yml',
      ref: r.deploy?.ref,
      pollIntervalMs: r.deploy?.pollIntervalMs ?? 5000,
      findRunTimeoutMs: r.deploy?.findRunTimeoutMs ?? 120_000,
    },
    scaffold: { templateRepository: r.scaffold?.templateRepository, owner: r.scaffold?.owner, private: r.scaffold?.private ?? true },
    forceMerge: {
      approvers: forceMergeApprovers(r.forceMerge?.approvers),
      mergeMethod: r.forceMerge?.mergeMethod ?? 'squash',
    },
    featureFlagPrefix: r.featureFlagPrefix ?? 'FEATURE_',
  };
}

/**
 * Force-merge always needs an approval; with no approvers configured it falls back to the
 * `portal-admins` team, so the action fails closed instead of being approvable by anyone.
 */
function forceMergeApprovers(approvers: { users?: string[]; teams?: string[] } | undefined): { users: string[]; teams: string[] } {
  const users = approvers?.users ?? [];
  const teams = approvers?.teams ?? [];
  return users.length === 0 && teams.length === 0 ? { users: [], teams: ['portal-admins'] } : { users, teams };
}

/** `Acme/Cart.Service` → `acme.cart.service`: a valid entity id for ingested items. */
export function repositorySlug(fullName: string): string {
  return fullName.toLowerCase().replace('/', '.').replace(/[^a-z0-9._-]/g, '-');
}

/** The Component a configured repository builds, or null when the repository is not configured. */
export function componentForRepository(config: CicdConfig, fullName: string): string | null {
  const entry = config.repositories.find((r) => r.repository.toLowerCase() === fullName.toLowerCase());
  if (!entry) return null;
  return entry.component ?? entry.repository.split('/')[1].toLowerCase().replace(/[^a-z0-9._-]/g, '-');
}
