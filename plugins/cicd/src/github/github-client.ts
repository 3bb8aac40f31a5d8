import { GitHubApiError, toGitHubApiError } from './github-api-error';
import type {
  GitHubContentFile,
  GitHubMergeResult,
  GitHubPublicKey,
  GitHubPullRequest,
  GitHubRef,
  GitHubRepository,
  GitHubWorkflow,
  GitHubWorkflowRun,
} from './github-types';
import { nextPageUrl } from './link-header';
import { sealSecret } from './sealed-box';

/** @public */
export interface GitHubClientOptions {
  /** `https://api.github.com`, or `https://<host>/api/v3` for GitHub Enterprise Server. */
  baseUrl: string;
  token: string;
  /** Safety net on paginated lists: stop after this many pages. */
  maxPages?: number;
  fetch?: typeof fetch;
}

/** `owner/name`, split and checked once so a bad value fails before any request. */
export function parseRepository(fullName: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName);
  if (!match) throw new Error(`"${fullName}" is not a GitHub repository; write it as owner/name.`);
  return { owner: match[1], repo: match[2] };
}

function repoPath(fullName: string): string {
  const { owner, repo } = parseRepository(fullName);
  return `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}`;
}

type Query = Record<string, string | number | boolean | undefined>;

/**
 * The GitHub REST calls the CI/CD plugin makes, written against GitHub's documented API
 * (version 2022-11-28): pagination through `Link`, rate-limit headers and error bodies
 * become a `GitHubApiError` whose message says what happened and what to do.
 * @public
 */
