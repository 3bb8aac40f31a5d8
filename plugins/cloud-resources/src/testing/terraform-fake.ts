import { startUpstreamFake, type UpstreamFake, type UpstreamReply } from '@portico/test-utils';

// HCP Terraform / Terraform Enterprise API v2 for tests: JSON:API documents for workspaces,
// variables, runs and state outputs, with a run moving one status further on each read
// (pending → plan_queued → planning → planned → apply_queued → applying → applied) unless told
// to error. Errors are JSON:API `errors` documents.

export interface FakeWorkspace {
  id: string;
  name: string;
  attributes: Record<string, unknown>;
  vars: Array<{ id: string; key: string; value: string; hcl: boolean; sensitive: boolean; category: string }>;
  outputs: Record<string, { value: unknown; sensitive: boolean }>;
}

export interface FakeRun {
  id: string;
  workspaceId: string;
  isDestroy: boolean;
  message: string;
  /** Statuses still to pass, the last one final. */
  script: string[];
  status: string;
  applyConfirmed: boolean;
}

export interface TerraformFake extends UpstreamFake {
  readonly token: string;
  readonly organization: string;
  readonly workspaces: FakeWorkspace[];
  readonly runs: FakeRun[];
  /** The next run errors during its plan. */
  failNextRun(): void;
}

const APPLY = ['plan_queued', 'planning', 'planned', 'apply_queued', 'applying', 'applied'];
const ERRORED = ['plan_queued', 'planning', 'errored'];
const jsonApiError = (status: number, title: string, detail?: string): UpstreamReply => ({ status, body: { errors: [{ status: String(status), title, ...(detail ? { detail } : {}) }] } });

/**
 * Starts the fake. `outputsFor` decides a workspace's outputs after an apply from its variables
 * (default: an `endpoint` named after the workspace).
 */
