import { TenantApiError } from '../tenant/tenant-api-error';
import type { SoftwareVersion, Tenant, TenantAdmin, TenantConfiguration } from '../tenant/tenant-admin-types';
import type { SampleCustomer } from './sample-customers';

/** The tenant service simulated in memory for demos, with the sample customers' tenants. */
export function createSimulatedTenants(samples: SampleCustomer[], versions: string[]): TenantAdmin {
  const tenants = new Map<string, Tenant & { configuration: TenantConfiguration }>();
  for (const s of samples) tenants.set(s.id, { id: s.id, name: s.name, region: s.region, plan: s.plan, version: s.version, status: 'active', createdAt: new Date().toISOString(), configuration: s.configuration });
  const get = (id: string): Tenant & { configuration: TenantConfiguration } => {
    const tenant = tenants.get(id);
    if (!tenant) throw new TenantApiError(`The tenant service refused the request (404): No tenant ${id}. The tenant does not exist in the tenant service.`, 404);
    return tenant;
  };
  const strip = ({ configuration: _c, ...tenant }: Tenant & { configuration: TenantConfiguration }): Tenant => ({ ...tenant });
  const list: SoftwareVersion[] = versions.map((version) => ({ version }));
  return {
    createTenant: async (input) => {
      if (tenants.has(input.id)) throw new TenantApiError(`The tenant service refused POST /tenants (409): Tenant ${input.id} already exists.`, 409);
      const tenant = { ...input, version: input.version ?? versions[0], status: 'active' as const, createdAt: new Date().toISOString() };
      tenants.set(input.id, tenant);
      return strip(tenant);
    },
    getTenant: async (id) => strip(get(id)),
    deleteTenant: async (id) => void (get(id), tenants.delete(id)),
    getConfiguration: async (id) => ({ ...get(id).configuration }),
    replaceConfiguration: async (id, configuration) => ({ ...(get(id).configuration = configuration) }),
    setVersion: async (id, version) => {
      if (!versions.includes(version)) throw new TenantApiError(`The tenant service refused the version (422): Unknown version ${version}.`, 422);
      const tenant = get(id);
      tenant.version = version;
      return strip(tenant);
    },
    listVersions: async () => list,
  };
}
