import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sodium from 'libsodium-wrappers';
import type { GitHubPullRequest, GitHubRepository, GitHubWorkflow, GitHubWorkflowRun, WorkflowRunConclusion } from '../github/github-types';

interface FakeRepository {
  repo: GitHubRepository;
  workflows: GitHubWorkflow[];
  runs: GitHubWorkflowRun[];
  secrets: Map<string, { encrypted: string; keyId: string }>;
  variables: Map<string, string>;
  pulls: Map<number, GitHubPullRequest & { mergedBy?: string }>;
  files: Map<string, { text: string; sha: string }>;
  branches: Map<string, string>;
  /** How dispatched runs of a workflow (by file name) end. */
  dispatchConclusion: Map<string, WorkflowRunConclusion>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

interface InjectedFailure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
  times: number;
}

type Handler = (match: RegExpMatchArray, req: RecordedRequest) => { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A local stand-in for GitHub's REST API that answers exactly the endpoints the plugin
 * calls, with GitHub's documented request and response shapes, `Link` pagination,
 * rate-limit headers and error bodies. Dispatched workflow runs advance one status per
 * read (queued → in_progress → completed) so a test can follow one without timers.
 */
export class FakeGitHubServer {
  readonly requests: RecordedRequest[] = [];
  token = 'test-token';
  /** Page size the fake uses whatever `per_page` says, so pagination is exercised with little data. */
  pageSize = 2;
  private readonly repos = new Map<string, FakeRepository>();
  private readonly failures: InjectedFailure[] = [];
  private server: Server | null = null;
  private nextId = 1000;
  private keyPair: { publicKey: Uint8Array; privateKey: Uint8Array } | null = null;
  private rateLimitRemaining = 5000;
  private readonly routes: Array<[string, RegExp, Handler]> = [];

  constructor() {
    const repo = '/repos/([^/]+)/([^/]+)';
    this.route('GET', `${repo}`, (m) => ({ status: 200, body: this.repoOf(m).repo }));
    this.route('GET', `${repo}/actions/workflows`, (m, req) => this.page(req, this.repoOf(m).workflows, 'workflows'));
    this.route('GET', `${repo}/actions/runs`, (m, req) => this.page(req, this.filterRuns(this.repoOf(m).runs, req.query), 'workflow_runs'));
    this.route('GET', `${repo}/actions/workflows/([^/]+)/runs`, (m, req) => {
      const workflow = this.workflowOf(m);
      return this.page(req, this.filterRuns(this.repoOf(m).runs.filter((r) => r.workflow_id === workflow.id), req.query), 'workflow_runs');
    });
    this.route('GET', `${repo}/actions/runs/(\\d+)`, (m) => {
      const run = this.repoOf(m).runs.find((r) => r.id === Number(m[3]));
      if (!run) return notFound();
      this.advance(this.repoOf(m), run);
      return { status: 200, body: run };
    });
    this.route('POST', `${repo}/actions/workflows/([^/]+)/dispatches`, (m, req) => this.dispatch(m, req));
    this.route('POST', `${repo}/generate`, (m, req) => this.generate(m, req));
    this.route('GET', `${repo}/actions/secrets/public-key`, (m) => (this.repoOf(m), { status: 200, body: this.publicKey() }));
    this.route('GET', `${repo}/environments/([^/]+)/secrets/public-key`, (m) => (this.repoOf(m), { status: 200, body: this.publicKey() }));
    this.route('PUT', `${repo}/actions/secrets/([^/]+)`, (m, req) => this.putSecret(this.repoOf(m), m[3], req));
    this.route('PUT', `${repo}/environments/([^/]+)/secrets/([^/]+)`, (m, req) => this.putSecret(this.repoOf(m), `${m[3]}:${m[4]}`, req));
    this.route('GET', `${repo}/actions/variables/([^/]+)`, (m) => this.getVariable(this.repoOf(m), m[3]));
    this.route('GET', `${repo}/environments/([^/]+)/variables/([^/]+)`, (m) => this.getVariable(this.repoOf(m), `${m[3]}:${m[4]}`));
    this.route('POST', `${repo}/actions/variables`, (m, req) => this.createVariable(this.repoOf(m), '', req));
    this.route('POST', `${repo}/environments/([^/]+)/variables`, (m, req) => this.createVariable(this.repoOf(m), `${m[3]}:`, req));
    this.route('PATCH', `${repo}/actions/variables/([^/]+)`, (m, req) => this.updateVariable(this.repoOf(m), m[3], req));
    this.route('PATCH', `${repo}/environments/([^/]+)/variables/([^/]+)`, (m, req) => this.updateVariable(this.repoOf(m), `${m[3]}:${m[4]}`, req));
    this.route('GET', `${repo}/pulls/(\\d+)`, (m) => {
      const pull = this.repoOf(m).pulls.get(Number(m[3]));
      return pull ? { status: 200, body: pull } : notFound();
    });
    this.route('PUT', `${repo}/pulls/(\\d+)/merge`, (m) => this.merge(this.repoOf(m), Number(m[3])));
    this.route('POST', `${repo}/pulls`, (m, req) => this.createPull(this.repoOf(m), req));
    this.route('GET', `${repo}/contents/(.+)`, (m, req) => {
      const r = this.repoOf(m);
      const ref = req.query.ref ?? r.repo.default_branch;
      const file = r.files.get(`${ref}:${decodeURIComponent(m[3])}`);
      if (!file) return notFound();
      const name = m[3].split('/').pop()!;
      return { status: 200, body: { type: 'file', encoding: 'base64', size: file.text.length, name, path: m[3], content: Buffer.from(file.text).toString('base64').replace(/(.{60})/g, '$1\n'), sha: file.sha } };
    });
    this.route('PUT', `${repo}/contents/(.+)`, (m, req) => this.putFile(this.repoOf(m), decodeURIComponent(m[3]), req));
    this.route('GET', `${repo}/git/ref/heads/(.+)`, (m) => {
      const sha = this.repoOf(m).branches.get(decodeURIComponent(m[3]));
      return sha ? { status: 200, body: { ref: `refs/heads/${m[3]}`, object: { sha, type: 'commit' } } } : notFound();
    });
    this.route('POST', `${repo}/git/refs`, (m, req) => {
      const r = this.repoOf(m);
      const { ref, sha } = req.body as { ref: string; sha: string };
      const branch = ref.replace(/^refs\/heads\//, '');
      if (r.branches.has(branch)) return validationFailed('Reference already exists');
      r.branches.set(branch, sha);
      return { status: 201, body: { ref, object: { sha, type: 'commit' } } };
    });
  }

  async start(): Promise<string> {
    await sodium.ready;
    const pair = sodium.crypto_box_keypair();
    this.keyPair = { publicKey: pair.publicKey, privateKey: pair.privateKey };
    // A client that hangs up mid-request must not crash the test process.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake GitHub server is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Adds a repository with a default branch `main` and the given workflow files. */
  addRepository(fullName: string, options: { workflows?: string[]; private?: boolean; files?: Record<string, string> } = {}): FakeRepository {
    const name = fullName.split('/')[1];
    const repository: FakeRepository = {
      repo: { id: this.nextId++, name, full_name: fullName, private: options.private ?? true, html_url: `https://github.com/${fullName}`, default_branch: 'main', description: null },
      workflows: [],
      runs: [],
      secrets: new Map(),
      variables: new Map(),
      pulls: new Map(),
      files: new Map(),
      branches: new Map([['main', sha()]]),
      dispatchConclusion: new Map(),
    };
    for (const file of options.workflows ?? []) {
      repository.workflows.push({
        id: this.nextId++,
        name: file.replace(/\.ya?ml$/, ''),
        path: `.github/workflows/${file}`,
        state: 'active',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        html_url: `https://github.com/${fullName}/blob/main/.github/workflows/${file}`,
      });
    }
    for (const [path, text] of Object.entries(options.files ?? {})) repository.files.set(`main:${path}`, { text, sha: sha() });
    this.repos.set(fullName.toLowerCase(), repository);
    return repository;
  }

  repository(fullName: string): FakeRepository {
    const found = this.repos.get(fullName.toLowerCase());
    if (!found) throw new Error(`fake GitHub has no repository ${fullName}`);
    return found;
  }

  /** Adds a finished or running workflow run, as a push would. */
  addRun(fullName: string, workflowFile: string, fields: Partial<GitHubWorkflowRun> = {}): GitHubWorkflowRun {
    const repository = this.repository(fullName);
    const workflow = repository.workflows.find((w) => w.path.endsWith(`/${workflowFile}`));
    if (!workflow) throw new Error(`no workflow ${workflowFile} in ${fullName}`);
    const id = this.nextId++;
    const now = new Date().toISOString();
    const run: GitHubWorkflowRun = {
      id,
      name: workflow.name,
      display_title: workflow.name,
      run_number: repository.runs.filter((r) => r.workflow_id === workflow.id).length + 1,
      run_attempt: 1,
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      workflow_id: workflow.id,
      head_branch: 'main',
      head_sha: sha(),
      html_url: `https://github.com/${fullName}/actions/runs/${id}`,
      created_at: now,
      updated_at: now,
      run_started_at: now,
      actor: { login: 'octocat' },
      repository: { full_name: fullName },
      ...fields,
    };
    repository.runs.unshift(run);
    return run;
  }

  addPullRequest(fullName: string, number: number, fields: Partial<GitHubPullRequest> = {}): GitHubPullRequest {
    const pull = { number, html_url: `https://github.com/${fullName}/pull/${number}`, state: 'open' as const, title: `PR ${number}`, merged: false, mergeable: true, head: { ref: `feature-${number}`, sha: sha() }, base: { ref: 'main' }, ...fields };
    this.repository(fullName).pulls.set(number, pull);
    return pull;
  }

  /** Makes the next `times` requests matching method and path answer with this status, body and headers. */
  failNext(method: string, path: RegExp, status: number, body: unknown, headers: Record<string, string> = {}, times = 1): void {
    this.failures.push({ method, path, status, body, headers, times });
  }

  /** Answers every request with 403 and `x-ratelimit-remaining: 0` until reset. */
  exhaustRateLimit(): void {
    this.rateLimitRemaining = 0;
  }

  resetRateLimit(): void {
    this.rateLimitRemaining = 5000;
  }

  /** Decrypts a stored secret with the fake's private key, proving it was sealed to the public key. */
  async readSecret(fullName: string, name: string, environment?: string): Promise<string | null> {
    const stored = this.repository(fullName).secrets.get(environment ? `${environment}:${name}` : name);
    if (!stored || !this.keyPair) return null;
    await sodium.ready;
    const opened = sodium.crypto_box_seal_open(sodium.from_base64(stored.encrypted, sodium.base64_variants.ORIGINAL), this.keyPair.publicKey, this.keyPair.privateKey);
    return sodium.to_string(opened);
  }

  variable(fullName: string, name: string, environment?: string): string | undefined {
    return this.repository(fullName).variables.get(environment ? `${environment}:${name}` : name);
  }

  file(fullName: string, branch: string, path: string): string | undefined {
    return this.repository(fullName).files.get(`${branch}:${path}`)?.text;
  }

  private route(method: string, pattern: string, handler: Handler): void {
    this.routes.push([method, new RegExp(`^${pattern}$`), handler]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: raw ? safeJson(raw) : undefined,
      authorization: req.headers.authorization,
    };
    this.requests.push(recorded);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    const rateHeaders = { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': String(this.rateLimitRemaining), 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' };
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rateHeaders, ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (recorded.authorization !== `Bearer ${this.token}`) {
      send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
      return;
    }
    if (this.rateLimitRemaining === 0) {
      send(403, { message: 'API rate limit exceeded for user ID 1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting' });
      return;
    }
    const failure = this.failures.find((f) => f.method === recorded.method && f.path.test(recorded.path));
    if (failure) {
      failure.times -= 1;
      if (failure.times <= 0) this.failures.splice(this.failures.indexOf(failure), 1);
      send(failure.status, failure.body, failure.headers);
      return;
    }
    for (const [method, pattern, handler] of this.routes) {
      const match = recorded.path.match(pattern);
      if (method !== recorded.method || !match) continue;
      try {
        const result = handler(match, recorded);
        send(result.status, result.body, result.headers);
      } catch (error) {
        if (error instanceof FakeNotFound) send(404, notFound().body);
        else send(500, { message: (error as Error).message });
      }
      return;
    }
    send(404, notFound().body);
  }

  private repoOf(match: RegExpMatchArray): FakeRepository {
    const found = this.repos.get(`${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`.toLowerCase());
    if (!found) throw new FakeNotFound();
    return found;
  }

  private workflowOf(match: RegExpMatchArray): GitHubWorkflow {
    const key = decodeURIComponent(match[3]);
    const workflow = this.repoOf(match).workflows.find((w) => String(w.id) === key || w.path.endsWith(`/${key}`));
    if (!workflow) throw new FakeNotFound();
    return workflow;
  }

  private filterRuns(runs: GitHubWorkflowRun[], query: Record<string, string>): GitHubWorkflowRun[] {
    return runs.filter((r) => {
      if (query.branch && r.head_branch !== query.branch) return false;
      if (query.event && r.event !== query.event) return false;
      if (query.created?.startsWith('>=') && Date.parse(r.created_at) < Date.parse(query.created.slice(2))) return false;
      return true;
    });
  }

  private page<T>(req: RecordedRequest, items: T[], field: string): { status: number; body: unknown; headers: Record<string, string> } {
    const page = Math.max(1, Number(req.query.page ?? 1));
    const size = Math.min(this.pageSize, Number(req.query.per_page ?? 30));
    const slice = items.slice((page - 1) * size, page * size);
    const last = Math.max(1, Math.ceil(items.length / size));
    const link = (p: number): string => {
      const params = new URLSearchParams({ ...req.query, page: String(p) });
      return `${this.url}${req.path}?${params.toString()}`;
    };
    const rels: string[] = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
    return { status: 200, body: { total_count: items.length, [field]: slice }, headers: rels.length ? { link: rels.join(', ') } : {} };
  }

  private dispatch(match: RegExpMatchArray, req: RecordedRequest): { status: number; body?: unknown } {
    const repository = this.repoOf(match);
    const workflow = this.workflowOf(match);
    const body = req.body as { ref?: string; inputs?: Record<string, unknown> } | undefined;
    if (!body?.ref) return validationFailed('Invalid request.\n\n"ref" wasn\'t supplied.');
    if (!repository.branches.has(body.ref)) return validationFailed(`No ref found for: ${body.ref}`);
    for (const [name, value] of Object.entries(body.inputs ?? {})) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return validationFailed(`Invalid value for input '${name}'`);
    }
    const file = workflow.path.split('/').pop()!;
    // Workflows written for Portico set `run-name: ${{ inputs.portico_run_id }}`, so the
    // run's display title names the dispatch and the plugin can find its run.
    const title = String(body.inputs?.portico_run_id ?? workflow.name);
    const run = this.addRun(repository.repo.full_name, file, { event: 'workflow_dispatch', status: 'queued', conclusion: null, head_branch: body.ref, display_title: title });
    (run as GitHubWorkflowRun & { inputs?: unknown }).inputs = body.inputs;
    return { status: 204 };
  }

  private advance(repository: FakeRepository, run: GitHubWorkflowRun): void {
    if (run.event !== 'workflow_dispatch' || run.status === 'completed') return;
    if (run.status === 'queued') run.status = 'in_progress';
    else {
      run.status = 'completed';
      const file = repository.workflows.find((w) => w.id === run.workflow_id)!.path.split('/').pop()!;
      run.conclusion = repository.dispatchConclusion.get(file) ?? 'success';
    }
    run.updated_at = new Date().toISOString();
  }

  private generate(match: RegExpMatchArray, req: RecordedRequest): { status: number; body?: unknown } {
    const template = this.repoOf(match);
    const body = req.body as { owner?: string; name?: string; description?: string; private?: boolean };
    if (!body?.owner || !body.name) return validationFailed('Invalid request.\n\n"owner" and "name" are required.');
    const fullName = `${body.owner}/${body.name}`;
    if (this.repos.has(fullName.toLowerCase())) {
      return { status: 422, body: { message: 'Repository creation failed.', errors: [{ resource: 'Repository', code: 'custom', field: 'name', message: 'name already exists on this account' }], documentation_url: 'https://docs.github.com/rest/repos/repos#create-a-repository-using-a-template', status: '422' } };
    }
    const created = this.addRepository(fullName, { workflows: template.workflows.map((w) => w.path.split('/').pop()!), private: body.private });
    created.repo.description = body.description ?? null;
    return { status: 201, body: created.repo };
  }

  private publicKey(): { key_id: string; key: string } {
    return { key_id: '568250167242549743', key: sodium.to_base64(this.keyPair!.publicKey, sodium.base64_variants.ORIGINAL) };
  }

  private putSecret(repository: FakeRepository, name: string, req: RecordedRequest): { status: number } | ReturnType<typeof validationFailed> {
    const body = req.body as { encrypted_value?: string; key_id?: string };
    if (!body?.encrypted_value || body.key_id !== this.publicKey().key_id) return validationFailed('Invalid request.\n\n"encrypted_value" and a current "key_id" are required.');
    const existed = repository.secrets.has(name);
    repository.secrets.set(name, { encrypted: body.encrypted_value, keyId: body.key_id });
    return { status: existed ? 204 : 201 };
  }

  private getVariable(repository: FakeRepository, key: string): { status: number; body: unknown } {
    const value = repository.variables.get(key);
    if (value === undefined) return notFound();
    const name = key.split(':').pop()!;
    return { status: 200, body: { name, value, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' } };
  }

  private createVariable(repository: FakeRepository, prefix: string, req: RecordedRequest): { status: number; body?: unknown } {
    const body = req.body as { name?: string; value?: string };
    if (!body?.name || typeof body.value !== 'string') return validationFailed('Invalid request.\n\n"name" and "value" are required.');
    const key = `${prefix}${body.name.toUpperCase()}`;
    if (repository.variables.has(key)) return { status: 409, body: { message: 'Already exists - Variable already exists', documentation_url: 'https://docs.github.com/rest/actions/variables', status: '409' } };
    repository.variables.set(key, body.value);
    return { status: 201, body: {} };
  }

  private updateVariable(repository: FakeRepository, key: string, req: RecordedRequest): { status: number; body?: unknown } {
    const upper = key.replace(/[^:]+$/, (n) => n.toUpperCase());
    if (!repository.variables.has(upper)) return notFound();
    repository.variables.set(upper, String((req.body as { value?: unknown }).value));
    return { status: 204 };
  }

  private merge(repository: FakeRepository, number: number): { status: number; body: unknown } {
    const pull = repository.pulls.get(number);
    if (!pull) return notFound();
    if (pull.merged) return { status: 405, body: { message: 'Pull Request is not mergeable', documentation_url: 'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request' } };
    pull.merged = true;
    pull.state = 'closed';
    const mergeSha = sha();
    repository.branches.set(pull.base.ref, mergeSha);
    return { status: 200, body: { sha: mergeSha, merged: true, message: 'Pull Request successfully merged' } };
  }

  private createPull(repository: FakeRepository, req: RecordedRequest): { status: number; body: unknown } {
    const body = req.body as { title?: string; head?: string; base?: string; body?: string };
    if (!body?.title || !body.head || !body.base) return validationFailed('Invalid request.\n\n"title", "head" and "base" are required.');
    if (!repository.branches.has(body.head)) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }], documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request', status: '422' } };
    const number = Math.max(0, ...repository.pulls.keys()) + 1;
    const pull = this.addPullRequest(repository.repo.full_name, number, { title: body.title, head: { ref: body.head, sha: repository.branches.get(body.head)! }, base: { ref: body.base } });
    return { status: 201, body: pull };
  }

  private putFile(repository: FakeRepository, path: string, req: RecordedRequest): { status: number; body: unknown } {
    const body = req.body as { message?: string; content?: string; sha?: string; branch?: string };
    const branch = body?.branch ?? repository.repo.default_branch;
    if (!body?.message || !body.content) return validationFailed('Invalid request.\n\n"message" and "content" are required.');
    if (!repository.branches.has(branch)) return validationFailed(`Branch ${branch} not found`);
    const key = `${branch}:${path}`;
    const existing = repository.files.get(key) ?? repository.files.get(`${repository.repo.default_branch}:${path}`);
    if (existing && body.sha !== existing.sha) return { status: 409, body: { message: `${path} does not match ${body.sha ?? 'nothing'}`, documentation_url: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents', status: '409' } };
    const fileSha = sha();
    repository.files.set(key, { text: Buffer.from(body.content, 'base64').toString('utf8'), sha: fileSha });
    const commitSha = sha();
    repository.branches.set(branch, commitSha);
    return { status: existing ? 200 : 201, body: { content: { path, sha: fileSha }, commit: { sha: commitSha, message: body.message } } };
  }
}

class FakeNotFound extends Error {}

function notFound(): { status: number; body: unknown } {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
}

function validationFailed(message: string): { status: number; body: unknown } {
  return { status: 422, body: { message, documentation_url: 'https://docs.github.com/rest', status: '422' } };
}

function sha(): string {
  return Array.from({ length: 40 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
