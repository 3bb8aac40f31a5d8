import { PERMISSIONS, ValidationError, scopedPermission, type CatalogService, type HttpRoute } from '@portico/plugin-api';
import { buildDeploymentsMatrix } from '../deployments/deployments-matrix';

/** `GET /api/v1/plugins/cicd/deployments/matrix[?system=<id>]`: what the matrix widgets render. */
export function deploymentsMatrixRoute(deps: { catalog: CatalogService }): HttpRoute {
  return {
    method: 'GET',
    path: '/deployments/matrix',
    auth: 'user',
    // The matrix is made of deployment entities: whoever may read those may read it.
    permission: scopedPermission(PERMISSIONS.entityRead, 'deployment'),
    summary: 'Deployments per service and environment, for the matrix widgets',
    async handler(req) {
      const system = req.query.system;
      if (system !== undefined && (typeof system !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(system))) {
        throw new ValidationError('"system" must be one system id.', [{ pointer: '/query/system', message: 'must be an entity id' }]);
      }
      return { status: 200, body: await buildDeploymentsMatrix(deps.catalog, { system }) };
    },
  };
}
