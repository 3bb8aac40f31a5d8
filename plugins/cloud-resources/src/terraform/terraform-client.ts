import type { TerraformApi, TerraformRun, TerraformVariable, TerraformWorkspace, WorkspaceModule } from './terraform-api';
import { TerraformApiError, toTerraformApiError } from './terraform-api-error';

export interface TerraformClientOptions {
  baseUrl: string;
  organization: string;
  token: string;
}

interface Resource<A> {
  id: string;
  type: string;
  attributes: A;
}

const MEDIA_TYPE = 'application/vnd.api+json';

/**
 * HCP Terraform / Terraform Enterprise API v2 (JSON:API). HashiCorp ships no JavaScript
 * client (go-tfe and python-tfe are the official ones), so this speaks the documented API.
 */
export class TerraformClient implements TerraformApi {
  constructor(private readonly options: TerraformClientOptions) {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T | null> {
    const what = `${method} ${path}`;
    let res: Response;
    try {
      res = await fetch(`${this.options.baseUrl.replace(/\/$/, '')}/api/v2${path}`, {
        method,
        headers: { authorization: `Bearer ${this.options.token}`, accept: MEDIA_TYPE, ...(body ? { 'content-type': MEDIA_TYPE } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new TerraformApiError(`Terraform could not be reached for ${what} (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}): check terraform.baseUrl and the network.`, null);
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) throw toTerraformApiError(what, res.status, parsed);
    return (parsed as T) ?? null;
  }

  private get org(): string {
    return encodeURIComponent(this.options.organization);
  }

  async findWorkspace(name: string): Promise<TerraformWorkspace | null> {
    try {
      const doc = await this.request<{ data: Resource<{ name: string }> }>('GET', `/organizations/${this.org}/workspaces/${encodeURIComponent(name)}`);
      return doc ? { id: doc.data.id, name: doc.data.attributes.name } : null;
    } catch (error) {
      if ((error as TerraformApiError).status === 404) return null;
      throw error;
    }
  }

  async createWorkspace(name: string, module: WorkspaceModule, description: string): Promise<TerraformWorkspace> {
    const attributes = {
      name,
      description,
      'auto-apply': true,
      ...(module.directory ? { 'working-directory': module.directory } : {}),
      'vcs-repo': { identifier: module.repository, ...(module.branch ? { branch: module.branch } : {}), ...(module.oauthTokenId ? { 'oauth-token-id': module.oauthTokenId } : {}) },
    };
    const doc = await this.request<{ data: Resource<{ name: string }> }>('POST', `/organizations/${this.org}/workspaces`, { data: { type: 'workspaces', attributes } });
    return { id: doc!.data.id, name: doc!.data.attributes.name };
  }

  async listVariables(workspaceId: string): Promise<TerraformVariable[]> {
    const doc = await this.request<{ data: Array<Resource<{ key: string; value: string | null; hcl: boolean; sensitive: boolean; category: string }>> }>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/vars`);
    return (doc?.data ?? []).filter((v) => v.attributes.category === 'terraform').map((v) => ({ id: v.id, key: v.attributes.key, value: v.attributes.value, hcl: v.attributes.hcl, sensitive: v.attributes.sensitive }));
  }

  async setVariable(workspaceId: string, key: string, value: unknown, existing: TerraformVariable[]): Promise<void> {
    // Strings are sent as they are; numbers, booleans, lists and maps as HCL (JSON is valid HCL for them).
    const hcl = typeof value !== 'string';
    const attributes = { key, value: hcl ? JSON.stringify(value) : value, category: 'terraform', hcl, sensitive: false };
    const found = existing.find((v) => v.key === key);
    const ws = encodeURIComponent(workspaceId);
    if (found) await this.request('PATCH', `/workspaces/${ws}/vars/${encodeURIComponent(found.id)}`, { data: { id: found.id, type: 'vars', attributes } });
    else await this.request('POST', `/workspaces/${ws}/vars`, { data: { type: 'vars', attributes } });
  }

  async createRun(workspaceId: string, options: { message: string; isDestroy: boolean }): Promise<TerraformRun> {
    const doc = await this.request<{ data: RunResource }>('POST', '/runs', {
      data: { type: 'runs', attributes: { message: options.message, 'is-destroy': options.isDestroy }, relationships: { workspace: { data: { type: 'workspaces', id: workspaceId } } } },
    });
    return toRun(doc!.data);
  }

  async getRun(runId: string): Promise<TerraformRun> {
    const doc = await this.request<{ data: RunResource }>('GET', `/runs/${encodeURIComponent(runId)}`);
    return toRun(doc!.data);
  }

  async applyRun(runId: string, comment: string): Promise<void> {
    await this.request('POST', `/runs/${encodeURIComponent(runId)}/actions/apply`, { comment });
  }

  async outputs(workspaceId: string): Promise<Record<string, unknown>> {
    const doc = await this.request<{ data: Array<Resource<{ name: string; sensitive: boolean; value: unknown }>> }>('GET', `/workspaces/${encodeURIComponent(workspaceId)}/current-state-version-outputs`);
    return Object.fromEntries((doc?.data ?? []).map((o) => [o.attributes.name, o.attributes.sensitive ? null : o.attributes.value]));
  }

  workspaceUrl(workspaceName: string): string {
    return `${this.options.baseUrl.replace(/\/$/, '')}/app/${this.org}/workspaces/${encodeURIComponent(workspaceName)}`;
  }

  runUrl(workspaceName: string, runId: string): string {
    return `${this.workspaceUrl(workspaceName)}/runs/${encodeURIComponent(runId)}`;
  }
}

type RunResource = Resource<{ status: string; 'is-destroy': boolean; actions?: { 'is-confirmable'?: boolean } }>;

function toRun(data: RunResource): TerraformRun {
  return { id: data.id, status: data.attributes.status, isDestroy: data.attributes['is-destroy'], actionable: { canApply: Boolean(data.attributes.actions?.['is-confirmable']) } };
}
