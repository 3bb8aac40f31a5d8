import { startUpstreamFake, type UpstreamFake } from '@portico/test-utils';

// GitHub's REST API for exactly what "Add IaC to a service" does: read a repository and its
// default branch, create a branch, put files, open a pull request. Errors are GitHub's
// `{ message, documentation_url }`.

export interface GitHubFake extends UpstreamFake {
  readonly token: string;
  /** Files committed per branch. */
  readonly branches: Map<string, Map<string, string>>;
  readonly pulls: Array<{ number: number; head: string; base: string; title: string; body: string }>;
}

export async function startGitHubFake(repositories: string[]): Promise<GitHubFake> {
  const token = 'ghp_faketokenfortests000000000000000000';
  const branches = new Map<string, Map<string, string>>();
  const pulls: GitHubFake['pulls'] = [];
  const known = (owner: string, repo: string): boolean => repositories.includes(`${owner}/${repo}`);
  const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  const fake = await startUpstreamFake({
    name: 'GitHub',
    authenticate: (req) => (req.headers.authorization === `token ${token}` || req.headers.authorization === `Bearer ${token}` ? undefined : { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } }),
    errorBody: (_status, message) => ({ message, documentation_url: 'https://docs.github.com/rest' }),
    routes: [
      { route: 'GET /repos/:owner/:repo', handle: (req) => (known(req.params.owner, req.params.repo) ? { body: { id: 1, name: req.params.repo, full_name: `${req.params.owner}/${req.params.repo}`, default_branch: 'main', private: true } } : notFound) },
      // Octokit sends the ref URL-encoded (`heads%2Fmain`); GitHub takes it either way.
      { route: 'GET /repos/:owner/:repo/git/ref/*ref', handle: (req) => (known(req.params.owner, req.params.repo) ? { body: { ref: `refs/${([] as string[]).concat(req.params.ref as unknown as string[]).join('/')}`, object: { sha: 'a'.repeat(40), type: 'commit' } } } : notFound) },
      {
        route: 'POST /repos/:owner/:repo/git/refs',
        request: { body: { type: 'object', required: ['ref', 'sha'], properties: { ref: { type: 'string', pattern: '^refs/heads/' }, sha: { type: 'string', pattern: '^[0-9a-f]{40}$' } } } },
        handle: (req) => {
          const { ref } = req.body as { ref: string };
          const name = ref.slice('refs/heads/'.length);
          if (branches.has(name)) return { status: 422, body: { message: 'Reference already exists' } };
          branches.set(name, new Map());
          return { status: 201, body: { ref, object: { sha: 'a'.repeat(40), type: 'commit' } } };
        },
      },
      {
        route: 'PUT /repos/:owner/:repo/contents/*path',
        request: { body: { type: 'object', required: ['message', 'content', 'branch'], properties: { message: { type: 'string' }, content: { type: 'string', contentEncoding: 'base64' }, branch: { type: 'string' } } } },
        handle: (req) => {
          const body = req.body as { content: string; branch: string };
          const files = branches.get(body.branch);
          if (!files) return { status: 404, body: { message: `Branch ${body.branch} not found` } };
          const path = ([] as string[]).concat(req.params.path as unknown as string[]).join('/');
          files.set(path, Buffer.from(body.content, 'base64').toString('utf8'));
          return { status: 201, body: { content: { path, sha: 'b'.repeat(40) }, commit: { sha: 'c'.repeat(40) } } };
        },
      },
      {
        route: 'POST /repos/:owner/:repo/pulls',
        request: { body: { type: 'object', required: ['head', 'base', 'title'], properties: { head: { type: 'string' }, base: { type: 'string' }, title: { type: 'string', minLength: 1 }, body: { type: 'string' } } } },
        handle: (req) => {
          const body = req.body as { head: string; base: string; title: string; body?: string };
          const pull = { number: pulls.length + 1, head: body.head, base: body.base, title: body.title, body: body.body ?? '' };
          pulls.push(pull);
          return { status: 201, body: { number: pull.number, html_url: `https://github.com/${req.params.owner}/${req.params.repo}/pull/${pull.number}`, state: 'open', title: pull.title } };
        },
      },
    ],
  });
  return Object.assign(fake, { token, branches, pulls });
}
