import type { LoggerService } from '@portico/plugin-api';
import { GitHubClient } from '../github/github-client';
import { FakeGitHubServer } from '../testing/fake-github-server';
import { dispatchAndFollow } from './follow-workflow-run';

function recordingLogger(lines: string[]): LoggerService {
  const log = (message: string): void => void lines.push(message);
  const logger: LoggerService = { debug: log, info: log, warn: log, error: log, child: () => logger };
  return logger;
}

describe('dispatchAndFollow', () => {
  const github = new FakeGitHubServer();
  let client: GitHubClient;
  beforeAll(async () => {
    await github.start();
    client = new GitHubClient({ baseUrl: github.url, token: github.token });
  });
  afterAll(() => github.stop());

  const base = { workflow: 'deploy.yml', ref: 'main', inputs: { version: '1.0.0' }, pollIntervalMs: 5, findRunTimeoutMs: 2000 };

  it('finds the dispatched run by its title and follows it to its conclusion, logging each status', async () => {
    github.addRepository('acme/a', { workflows: ['deploy.yml'] });
    github.addRun('acme/a', 'deploy.yml', { event: 'workflow_dispatch', display_title: 'someone else', status: 'in_progress', conclusion: null });
    const lines: string[] = [];
    const progress: number[] = [];
    const run = await dispatchAndFollow({ ...base, client, repository: 'acme/a', correlationId: 'run-abc', logger: recordingLogger(lines), signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(run).toMatchObject({ display_title: 'run-abc', status: 'completed', conclusion: 'success' });
    const dispatch = github.requests.find((r) => r.path.endsWith('/dispatches'))!;
    expect(dispatch.body).toEqual({ ref: 'main', inputs: { version: '1.0.0', portico_run_id: 'run-abc' } });
    expect(lines.filter((l) => l.startsWith('Workflow run'))).toEqual([`Workflow run #2 is in_progress`, `Workflow run #2 is completed`, `Workflow run #2 completed with conclusion success`]);
    expect(progress.at(-1)).toBe(100);
  });

  it('reports a failed conclusion', async () => {
    github.addRepository('acme/b', { workflows: ['deploy.yml'] }).dispatchConclusion.set('deploy.yml', 'failure');
    const run = await dispatchAndFollow({ ...base, client, repository: 'acme/b', correlationId: 'x', logger: recordingLogger([]), signal: new AbortController().signal });
    expect(run.conclusion).toBe('failure');
  });

  it('fails clearly when no run appears', async () => {
    github.addRepository('acme/c', { workflows: ['deploy.yml'] });
    github.failNext('GET', /^\/repos\/acme\/c\/actions\/workflows\/deploy\.yml\/runs$/, 200, { total_count: 0, workflow_runs: [] }, {}, 1000);
    await expect(
      dispatchAndFollow({ ...base, findRunTimeoutMs: 100, client, repository: 'acme/c', correlationId: 'x', logger: recordingLogger([]), signal: new AbortController().signal }),
    ).rejects.toThrow('deploy.yml was dispatched on acme/c but no workflow run appeared within 0 s.');
  });

  it('stops following when the run is cancelled', async () => {
    github.addRepository('acme/d', { workflows: ['deploy.yml'] });
    const controller = new AbortController();
    const promise = dispatchAndFollow({ ...base, pollIntervalMs: 10_000, client, repository: 'acme/d', correlationId: 'x', logger: recordingLogger([]), signal: controller.signal, onRunFound: () => controller.abort(new Error('cancelled by user')) });
    await expect(promise).rejects.toThrow('cancelled by user');
  });
});
