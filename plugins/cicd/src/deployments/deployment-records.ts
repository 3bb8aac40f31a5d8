import { ConflictError, type CatalogService, type Entity, type EntityInput } from '@portico/plugin-api';

export type CatalogAccess = Pick<CatalogService, 'get' | 'query' | 'upsert' | 'patch' | 'delete'>;

export type DeploymentStatus = 'in_progress' | 'succeeded' | 'failed' | 'cancelled';
export type DeploymentStrategy = 'canary' | 'blue-green' | 'rolling' | 'recreate';

export interface NewDeployment {
  service: string;
  environment: string;
  version: string;
  status: DeploymentStatus;
  strategy?: DeploymentStrategy;
  deployedAt?: string;
  deployedBy?: string;
  url?: string;
  source: string;
  actionRunId?: string;
  revertOf?: string;
  /** The reporter's own id for this deployment: reporting it again updates instead of duplicating. */
  externalId?: string;
}

/** Time-ordered and unique: `<service>.<environment>.<base36 ms><random>`. */
export function deploymentId(service: string, environment: string, at: Date = new Date()): string {
  const random = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${service}.${environment}.${at.getTime().toString(36)}${random}`;
}

export function lockId(service: string, environment: string): string {
  return `${service}.${environment}`;
}

export async function recordDeployment(catalog: CatalogAccess, deployment: NewDeployment, actor?: string): Promise<Entity> {
  const deployedAt = deployment.deployedAt ?? new Date().toISOString();
  const properties: Record<string, unknown> = { version: deployment.version, status: deployment.status, deployedAt, source: deployment.source };
  for (const key of ['strategy', 'deployedBy', 'url', 'actionRunId', 'revertOf', 'externalId'] as const) {
    if (deployment[key] !== undefined) properties[key] = deployment[key];
  }
  const entity: EntityInput = {
    kind: 'deployment',
    id: deployment.externalId
      ? `${deployment.service}.${deployment.environment}.ext-${deployment.externalId.toLowerCase().replace(/[^a-z0-9._-]/g, '-')}`
      : deploymentId(deployment.service, deployment.environment, new Date(deployedAt)),
    title: `${deployment.service} ${deployment.version} → ${deployment.environment}`,
    properties,
    relations: { service: deployment.service, environment: deployment.environment },
  };
  return catalog.upsert(entity, { actor });
}

/** Newest first. */
export async function listDeployments(
  catalog: CatalogAccess,
  service: string,
  environment: string,
  options: { status?: DeploymentStatus; limit?: number } = {},
): Promise<Entity[]> {
  const rules: Array<{ property: string; operator: '='; value: string }> = [
    { property: 'relations.service', operator: '=', value: service },
    { property: 'relations.environment', operator: '=', value: environment },
  ];
  if (options.status) rules.push({ property: 'status', operator: '=', value: options.status });
  const result = await catalog.query({ kind: 'deployment', filter: { combinator: 'and', rules }, sort: { property: 'deployedAt', order: 'desc' }, limit: options.limit ?? 50 });
  return result.items;
}

export async function findLock(catalog: CatalogAccess, service: string, environment: string): Promise<Entity | null> {
  return catalog.get({ kind: 'deployment-lock', id: lockId(service, environment) });
}

/** Refuses with a message naming who locked and why; deploy and revert call it before touching GitHub. */
export async function assertNotLocked(catalog: CatalogAccess, service: string, environment: string): Promise<void> {
  const lock = await findLock(catalog, service, environment);
  if (!lock) return;
  const { lockedBy, reason, lockedAt } = lock.properties as { lockedBy: string; reason: string; lockedAt: string };
  throw new ConflictError(`Deployments of ${service} to ${environment} are locked by ${lockedBy} since ${lockedAt}: ${reason}. Unlock them first.`, { lockedBy, reason }, 'deployment-locked');
}
