import { Octokit } from '@octokit/rest';
import type { FilesPullRequest, RepositoryApi } from './repository-api';

/** GitHub through its official SDK, Octokit: a branch from the default branch, one commit per file, a pull request. */
export class GitHubRepositoryClient implements RepositoryApi {
  private readonly octokit: Octokit;

  constructor(options: { baseUrl: string; token: string }) {
    this.octokit = new Octokit({ baseUrl: options.baseUrl, auth: options.token, userAgent: 'portico-plugin-cloud-resources', log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
  }

  async openPullRequest(request: FilesPullRequest): Promise<{ number: number; url: string }> {
    const [owner, repo] = request.repository.split('/');
    const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (error) {
        const e = error as { status?: number; message?: string };
        const hint = e.status === 401 ? 'check the GitHub token secret' : e.status === 403 ? 'the token lacks contents and pull-request write access to this repository, or its rate limit is spent' : e.status === 404 ? 'the repository does not exist or the token cannot see it' : e.status === 422 ? 'GitHub refused the change as invalid' : 'try again later';
        throw new Error(`GitHub refused ${what} on ${request.repository}${e.status ? ` (${e.status})` : ''}: ${hint}. GitHub said: ${e.message ?? String(error)}`);
      }
    };
    const { data: repository } = await step('reading the repository', () => this.octokit.repos.get({ owner, repo }));
    const base = repository.default_branch;
    const { data: ref } = await step(`reading branch ${base}`, () => this.octokit.git.getRef({ owner, repo, ref: `heads/${base}` }));
    await step(`creating branch ${request.branch}`, () => this.octokit.git.createRef({ owner, repo, ref: `refs/heads/${request.branch}`, sha: ref.object.sha }));
    for (const file of request.files) {
      await step(`adding ${file.path}`, () => this.octokit.repos.createOrUpdateFileContents({ owner, repo, path: file.path, branch: request.branch, message: `Add ${file.path}`, content: Buffer.from(file.content, 'utf8').toString('base64') }));
    }
    const { data: pull } = await step('opening the pull request', () => this.octokit.pulls.create({ owner, repo, head: request.branch, base, title: request.title, body: request.body }));
    return { number: pull.number, url: pull.html_url };
  }
}
