import { FakeGitHubServer } from '../testing/fake-github-server';
import { GitHubApiError } from './github-api-error';
import { GitHubClient, parseRepository } from './github-client';

describe('GitHubClient against the GitHub-shaped fake', () => {
  const github = new FakeGitHubServer();
  let client: GitHubClient;

  beforeAll(async () => {
    await github.start();
    client = new GitHubClient({ baseUrl: `${github.url}/`, token: github.token });
  });
  afterAll(() => github.stop());

  beforeEach(() => {
    github.addRepository('acme/cart-service', { workflows: ['ci.yml', 'deploy.yml', 'lint.yml'], files: { 'package.json': '{\n  "dependencies": {\n    "express": "^4.0.0"\n  }\n}\n' } });
    github.resetRateLimit();
  });

  it('follows Link pagination to read every workflow and run', async () => {
    const workflows = await client.listWorkflows('acme/cart-service');
    expect(workflows.map((w) => w.path)).toEqual(['.github/workflows/ci.yml', '.github/workflows/deploy.yml', '.github/workflows/lint.yml']);
    for (let i = 0; i < 5; i++) github.addRun('acme/cart-service', 'ci.yml');
    const runs = await client.listWorkflowRuns('acme/cart-service');
    expect(runs).toHaveLength(5);
    expect(new Set(runs.map((r) => r.id)).size).toBe(5);
    const pages = github.requests.filter((r) => r.path === '/repos/acme/cart-service/actions/runs');
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(pages[0].query.per_page).toBe('50');
  });

  it('stops at maxPages', async () => {
    for (let i = 0; i < 6; i++) github.addRun('acme/cart-service', 'ci.yml');
    expect(await client.listWorkflowRuns('acme/cart-service', { maxPages: 2 })).toHaveLength(4);
  });

  it('sends GitHub headers with the token', async () => {
    await client.getRepository('acme/cart-service');
    expect(github.requests.at(-1)!.authorization).toBe(`Bearer ${github.token}`);
  });

  it('dispatches a workflow whose run can then be followed to completion', async () => {
    const started = new Date(Date.now() - 1000).toISOString();
    await client.dispatchWorkflow('acme/cart-service', 'deploy.yml', 'main', { version: '1.2.3', portico_run_id: 'run-1' });
    const [run] = await client.listWorkflowRuns('acme/cart-service', { workflowId: 'deploy.yml', event: 'workflow_dispatch', created: `>=${started}` });
    expect(run).toMatchObject({ display_title: 'run-1', status: 'queued', event: 'workflow_dispatch' });
    expect((await client.getWorkflowRun('acme/cart-service', run.id)).status).toBe('in_progress');
    expect(await client.getWorkflowRun('acme/cart-service', run.id)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('encrypts secrets with a sealed box to the repository public key', async () => {
    expect(await client.putActionsSecret('acme/cart-service', 'DB_PASSWORD', 's3cr3t')).toEqual({ created: true });
    expect(await client.putActionsSecret('acme/cart-service', 'DB_PASSWORD', 'rotated')).toEqual({ created: false });
    expect(await github.readSecret('acme/cart-service', 'DB_PASSWORD')).toBe('rotated');
    const put = github.requests.find((r) => r.method === 'PUT' && r.path.endsWith('/actions/secrets/DB_PASSWORD'))!;
    expect(JSON.stringify(put.body)).not.toContain('s3cr3t');
    await client.putActionsSecret('acme/cart-service', 'API_KEY', 'k', 'production');
    expect(await github.readSecret('acme/cart-service', 'API_KEY', 'production')).toBe('k');
  });

  it('creates a variable, then updates it on 409', async () => {
    expect(await client.getActionsVariable('acme/cart-service', 'LOG_LEVEL', 'staging')).toBeNull();
    expect(await client.setActionsVariable('acme/cart-service', 'LOG_LEVEL', 'info', 'staging')).toEqual({ created: true });
    expect(await client.setActionsVariable('acme/cart-service', 'LOG_LEVEL', 'debug', 'staging')).toEqual({ created: false });
    expect(await client.getActionsVariable('acme/cart-service', 'LOG_LEVEL', 'staging')).toBe('debug');
  });

  it('reads and writes files on a new branch and opens a pull request', async () => {
    const file = await client.getFileContent('acme/cart-service', 'package.json', 'main');
    expect(JSON.parse(file.text).dependencies.express).toBe('^4.0.0');
    const main = await client.getBranchRef('acme/cart-service', 'main');
    await client.createBranch('acme/cart-service', 'upgrade-express', main.object.sha);
    await client.putFileContent('acme/cart-service', 'package.json', { message: 'bump', text: '{}', sha: file.sha, branch: 'upgrade-express' });
    const pull = await client.createPullRequest('acme/cart-service', { title: 'Upgrade', head: 'upgrade-express', base: 'main' });
    expect(pull.number).toBe(1);
    expect(github.file('acme/cart-service', 'upgrade-express', 'package.json')).toBe('{}');
    expect(await client.mergePullRequest('acme/cart-service', 1)).toMatchObject({ merged: true });
  });

  it('creates a repository from a template', async () => {
    const repo = await client.createRepositoryFromTemplate('acme/cart-service', { owner: 'acme', name: 'new-service' });
    expect(repo).toMatchObject({ full_name: 'acme/new-service', default_branch: 'main' });
    await expect(client.createRepositoryFromTemplate('acme/cart-service', { owner: 'acme', name: 'new-service' })).rejects.toThrow(
      'GitHub could not process POST /repos/acme/cart-service/generate (422 Repository creation failed.: name already exists on this account).',
    );
  });

  describe('errors', () => {
    it('401: names the token', async () => {
      const bad = new GitHubClient({ baseUrl: github.url, token: 'wrong' });
      const error = await bad.getRepository('acme/cart-service').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitHubApiError);
      expect((error as GitHubApiError).status).toBe(401);
      expect((error as Error).message).toBe('GitHub rejected the token (401 Bad credentials on GET /repos/acme/cart-service): check the configured GitHub token secret.');
    });

    it('404: unknown repository', async () => {
      await expect(client.listWorkflows('acme/nope')).rejects.toThrow('GitHub found nothing at GET /repos/acme/nope/actions/workflows (404 Not Found)');
    });

    it('422: lists the validation errors', async () => {
      await expect(client.dispatchWorkflow('acme/cart-service', 'deploy.yml', 'no-such-branch', {})).rejects.toThrow('(422 No ref found for: no-such-branch)');
      github.failNext('POST', /\/pulls$/, 422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:x.' }] });
      await expect(client.createPullRequest('acme/cart-service', { title: 't', head: 'main', base: 'main' })).rejects.toThrow('(422 Validation Failed: A pull request already exists for acme:x.)');
    });

    it('primary rate limit: says when it resets', async () => {
      github.exhaustRateLimit();
      const error = (await client.getRepository('acme/cart-service').catch((e: unknown) => e)) as GitHubApiError;
      expect(error.status).toBe(403);
      expect(error.rateLimitResetAt!.getTime()).toBeGreaterThan(Date.now());
      expect(error.message).toMatch(/^GitHub rate limit is exhausted \(403 on GET \/repos\/acme\/cart-service\); try again after \d{4}-\d\d-\d\dT.*Z\. GitHub said: API rate limit exceeded/);
    });

    it('429 secondary rate limit with retry-after', async () => {
      github.failNext('GET', /\/actions\/runs$/, 429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '30' });
      await expect(client.listWorkflowRuns('acme/cart-service')).rejects.toThrow(/GitHub secondary rate limit was hit \(429 on GET \/repos\/acme\/cart-service\/actions\/runs\); try again after/);
    });

    it('a 403 without rate-limit headers is a permission problem', async () => {
      github.failNext('PUT', /\/merge$/, 403, { message: 'Resource not accessible by integration' });
      github.addPullRequest('acme/cart-service', 7);
      await expect(client.mergePullRequest('acme/cart-service', 7)).rejects.toThrow('GitHub refused PUT /repos/acme/cart-service/pulls/7/merge (403 Resource not accessible by integration)');
    });

    it('an unreachable base URL is a clear error', async () => {
      const nowhere = new GitHubClient({ baseUrl: 'http://127.0.0.1:1', token: 't' });
      await expect(nowhere.getRepository('acme/x')).rejects.toThrow('Could not reach GitHub at http://127.0.0.1:1 (GET /repos/acme/x)');
    });

    it('rejects a malformed repository name before any request', () => {
      expect(() => parseRepository('not a repo')).toThrow('"not a repo" is not a GitHub repository; write it as owner/name.');
    });
  });
});
