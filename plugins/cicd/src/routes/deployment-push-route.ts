import { ForbiddenError, ValidationError, hasPermission, type CatalogService, type FieldProblem, type HttpRoute, type Identity } from '@portico/plugin-api';
import { recordDeployment, type DeploymentStatus, type DeploymentStrategy } from '../deployments/deployment-records';

const ENTITY_ID = '^[a-z0-9][a-z0-9._-]*$';
/** Needed to push deployments at all. */
export const PUSH_PERMISSION = 'cicd.deployments.push';
/** Needed to record someone other than the caller as `deployedBy` (a CI system naming who triggered the pipeline). */
export const ATTRIBUTE_PERMISSION = 'cicd.deployments.attribute';

interface PushBody {
  service: string;
  environment: string;
  version: string;
  strategy?: DeploymentStrategy;
  status: DeploymentStatus;
  deployedAt?: string;
  url?: string;
  deployedBy?: string;
  externalId?: string;
}

/** What a CI system sends; the kernel checks it before the handler runs and the API document shows it. */
const PUSH_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['service', 'environment', 'version'],
  properties: {
    service: { type: 'string', pattern: ENTITY_ID, description: 'Id of the deployed component, e.g. "cart-service"' },
    environment: { type: 'string', pattern: ENTITY_ID, description: 'Id of the environment it reached, e.g. "production"' },
    version: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S', description: 'The deployed version, e.g. "1.4.2"' },
    strategy: { enum: ['canary', 'blue-green', 'rolling', 'recreate'] },
    status: { enum: ['in_progress', 'succeeded', 'failed', 'cancelled'], default: 'succeeded' },
    deployedAt: { type: 'string', format: 'date-time', description: 'When it happened (default: now)' },
    url: { type: 'string', pattern: '^https?://', description: 'Link to the pipeline run' },
    deployedBy: { type: 'string', description: `Who triggered it, when not the caller (needs ${ATTRIBUTE_PERMISSION})` },
    externalId: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,100}$', description: 'The CI system\'s id of the deployment: a report with the same id updates it' },
  },
  examples: [{ service: 'cart-service', environment: 'production', version: '1.4.2' }],
};

/** The recorded deployment entity (the catalog's shape, with the deployment's properties). */
const DEPLOYMENT_ENTITY = {
  type: 'object',
  required: ['kind', 'id', 'title', 'properties', 'relations'],
  properties: {
    kind: { const: 'deployment' },
    id: { type: 'string' },
    title: { type: 'string' },
    properties: {
      type: 'object',
      properties: { version: { type: 'string' }, status: { type: 'string' }, strategy: { type: 'string' }, deployedAt: { type: 'string', format: 'date-time' }, deployedBy: { type: 'string' }, url: { type: 'string' } },
    },
    relations: { type: 'object', properties: { service: { type: 'string' }, environment: { type: 'string' } } },
    meta: { type: 'object' },
  },
};

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
export function deploymentPushRoute(deps: { catalog: CatalogService }): HttpRoute<PushBody> {
  return {
    method: 'POST',
    path: '/deployments',
    auth: 'token',
    permission: PUSH_PERMISSION,
    summary: `Record a deployment reported by CI (needs ${PUSH_PERMISSION}; "deployedBy" other than the caller needs ${ATTRIBUTE_PERMISSION})`,
    body: PUSH_BODY,
    responses: {
      '201': { description: 'The deployment was recorded (or, with a known externalId, updated); Location names the entity', schema: DEPLOYMENT_ENTITY },
    },
    async handler(req) {
      const body = req.body;
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
          status: body.status,
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
