import { randomBytes } from 'node:crypto';
import { SchemaValidator, toFieldProblems } from '@portico/http';
import { startUpstreamFake, type UpstreamFake, type UpstreamReply, type UpstreamRequest, type UpstreamRoute } from '@portico/test-utils';
import type { SoftwareVersion, Tenant, TenantConfiguration } from '../tenant/tenant-admin-types';
import { requestSchemaOf, responseSchemaOf } from './tenant-admin-contract';

// A local implementation of the shipped tenant admin contract: request bodies are checked against
// the contract's schemas (a mismatch is a 400 kept in `upstream.rejected`), and every answer it
// gives is checked against the contract's response schema for that status, so the fake cannot
// drift from the document companies implement.

export interface FakeTenantService {
  readonly url: string;
  readonly upstream: UpstreamFake;
  readonly token: string;
  readonly tenants: Map<string, Tenant & { configuration: TenantConfiguration }>;
  versions: SoftwareVersion[];
  /** Answers the contract found wrong, which a test asserts is empty. */
  readonly contractViolations: string[];
  close(): Promise<void>;
}

const validator = new SchemaValidator();

function problem(status: number, title: string, detail: string): UpstreamReply {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { type: 'about:blank', title, status, detail } };
}

export async function startFakeTenantService(): Promise<FakeTenantService> {
  const token = `tenant-${randomBytes(8).toString('hex')}`;
  const tenants = new Map<string, Tenant & { configuration: TenantConfiguration }>();
  const contractViolations: string[] = [];
  const state = { versions: [{ version: '2.1.0', releasedAt: '2026-11-20T00:00:00Z' }, { version: '2.0.3', releasedAt: '2026-10-01T00:00:00Z' }, { version: '1.9.0' }] as SoftwareVersion[] };
  const publicTenant = ({ configuration: _c, ...tenant }: Tenant & { configuration: TenantConfiguration }): Tenant => tenant;
  const notFound = (id: string): UpstreamReply => problem(404, 'Not found', `No tenant ${id}`);

  /** Checks the answer against the contract before sending it. */
  const operation = (method: string, path: string, handle: (request: UpstreamRequest) => UpstreamReply, withBody = false): UpstreamRoute => ({
    route: `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
    ...(withBody ? { request: { body: requestSchemaOf(method, path) } } : {}),
    handle: (request) => {
      const reply = handle(request);
      const status = reply.status ?? 200;
      const schema = responseSchemaOf(method, path, status);
      if (schema) {
        const validate = validator.compile(schema);
        if (!validate(reply.body)) contractViolations.push(`${method} ${path} ${status}: ${toFieldProblems(validate.errors).map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
      } else if (reply.body !== undefined) {
        contractViolations.push(`${method} ${path} ${status}: the contract gives this answer no body`);
      }
      return reply;
    },
  });

  const routes: UpstreamRoute[] = [
    operation(
      'POST',
      '/tenants',
      ({ body }) => {
        const input = body as { id: string; name: string; region: string; plan: string; configuration: TenantConfiguration; version?: string };
        if (tenants.has(input.id)) return problem(409, 'Conflict', `Tenant ${input.id} already exists`);
        const version = input.version ?? state.versions[0].version;
        if (!state.versions.some((v) => v.version === version)) return problem(422, 'Unprocessable', `Unknown version ${version}`);
        const tenant = { id: input.id, name: input.name, region: input.region, plan: input.plan, version, status: 'active' as const, createdAt: new Date().toISOString(), configuration: input.configuration };
        tenants.set(tenant.id, tenant);
        return { status: 201, body: publicTenant(tenant) };
      },
      true,
    ),
    operation('GET', '/tenants/{tenantId}', ({ params }) => {
      const tenant = tenants.get(params.tenantId);
      return tenant ? { body: publicTenant(tenant) } : notFound(params.tenantId);
    }),
    operation('DELETE', '/tenants/{tenantId}', ({ params }) => (tenants.delete(params.tenantId) ? { status: 204 } : notFound(params.tenantId))),
    operation('GET', '/tenants/{tenantId}/configuration', ({ params }) => {
      const tenant = tenants.get(params.tenantId);
      return tenant ? { body: tenant.configuration } : notFound(params.tenantId);
    }),
    operation(
      'PUT',
      '/tenants/{tenantId}/configuration',
      ({ params, body }) => {
        const tenant = tenants.get(params.tenantId);
        if (!tenant) return notFound(params.tenantId);
        tenant.configuration = body as TenantConfiguration;
        return { body: tenant.configuration };
      },
      true,
    ),
    operation(
      'PUT',
      '/tenants/{tenantId}/version',
      ({ params, body }) => {
        const tenant = tenants.get(params.tenantId);
        if (!tenant) return notFound(params.tenantId);
        const { version } = body as { version: string };
        if (!state.versions.some((v) => v.version === version)) return problem(422, 'Unprocessable', `Unknown version ${version}`);
        tenant.version = version;
        return { body: publicTenant(tenant) };
      },
      true,
    ),
    operation('GET', '/versions', () => ({ body: { items: state.versions } })),
  ];

  const upstream = await startUpstreamFake({
    name: 'Tenant service',
    routes,
    contentType: 'application/json',
    errorBody: (status, message) => ({ type: 'about:blank', title: status === 400 ? 'Bad request' : 'Error', status, detail: message }),
    authenticate: (request) => (request.headers.authorization === `Bearer ${token}` ? undefined : problem(401, 'Unauthorized', 'Missing or wrong bearer token')),
  });
  return {
    url: upstream.url,
    upstream,
    token,
    tenants,
    get versions() {
      return state.versions;
    },
    set versions(value: SoftwareVersion[]) {
      state.versions = value;
    },
    contractViolations,
    close: () => upstream.close(),
  };
}
