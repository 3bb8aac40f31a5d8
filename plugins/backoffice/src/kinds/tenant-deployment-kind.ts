import type { KindDefinition } from '@portico/plugin-api';

/**
 * Where a customer's tenant runs. With `environment` and `component` set, software version
 * updates go through the CI/CD plugin's deploy action on that component and environment.
 * @public
 */
export const tenantDeploymentKind: KindDefinition = {
  id: 'tenant-deployment',
  title: 'Tenant deployment',
  description: "A customer's tenant in one environment, and the version it runs.",
  icon: 'dns',
  schema: {
    type: 'object',
    required: ['version'],
    properties: {
      version: { type: 'string', title: 'Version' },
      environment: { type: 'string', title: 'Environment', description: 'CI/CD environment id deploys go to.' },
      component: { type: 'string', title: 'Component', description: 'Component whose deploy workflow ships the tenant.' },
    },
  },
  // Where a tenant is deployed is for people to say, also on tenants the plugin wrote.
  editable: ['description', 'environment', 'component'],
  relations: {
    customer: { target: 'customer', required: true, title: 'Customer', inverse: 'deployments', inverseTitle: 'Tenant deployments' },
  },
};