export async function startTerraformFake(options: { outputsFor?(workspace: FakeWorkspace): Record<string, unknown> } = {}): Promise<TerraformFake> {
  const token = 'tf-test-token';
  const organization = 'acme';
  const workspaces: FakeWorkspace[] = [];
  const runs: FakeRun[] = [];
  let seq = 0;
  let failNext = false;
  const nextId = (prefix: string): string => `${prefix}-${(++seq).toString(36).padStart(16, 'x')}`;
  const wsDoc = (w: FakeWorkspace) => ({ data: { id: w.id, type: 'workspaces', attributes: { ...w.attributes, name: w.name }, links: { self: `/api/v2/organizations/${organization}/workspaces/${w.name}` } } });
  const varDoc = (v: FakeWorkspace['vars'][number]) => ({ id: v.id, type: 'vars', attributes: { key: v.key, value: v.sensitive ? null : v.value, hcl: v.hcl, sensitive: v.sensitive, category: v.category } });
  const autoApply = (r: FakeRun): boolean => workspaces.find((w) => w.id === r.workspaceId)?.attributes['auto-apply'] === true;
  const runDoc = (r: FakeRun) => ({ data: { id: r.id, type: 'runs', attributes: { status: r.status, message: r.message, 'is-destroy': r.isDestroy, actions: { 'is-confirmable': r.status === 'planned' && !autoApply(r) && !r.applyConfirmed, 'is-cancelable': true } }, relationships: { workspace: { data: { id: r.workspaceId, type: 'workspaces' } } } } });
  const orgCheck = (org: string): UpstreamReply | undefined => (org === organization ? undefined : jsonApiError(404, 'not found'));
  const varBody = {
    type: 'object',
    required: ['data'],
    properties: { data: { type: 'object', required: ['type', 'attributes'], properties: { type: { const: 'vars' }, attributes: { type: 'object', required: ['key', 'category'], properties: { key: { type: 'string', minLength: 1 }, value: { type: 'string' }, category: { enum: ['terraform', 'env'] }, hcl: { type: 'boolean' }, sensitive: { type: 'boolean' } } } } } },
  };

  const fake = await startUpstreamFake({
    name: 'Terraform',
    contentType: 'application/vnd.api+json',
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? undefined : jsonApiError(401, 'unauthorized')),
    errorBody: (status, message) => ({ errors: [{ status: String(status), title: message }] }),
    routes: [
      {
        route: 'GET /api/v2/organizations/:org/workspaces/:name',
        handle: (req) => {
          const w = workspaces.find((x) => x.name === req.params.name);
          return orgCheck(req.params.org) ?? (w ? { body: wsDoc(w) } : jsonApiError(404, 'not found'));
        },
      },
      {
        route: 'POST /api/v2/organizations/:org/workspaces',
        request: { body: { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['type', 'attributes'], properties: { type: { const: 'workspaces' }, attributes: { type: 'object', required: ['name'], properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,90}$' }, 'vcs-repo': { type: 'object', required: ['identifier'] } } } } } } } },
        handle: (req) => {
          const refused = orgCheck(req.params.org);
          if (refused) return refused;
          const attributes = (req.body as { data: { attributes: Record<string, unknown> } }).data.attributes;
          if (workspaces.some((w) => w.name === attributes.name)) return { status: 422, body: { errors: [{ status: '422', title: 'invalid attribute', detail: 'Name has already been taken', source: { pointer: '/data/attributes/name' } }] } };
          const w: FakeWorkspace = { id: nextId('ws'), name: String(attributes.name), attributes, vars: [], outputs: {} };
          workspaces.push(w);
          return { status: 201, body: wsDoc(w) };
        },
      },
      {
        route: 'GET /api/v2/workspaces/:id/vars',
        handle: (req) => {
          const w = workspaces.find((x) => x.id === req.params.id);
          return w ? { body: { data: w.vars.map(varDoc) } } : jsonApiError(404, 'not found');
        },
      },
      {
        route: 'POST /api/v2/workspaces/:id/vars',
        request: { body: varBody },
        handle: (req) => {
          const w = workspaces.find((x) => x.id === req.params.id);
          if (!w) return jsonApiError(404, 'not found');
          const a = (req.body as { data: { attributes: { key: string; value?: string; hcl?: boolean; sensitive?: boolean; category: string } } }).data.attributes;
          if (w.vars.some((v) => v.key === a.key && v.category === a.category)) return { status: 422, body: { errors: [{ status: '422', title: 'invalid attribute', detail: 'Key has already been taken', source: { pointer: '/data/attributes/key' } }] } };
          const v = { id: nextId('var'), key: a.key, value: a.value ?? '', hcl: a.hcl ?? false, sensitive: a.sensitive ?? false, category: a.category };
          w.vars.push(v);
          return { status: 201, body: { data: varDoc(v) } };
        },
      },
      {
        route: 'PATCH /api/v2/workspaces/:id/vars/:varId',
        request: { body: varBody },
        handle: (req) => {
          const v = workspaces.find((x) => x.id === req.params.id)?.vars.find((x) => x.id === req.params.varId);
          if (!v) return jsonApiError(404, 'not found');
          Object.assign(v, (req.body as { data: { attributes: Record<string, unknown> } }).data.attributes);
          return { body: { data: varDoc(v) } };
        },
      },
      {
        route: 'POST /api/v2/runs',
        request: { body: { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['type', 'relationships'], properties: { type: { const: 'runs' }, attributes: { type: 'object', properties: { message: { type: 'string' }, 'is-destroy': { type: 'boolean' } } }, relationships: { type: 'object', required: ['workspace'], properties: { workspace: { type: 'object', required: ['data'], properties: { data: { type: 'object', required: ['type', 'id'], properties: { type: { const: 'workspaces' }, id: { type: 'string' } } } } } } } } } } } },
        handle: (req) => {
          const data = (req.body as { data: { attributes?: { message?: string; 'is-destroy'?: boolean }; relationships: { workspace: { data: { id: string } } } } }).data;
          const w = workspaces.find((x) => x.id === data.relationships.workspace.data.id);
          if (!w) return jsonApiError(404, 'not found');
          const r: FakeRun = { id: nextId('run'), workspaceId: w.id, isDestroy: data.attributes?.['is-destroy'] ?? false, message: data.attributes?.message ?? 'Queued manually via the Terraform Enterprise API', script: [...(failNext ? ERRORED : APPLY)], status: 'pending', applyConfirmed: false };
          failNext = false;
          runs.push(r);
          return { status: 201, body: runDoc(r) };
        },
      },
      {
        route: 'GET /api/v2/runs/:id',
        handle: (req) => {
          const r = runs.find((x) => x.id === req.params.id);
          if (!r) return jsonApiError(404, 'not found');
          // Without auto-apply, a planned run waits for someone to confirm the apply.
          const waiting = r.status === 'planned' && !autoApply(r) && !r.applyConfirmed;
          if (r.script.length > 0 && !waiting) {
            r.status = r.script.shift()!;
            if (r.status === 'applied') {
              const w = workspaces.find((x) => x.id === r.workspaceId)!;
              const produced = r.isDestroy ? {} : (options.outputsFor?.(w) ?? { endpoint: `https://${w.name}.example.com` });
              w.outputs = Object.fromEntries(Object.entries(produced).map(([k, value]) => [k, { value, sensitive: false }]));
            }
          }
          return { body: runDoc(r) };
        },
      },
      {
        route: 'POST /api/v2/runs/:id/actions/apply',
        handle: (req) => {
          const r = runs.find((x) => x.id === req.params.id);
          if (!r) return jsonApiError(404, 'not found');
          if (r.status !== 'planned') return jsonApiError(409, 'transition not allowed', `run is ${r.status}`);
          r.applyConfirmed = true;
          return { status: 202 };
        },
      },
      {
        route: 'GET /api/v2/workspaces/:id/current-state-version-outputs',
        handle: (req) => {
          const w = workspaces.find((x) => x.id === req.params.id);
          if (!w) return jsonApiError(404, 'not found');
          return { body: { data: Object.entries(w.outputs).map(([name, o], i) => ({ id: `wsout-${i}`, type: 'state-version-outputs', attributes: { name, sensitive: o.sensitive, type: typeof o.value, value: o.sensitive ? null : o.value, 'detailed-type': typeof o.value } })) } };
        },
      },
    ],
  });
  return Object.assign(fake, { token, organization, workspaces, runs, failNextRun: () => void (failNext = true) });
}