export class GitHubClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly maxPages: number;
  private readonly fetchFn: typeof fetch;

  constructor(options: GitHubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.maxPages = options.maxPages ?? 10;
    this.fetchFn = options.fetch ?? fetch;
  }

  async getRepository(fullName: string): Promise<GitHubRepository> {
    return (await this.request<GitHubRepository>('GET', repoPath(fullName))).body;
  }

  async listWorkflows(fullName: string): Promise<GitHubWorkflow[]> {
    return this.paginate<GitHubWorkflow>(`${repoPath(fullName)}/actions/workflows`, 'workflows', { per_page: 100 });
  }

  /** Newest first. `maxPages` bounds how far back a resync reads. */
  async listWorkflowRuns(
    fullName: string,
    options: { workflowId?: number | string; branch?: string; event?: string; created?: string; perPage?: number; maxPages?: number } = {},
  ): Promise<GitHubWorkflowRun[]> {
    const base = options.workflowId !== undefined ? `${repoPath(fullName)}/actions/workflows/${encodeURIComponent(String(options.workflowId))}/runs` : `${repoPath(fullName)}/actions/runs`;
    return this.paginate<GitHubWorkflowRun>(
      base,
      'workflow_runs',
      { per_page: options.perPage ?? 50, branch: options.branch, event: options.event, created: options.created },
      options.maxPages,
    );
  }

  async getWorkflowRun(fullName: string, runId: number): Promise<GitHubWorkflowRun> {
    return (await this.request<GitHubWorkflowRun>('GET', `${repoPath(fullName)}/actions/runs/${runId}`)).body;
  }

  /** GitHub answers 204 with no body: the run appears in the runs list shortly after. */
  async dispatchWorkflow(fullName: string, workflowId: number | string, ref: string, inputs: Record<string, string>): Promise<void> {
    await this.request('POST', `${repoPath(fullName)}/actions/workflows/${encodeURIComponent(String(workflowId))}/dispatches`, { body: { ref, inputs } });
  }

  async createRepositoryFromTemplate(
    template: string,
    options: { owner: string; name: string; description?: string; private?: boolean; includeAllBranches?: boolean },
  ): Promise<GitHubRepository> {
    const body = { owner: options.owner, name: options.name, description: options.description, private: options.private ?? true, include_all_branches: options.includeAllBranches ?? false };
    return (await this.request<GitHubRepository>('POST', `${repoPath(template)}/generate`, { body })).body;
  }

  async getActionsPublicKey(fullName: string, environment?: string): Promise<GitHubPublicKey> {
    const path = environment ? `${repoPath(fullName)}/environments/${encodeURIComponent(environment)}/secrets/public-key` : `${repoPath(fullName)}/actions/secrets/public-key`;
    return (await this.request<GitHubPublicKey>('GET', path)).body;
  }

  /** Encrypts `value` with the repository's (or environment's) public key and stores it. Returns whether it was created (vs updated). */
  async putActionsSecret(fullName: string, name: string, value: string, environment?: string): Promise<{ created: boolean }> {
    const key = await this.getActionsPublicKey(fullName, environment);
    const encrypted = await sealSecret(key.key, value);
    const path = environment
      ? `${repoPath(fullName)}/environments/${encodeURIComponent(environment)}/secrets/${encodeURIComponent(name)}`
      : `${repoPath(fullName)}/actions/secrets/${encodeURIComponent(name)}`;
    const response = await this.request('PUT', path, { body: { encrypted_value: encrypted, key_id: key.key_id } });
    return { created: response.status === 201 };
  }

  /** The variable's value, or null when it does not exist. */
  async getActionsVariable(fullName: string, name: string, environment?: string): Promise<string | null> {
    try {
      return (await this.request<{ name: string; value: string }>('GET', `${this.variablesPath(fullName, environment)}/${encodeURIComponent(name)}`)).body.value;
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return null;
      throw error;
    }
  }

  /** Creates the variable, or updates it when GitHub says it exists (409). */
  async setActionsVariable(fullName: string, name: string, value: string, environment?: string): Promise<{ created: boolean }> {
    const path = this.variablesPath(fullName, environment);
    try {
      await this.request('POST', path, { body: { name, value } });
      return { created: true };
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status === 409)) throw error;
    }
    await this.request('PATCH', `${path}/${encodeURIComponent(name)}`, { body: { name, value } });
    return { created: false };
  }

  async getPullRequest(fullName: string, number: number): Promise<GitHubPullRequest> {
    return (await this.request<GitHubPullRequest>('GET', `${repoPath(fullName)}/pulls/${number}`)).body;
  }

  async mergePullRequest(fullName: string, number: number, options: { mergeMethod?: 'merge' | 'squash' | 'rebase'; commitTitle?: string; sha?: string } = {}): Promise<GitHubMergeResult> {
    const body = { merge_method: options.mergeMethod ?? 'squash', commit_title: options.commitTitle, sha: options.sha };
    return (await this.request<GitHubMergeResult>('PUT', `${repoPath(fullName)}/pulls/${number}/merge`, { body })).body;
  }

  async createPullRequest(fullName: string, options: { title: string; head: string; base: string; body?: string }): Promise<GitHubPullRequest> {
    return (await this.request<GitHubPullRequest>('POST', `${repoPath(fullName)}/pulls`, { body: options })).body;
  }

  async getFileContent(fullName: string, path: string, ref?: string): Promise<{ text: string; sha: string }> {
    const file = (await this.request<GitHubContentFile>('GET', `${repoPath(fullName)}/contents/${encodePath(path)}`, { query: { ref } })).body;
    if (file.type !== 'file') throw new Error(`${path} in ${fullName} is not a file.`);
    return { text: Buffer.from(file.content, 'base64').toString('utf8'), sha: file.sha };
  }

  async putFileContent(fullName: string, path: string, options: { message: string; text: string; sha: string; branch: string }): Promise<{ commitSha: string }> {
    const body = { message: options.message, content: Buffer.from(options.text, 'utf8').toString('base64'), sha: options.sha, branch: options.branch };
    const result = await this.request<{ commit: { sha: string } }>('PUT', `${repoPath(fullName)}/contents/${encodePath(path)}`, { body });
    return { commitSha: result.body.commit.sha };
  }

  async getBranchRef(fullName: string, branch: string): Promise<GitHubRef> {
    return (await this.request<GitHubRef>('GET', `${repoPath(fullName)}/git/ref/heads/${encodePath(branch)}`)).body;
  }

  async createBranch(fullName: string, branch: string, sha: string): Promise<GitHubRef> {
    return (await this.request<GitHubRef>('POST', `${repoPath(fullName)}/git/refs`, { body: { ref: `refs/heads/${branch}`, sha } })).body;
  }

  private variablesPath(fullName: string, environment?: string): string {
    return environment ? `${repoPath(fullName)}/environments/${encodeURIComponent(environment)}/variables` : `${repoPath(fullName)}/actions/variables`;
  }

  private async paginate<T>(path: string, field: string, query: Query, maxPages = this.maxPages): Promise<T[]> {
    const items: T[] = [];
    let url: string | null = this.url(path, query);
    for (let page = 0; url && page < maxPages; page++) {
      const response: { body: Record<string, T[]>; headers: Headers } = await this.requestUrl<Record<string, T[]>>('GET', url);
      items.push(...(response.body[field] ?? []));
      url = nextPageUrl(response.headers.get('link'));
    }
    return items;
  }

  private url(path: string, query: Query = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  private async request<T = unknown>(method: string, path: string, options: { body?: unknown; query?: Query } = {}): Promise<{ status: number; body: T; headers: Headers }> {
    return this.requestUrl<T>(method, this.url(path, options.query), options.body);
  }

  private async requestUrl<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: T; headers: Headers }> {
    const request = `${method} ${new URL(url).pathname}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method,
        headers: {
          accept: 'application/vnd.github+json',
          authorization: `Bearer ${this.token}`,
          'x-github-api-version': '2022-11-28',
          'user-agent': 'portico-plugin-cicd',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      throw new Error(`Could not reach GitHub at ${this.baseUrl} (${request}): ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) throw toGitHubApiError(request, response.status, response.headers, text);
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Error(`GitHub answered ${request} with a body that is not JSON.`);
      }
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
