import { PERMISSIONS, scopedPermission, type CatalogService, type HttpRoute } from '@portico/plugin-api';
import { buildDeploymentsMatrix } from '../deployments/deployments-matrix';

const CELL = {
  type: 'object',
  required: ['version', 'deployedAt', 'deployment', 'url', 'latest', 'lock'],
  properties: {
    version: { type: ['string', 'null'], description: 'The version live now: the newest successful deployment' },
    deployedAt: { type: ['string', 'null'], format: 'date-time' },
    deployment: { type: ['string', 'null'], description: 'Id of that deployment entity' },
    url: { type: ['string', 'null'] },
    latest: {
      type: ['object', 'null'],
      description: 'The newest deployment when it is newer than the live one (running, failed, cancelled)',
      properties: { id: { type: 'string' }, version: { type: 'string' }, status: { type: 'string' }, deployedAt: { type: 'string', format: 'date-time' } },
    },
    lock: { type: ['object', 'null'], properties: { lockedBy: { type: 'string' }, reason: { type: 'string' }, lockedAt: { type: 'string', format: 'date-time' } } },
  },
};

/** The shape of `DeploymentsMatrix`, for the API document. */
const MATRIX = {
  type: 'object',
  required: ['environments', 'services'],
  properties: {
    environments: { type: 'array', items: { type: 'object', required: ['id', 'title', 'tier'], properties: { id: { type: 'string' }, title: { type: 'string' }, tier: { type: 'string' } } } },
    services: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'system', 'cells'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, system: { type: ['string', 'null'] }, cells: { type: 'object', description: 'One cell per environment id', additionalProperties: CELL } },
      },
    },
  },
};

/** `GET /api/v1/plugins/cicd/deployments/matrix[?system=<id>]`: what the matrix widgets render. */
export function deploymentsMatrixRoute(deps: { catalog: CatalogService }): HttpRoute {
  return {
    method: 'GET',
    path: '/deployments/matrix',
    auth: 'user',
    // The matrix is made of deployment entities: whoever may read those may read it.
    permission: scopedPermission(PERMISSIONS.entityRead, 'deployment'),
    summary: 'Deployments per service and environment, for the matrix widgets',
    query: { system: { description: 'Only the services of this system (its entity id)', schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' } } },
    responses: { '200': { description: 'Services by environment', schema: MATRIX } },
    async handler(req) {
      const system = req.query.system as string | undefined;
      return { status: 200, body: await buildDeploymentsMatrix(deps.catalog, { system }) };
    },
  };
}
