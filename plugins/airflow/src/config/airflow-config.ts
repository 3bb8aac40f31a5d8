import type { JsonSchema } from '@portico/plugin-api';

/**
 * One Airflow deployment the portal reads DAGs from and triggers runs on.
 * @public
 */
export interface InstanceConfig {
  /** Names the instance in entity ids (`<instance>.<dag>`, except for `default`). */
  id: string;
  /** The web server's (Airflow 2) or API server's (Airflow 3) root URL. */
  baseUrl: string;
  /** `v1`: Airflow 2.x stable REST API; `v2`: Airflow 3's public API. */
  apiVersion: 'v1' | 'v2';
  /** `basic` (v1), `bearer` (a pre-issued token), or `jwt` (v2: username and password exchanged at `/auth/token`). */
  auth: 'basic' | 'bearer' | 'jwt';
  usernameSecret: string;
  passwordSecret: string;
  tokenSecret: string;
  /** Where links to Airflow's UI point, when it is not `baseUrl`. */
  uiUrl?: string;
  /** The team that owns DAGs whose Airflow owners name no team of the portal. */
  owner?: string;
}

/**
 * One PostgreSQL database whose tables are cataloged and changed by the data engineering actions.
 * @public
 */
export interface DatabaseConfig {
  /** Entity id of the Database (and prefix of its tables' ids). */
  id: string;
  title?: string;
  /** Name of the secret holding its connection string (`postgres://user:pass@host:5432/db`). */
  connectionSecret: string;
  /** Schemas whose tables are cataloged (default: every schema but PostgreSQL's own). */
  schemas?: string[];
  /** The team that owns its tables: it approves removing a column or changing a column's type. */
  owner?: string;
}

/**
 * What the config says about one DAG, on top of what Airflow says.
 * @public
 */
export interface DagSettings {
  dagId: string;
  instance?: string;
  /** A JSON Schema the `conf` of a triggered run must satisfy (also the Run DAG form). */
  confSchema?: JsonSchema;
  /** Table entity ids the DAG reads from and writes to. */
  reads?: string[];
  writes?: string[];
}

/**
 * `plugins[].config` of the Airflow plugin, with every default filled in.
 * @public
 */
export interface AirflowConfig {
  /** Demos only: an in-process Airflow and an embedded sample database; nothing real changes. */
  simulated: boolean;
  instances: InstanceConfig[];
  databases: DatabaseConfig[];
  dags: DagSettings[];
  /** Resync of DAGs, runs and tables, in ms. */
  syncIntervalMs: number;
  /** How many recent runs of each DAG are ingested (and shown in the grid). */
  recentRuns: number;
  /** How long a DDL statement waits for its table's lock before giving up, in ms. */
  lockTimeoutMs: number;
  /** How long a DDL statement (with a type conversion's rewrite) may run, in ms. */
  statementTimeoutMs: number;
  /** Wait between two reads of a run that Run DAG follows, in ms. */
  followIntervalMs: number;
  /** How long Run DAG and Clear failed tasks follow a run before giving up (the run goes on in Airflow), in ms. */
  followTimeoutMs: number;
  /** How long a destructive change waits for its approval before the request expires, in ms. */
  approvalTimeoutMs: number;
  /** Who approves a destructive change of a table that has no owner. */
  fallbackApproverTeam: string;
}

const ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';
const secretName = { type: 'string', minLength: 1 };

/** @public */
export const airflowConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    simulated: { type: 'boolean', description: 'Demos only: an in-process Airflow and an embedded sample database; nothing real changes.' },
    instances: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'baseUrl'],
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          baseUrl: { type: 'string', format: 'uri' },
          apiVersion: { type: 'string', enum: ['v1', 'v2'] },
          auth: { type: 'string', enum: ['basic', 'bearer', 'jwt'] },
          usernameSecret: secretName,
          passwordSecret: secretName,
          tokenSecret: secretName,
          uiUrl: { type: 'string', format: 'uri' },
          owner: { type: 'string', pattern: ID_PATTERN },
        },
      },
    },
    databases: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'connectionSecret'],
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          title: { type: 'string' },
          connectionSecret: secretName,
          schemas: { type: 'array', items: { type: 'string', minLength: 1 } },
          owner: { type: 'string', pattern: ID_PATTERN },
        },
      },
    },
    dags: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['dagId'],
        properties: {
          dagId: { type: 'string', minLength: 1 },
          instance: { type: 'string', pattern: ID_PATTERN },
          confSchema: { type: 'object' },
          reads: { type: 'array', items: { type: 'string' } },
          writes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
    recentRuns: { type: 'integer', minimum: 1, maximum: 100 },
    lockTimeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
    statementTimeoutMs: { type: 'integer', minimum: 1, maximum: 86_400_000 },
    followIntervalMs: { type: 'integer', minimum: 0 },
    followTimeoutMs: { type: 'integer', minimum: 1000 },
    approvalTimeoutMs: { type: 'integer', minimum: 1000 },
    fallbackApproverTeam: { type: 'string', pattern: ID_PATTERN },
  },
};

/**
 * Fills defaults in code rather than in the schema, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveAirflowConfig(raw: Partial<Record<keyof AirflowConfig, unknown>> = {}): AirflowConfig {
  const r = raw as Partial<AirflowConfig> & { instances?: Array<Partial<InstanceConfig> & { id: string; baseUrl: string }> };
  const instances = (r.instances ?? []).map((i): InstanceConfig => {
    const apiVersion = i.apiVersion ?? 'v1';
    const prefix = i.id === 'default' ? 'airflow' : `airflow-${i.id}`;
    return {
      ...i,
      apiVersion,
      auth: i.auth ?? (apiVersion === 'v1' ? 'basic' : 'jwt'),
      usernameSecret: i.usernameSecret ?? `${prefix}-username`,
      passwordSecret: i.passwordSecret ?? `${prefix}-password`,
      tokenSecret: i.tokenSecret ?? `${prefix}-token`,
    };
  });
  return {
    simulated: r.simulated ?? false,
    instances,
    databases: r.databases ?? [],
    dags: r.dags ?? [],
    syncIntervalMs: r.syncIntervalMs ?? 5 * 60 * 1000,
    recentRuns: r.recentRuns ?? 10,
    lockTimeoutMs: r.lockTimeoutMs ?? 5000,
    statementTimeoutMs: r.statementTimeoutMs ?? 10 * 60 * 1000,
    followIntervalMs: r.followIntervalMs ?? 5000,
    followTimeoutMs: r.followTimeoutMs ?? 12 * 60 * 60 * 1000,
    approvalTimeoutMs: r.approvalTimeoutMs ?? 3 * 24 * 60 * 60 * 1000,
    // Fails closed: a table nobody owns is approved by the portal's admins, never by "anyone".
    fallbackApproverTeam: r.fallbackApproverTeam ?? 'portal-admins',
  };
}

export function instanceConfig(config: AirflowConfig, instance: string): InstanceConfig {
  const found = config.instances.find((i) => i.id === instance);
  if (!found) throw new Error(`No Airflow instance "${instance}" is configured; the Airflow plugin's instances are: ${config.instances.map((i) => i.id).join(', ') || 'none'}.`);
  return found;
}

export function databaseConfig(config: AirflowConfig, database: string): DatabaseConfig {
  const found = config.databases.find((d) => d.id === database);
  if (!found) throw new Error(`No database "${database}" is configured; the Airflow plugin's databases are: ${config.databases.map((d) => d.id).join(', ') || 'none'}.`);
  return found;
}
