import { TenantApiError, tenantApiError } from './tenant-api-error';
import type { SoftwareVersion, Tenant, TenantAdmin, TenantConfiguration, TenantCreate } from './tenant-admin-types';

/** @public */
export interface TenantAdminClientOptions {
  /** Where the service serves the contract, e.g. `https://tenants.internal/tenant-admin/v1`. */
  baseUrl: string;
  /** Read on every request, so a rotated token is used without a restart. */
  token(): Promise<string | undefined>;
  fetch?: typeof fetch;
}

/**
 * A client of the tenant admin contract shipped in `openapi/tenant-admin.openapi.json`.
 * @public
 */
export class TenantAdminClient implements TenantAdmin {
  constructor(private readonly options: TenantAdminClientOptions) {}

  createTenant(tenant: TenantCreate): Promise<Tenant> {
    return this.request('POST', '/tenants', `to create the tenant ${tenant.id}`, tenant);
  }

  getTenant(id: string): Promise<Tenant> {
    return this.request('GET', `/tenants/${encodeURIComponent(id)}`, `to read the tenant ${id}`);
  }

  async deleteTenant(id: string): Promise<void> {
    await this.request('DELETE', `/tenants/${encodeURIComponent(id)}`, `to delete the tenant ${id}`);
  }

  getConfiguration(id: string): Promise<TenantConfiguration> {
    return this.request('GET', `/tenants/${encodeURIComponent(id)}/configuration`, `to read the configuration of ${id}`);
  }

  replaceConfiguration(id: string, configuration: TenantConfiguration): Promise<TenantConfiguration> {
    return this.request('PUT', `/tenants/${encodeURIComponent(id)}/configuration`, `to replace the configuration of ${id}`, configuration);
  }

  setVersion(id: string, version: string): Promise<Tenant> {
    return this.request('PUT', `/tenants/${encodeURIComponent(id)}/version`, `to move ${id} to version ${version}`, { version });
  }

  async listVersions(): Promise<SoftwareVersion[]> {
    return (await this.request<{ items: SoftwareVersion[] }>('GET', '/versions', 'to list software versions')).items;
  }

  private async request<T>(method: string, path: string, what: string, body?: unknown): Promise<T> {
    const token = await this.options.token();
    if (!token) throw new TenantApiError('No tenant API token: set the secret named by tenantApi.tokenSecret (PORTICO_SECRET_TENANT_API_TOKEN by default).', 401);
    const url = `${this.options.baseUrl}${path}`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method,
        headers: { accept: 'application/json', authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new TenantApiError(`Could not reach the tenant service at ${this.options.baseUrl} ${what}: ${(error as Error).message}. Check tenantApi.baseUrl.`, 0);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the text for the message
    }
    if (!response.ok) throw tenantApiError(`${method} ${path} (${what})`, response.status, parsed);
    return parsed as T;
  }
}
