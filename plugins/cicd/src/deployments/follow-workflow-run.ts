import type { LoggerService } from '@portico/plugin-api';
import type { GitHubClient } from '../github/github-client';
import type { GitHubWorkflowRun } from '../github/github-types';

export interface DispatchAndFollowOptions {
  client: GitHubClient;
  repository: string;
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  /** Put in the workflow's inputs as `portico_run_id`; a workflow with `run-name: ${{ inputs.portico_run_id }}` lets us find its run for sure. */
  correlationId: string;
  pollIntervalMs: number;
  findRunTimeoutMs: number;
  logger: LoggerService;
  signal: AbortSignal;
  onRunFound?(run: GitHubWorkflowRun): void | Promise<void>;
  onProgress?(percent: number): void;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason ?? new Error('cancelled'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Dispatches a workflow, finds the run it started and polls it until it completes,
 * logging each status change. GitHub's dispatch answers 204 without the run id, so the
 * run is found by its title (the correlation id) among runs created since the dispatch;
 * a workflow without that `run-name` falls back to the first new dispatch run.
 */
export async function dispatchAndFollow(options: DispatchAndFollowOptions): Promise<GitHubWorkflowRun> {
  const { client, repository, workflow, logger, signal } = options;
  // GitHub's clock and ours differ a little: look slightly back in time.
  const since = new Date(Date.now() - 10_000).toISOString().replace(/\.\d+Z$/, 'Z');
  await client.dispatchWorkflow(repository, workflow, options.ref, { ...options.inputs, portico_run_id: options.correlationId });
  logger.info(`Dispatched ${workflow} on ${repository}@${options.ref} with ${JSON.stringify(options.inputs)}`);
  options.onProgress?.(10);

  const deadline = Date.now() + options.findRunTimeoutMs;
  let run: GitHubWorkflowRun | undefined;
  let attempts = 0;
  while (!run) {
    const candidates = await client.listWorkflowRuns(repository, { workflowId: workflow, event: 'workflow_dispatch', created: `>=${since}`, perPage: 20, maxPages: 1 });
    run = candidates.find((r) => r.display_title.includes(options.correlationId));
    attempts += 1;
    if (!run && attempts >= 3 && candidates.length > 0) {
      run = [...candidates].sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
      logger.warn(`No run titled ${options.correlationId}; following the oldest new dispatch run #${run.run_number}. Add "run-name: \${{ inputs.portico_run_id }}" to ${workflow} to make this exact.`);
    }
    if (run) break;
    if (Date.now() > deadline) {
      throw new Error(`${workflow} was dispatched on ${repository} but no workflow run appeared within ${Math.round(options.findRunTimeoutMs / 1000)} s.`);
    }
    await sleep(options.pollIntervalMs, signal);
  }
  logger.info(`Following workflow run #${run.run_number}: ${run.html_url}`);
  await options.onRunFound?.(run);
  options.onProgress?.(20);

  let lastStatus = '';
  while (run.status !== 'completed') {
    await sleep(options.pollIntervalMs, signal);
    run = await client.getWorkflowRun(repository, run.id);
    if (run.status !== lastStatus) {
      lastStatus = run.status ?? '';
      logger.info(`Workflow run #${run.run_number} is ${run.status}`);
      options.onProgress?.(run.status === 'in_progress' ? 50 : run.status === 'completed' ? 100 : 30);
    }
  }
  logger.info(`Workflow run #${run.run_number} completed with conclusion ${run.conclusion}`);
  return run;
}
