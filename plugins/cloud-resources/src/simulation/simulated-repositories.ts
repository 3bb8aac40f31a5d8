import type { FilesPullRequest, RepositoryApi } from '../github/repository-api';

/** The demo's GitHub: pull requests numbered in memory, nothing sent anywhere. */
export class SimulatedRepositories implements RepositoryApi {
  readonly opened: FilesPullRequest[] = [];

  async openPullRequest(request: FilesPullRequest): Promise<{ number: number; url: string }> {
    this.opened.push(request);
    const number = 100 + this.opened.length;
    return { number, url: `https://github.com/${request.repository}/pull/${number}` };
  }
}
