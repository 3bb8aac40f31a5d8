/**
 * Shapes of the tenant admin contract (`openapi/tenant-admin.openapi.json`).
 * @public
 */
export type TenantConfiguration = Record<string, unknown>;

/** @public */
export interface TenantCreate {
  id: string;
  name: string;
  region: string;
  plan: string;
  configuration: TenantConfiguration;
  version?: string;
}

/** @public */
export interface Tenant {
  id: string;
  name: string;
  region: string;
  plan: string;
  version: string;
  status: 'provisioning' | 'active' | 'suspended';
  createdAt: string;
}

/** @public */
export interface SoftwareVersion {
  version: string;
  releasedAt?: string;
}

/**
 * The operations of the contract, as the actions use them (the HTTP client and the simulation both provide them).
 * @public
 */
export interface TenantAdmin {
  createTenant(tenant: TenantCreate): Promise<Tenant>;
  getTenant(id: string): Promise<Tenant>;
  deleteTenant(id: string): Promise<void>;
  getConfiguration(id: string): Promise<TenantConfiguration>;
  replaceConfiguration(id: string, configuration: TenantConfiguration): Promise<TenantConfiguration>;
  setVersion(id: string, version: string): Promise<Tenant>;
  listVersions(): Promise<SoftwareVersion[]>;
}
