/** A pull request that adds files on a new branch. */
export interface FilesPullRequest {
  repository: string;
  branch: string;
  title: string;
  body: string;
  files: Array<{ path: string; content: string }>;
}

/** What "Add IaC to a service" needs of GitHub: the real client and the demo's simulation both implement it. */
export interface RepositoryApi {
  openPullRequest(request: FilesPullRequest): Promise<{ number: number; url: string }>;
}
