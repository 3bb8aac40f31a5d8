import { ForbiddenError, ValidationError, hasPermission, type CatalogService, type FieldProblem, type HttpRoute, type Identity } from '@portico/plugin-api';
import { recordDeployment, type DeploymentStatus, type DeploymentStrategy } from '../deployments/deployment-records';

const STRATEGIES = ['canary', 'blue-green', 'rolling', 'recreate'];
const STATUSES = ['in_progress', 'succeeded', 'failed', 'cancelled'];
/** Needed to push deployments at all. */
export const PUSH_PERMISSION = 'cicd.deployments.push';
/** Needed to record someone other than the caller as `deployedBy` (a CI system naming who triggered the pipeline). */
export const ATTRIBUTE_PERMISSION = 'cicd.deployments.attribute';

const FIELDS = new Set(['service', 'environment', 'version', 'strategy', 'status', 'deployedAt', 'url', 'deployedBy', 'externalId']);

interface PushBody {
  service: string;
  environment: string;
  version: string;
  strategy?: DeploymentStrategy;
  status?: DeploymentStatus;
  deployedAt?: string;
  url?: string;
  deployedBy?: string;
  externalId?: string;
}

function check(body: unknown): PushBody {
  const problems: FieldProblem[] = [];
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError('The body must be a JSON object such as {"service": "cart-service", "environment": "production", "version": "1.4.2"}.', [{ pointer: '/', message: 'must be an object' }]);
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) if (!FIELDS.has(key)) problems.push({ pointer: `/${key}`, message: 'is not an allowed property' });
  for (const key of ['service', 'environment', 'version']) {
    if (typeof b[key] !== 'string' || (b[key] as string).trim() === '') problems.push({ pointer: `/${key}`, message: 'is required and must be a non-empty string' });
  }
  for (const key of ['service', 'environment']) {
    if (typeof b[key] === 'string' && !/^[a-z0-9][a-z0-9._-]*$/.test(b[key] as string)) problems.push({ pointer: `/${key}`, message: 'must be an entity id' });
  }
  if (typeof b.version === 'string' && b.version.length > 100) problems.push({ pointer: '/version', message: 'must be at most 100 characters' });
  if (b.strategy !== undefined && !STRATEGIES.includes(b.strategy as string)) problems.push({ pointer: '/strategy', message: `must be one of ${JSON.stringify(STRATEGIES)}` });
  if (b.status !== undefined && !STATUSES.includes(b.status as string)) problems.push({ pointer: '/status', message: `must be one of ${JSON.stringify(STATUSES)}` });
  if (b.deployedAt !== undefined && (typeof b.deployedAt !== 'string' || Number.isNaN(Date.parse(b.deployedAt)))) problems.push({ pointer: '/deployedAt', message: 'must be a date-time' });
  if (b.url !== undefined && (typeof b.url !== 'string' || !/^https?:\/\//.test(b.url))) problems.push({ pointer: '/url', message: 'must be an http(s) URL' });
  if (b.deployedBy !== undefined && typeof b.deployedBy !== 'string') problems.push({ pointer: '/deployedBy', message: 'must be a string' });
  if (b.externalId !== undefined && (typeof b.externalId !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(b.externalId))) {
    problems.push({ pointer: '/externalId', message: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-"' });
  }
  if (problems.length > 0) throw new ValidationError(`The deployment is invalid: ${problems[0].pointer} ${problems[0].message}.`, problems);
  return b as unknown as PushBody;
}

/**
 * Who the deployment is recorded as made by: the caller, unless it names someone else and
 * holds ATTRIBUTE_PERMISSION; otherwise a 403, so nobody can pin a deployment on a colleague.
 */
function deployedByOf(identity: Identity, claimed: string | undefined): string {
  if (claimed === undefined || claimed === identity.displayName || claimed === identity.id) return identity.displayName;
  if (hasPermission(identity, ATTRIBUTE_PERMISSION)) return claimed;
  throw new ForbiddenError(
    `Recording a deployment as made by "${claimed}" needs the permission "${ATTRIBUTE_PERMISSION}", which ${identity.id} does not have; leave "deployedBy" out to record it as ${identity.displayName}.`,
    { permission: ATTRIBUTE_PERMISSION, identity: identity.id },
  );
}

/**
 * `POST /api/v1/plugins/cicd/deployments`: any CI system reports "service X version Y
 * reached environment Z" with an API token; the deployment then shows in every matrix.
 * With `externalId`, a retried report (or a status update) changes the same deployment.
 */
export function deploymentPushRoute(deps: { catalog: CatalogService }): HttpRoute {
  return {
    method: 'POST',
    path: '/deployments',
    auth: 'token',
    permission: PUSH_PERMISSION,
    summary: `Record a deployment reported by CI (needs ${PUSH_PERMISSION}; "deployedBy" other than the caller needs ${ATTRIBUTE_PERMISSION})`,
    async handler(req) {
      const body = check(req.body);
      const deployedBy = deployedByOf(req.identity, body.deployedBy);
      const problems: FieldProblem[] = [];
      if (!(await deps.catalog.get({ kind: 'component', id: body.service }))) problems.push({ pointer: '/service', message: `no component named ${body.service}` });
      if (!(await deps.catalog.get({ kind: 'environment', id: body.environment }))) problems.push({ pointer: '/environment', message: `no environment named ${body.environment}` });
      if (problems.length > 0) throw new ValidationError(`The deployment names unknown entities: ${problems.map((p) => p.message).join(', ')}.`, problems, 'unknown-entity');
      const deployment = await recordDeployment(
        deps.catalog,
        {
          service: body.service,
          environment: body.environment,
          version: body.version,
          status: body.status ?? 'succeeded',
          strategy: body.strategy,
          deployedAt: body.deployedAt ? new Date(body.deployedAt).toISOString() : undefined,
          url: body.url,
          deployedBy,
          source: 'api',
          externalId: body.externalId,
        },
        req.identity.id,
      );
      return { status: 201, headers: { location: `/api/v1/kinds/deployment/entities/${deployment.id}` }, body: deployment };
    },
  };
}
