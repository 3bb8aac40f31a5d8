import type { EntityInput } from '@portico/plugin-api';
import { repositorySlug } from '../config/cicd-config';
import type { GitHubWorkflow, GitHubWorkflowRun } from '../github/github-types';

export type BuildResult = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';

/** GitHub's status/conclusion pair in the one vocabulary widgets and queries use. */
export function buildResult(run: Pick<GitHubWorkflowRun, 'status' | 'conclusion'>): BuildResult {
  if (run.status !== 'completed') return run.status === 'in_progress' ? 'running' : 'queued';
  switch (run.conclusion) {
    case 'success':
      return 'succeeded';
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
    case 'neutral':
      return 'skipped';
    default:
      return 'failed';
  }
}

export function pipelineId(repository: string, workflowId: number): string {
  return `${repositorySlug(repository)}.${workflowId}`;
}

export function buildId(repository: string, runId: number): string {
  return `${repositorySlug(repository)}.run-${runId}`;
}

export function pipelineEntity(repository: string, workflow: GitHubWorkflow, component: string | null): EntityInput {
  return {
    kind: 'pipeline',
    id: pipelineId(repository, workflow.id),
    title: `${workflow.name} (${repository})`,
    properties: { provider: 'github-actions', repository, workflowId: workflow.id, path: workflow.path, state: workflow.state, url: workflow.html_url },
    relations: { component },
  };
}

export function buildEntity(repository: string, run: GitHubWorkflowRun, component: string | null, workflowKnown: boolean): EntityInput {
  const properties: Record<string, unknown> = {
    repository,
    runId: run.id,
    runNumber: run.run_number,
    workflowId: run.workflow_id,
    displayTitle: run.display_title,
    event: run.event,
    status: run.status ?? 'queued',
    conclusion: run.conclusion,
    result: buildResult(run),
    branch: run.head_branch,
    commitSha: run.head_sha,
    url: run.html_url,
    startedAt: run.run_started_at ?? run.created_at,
    updatedAt: run.updated_at,
  };
  if (run.actor?.login) properties.actor = run.actor.login;
  return {
    kind: 'build',
    id: buildId(repository, run.id),
    title: `${run.name ?? 'Workflow'} #${run.run_number}`,
    properties,
    relations: { pipeline: workflowKnown ? pipelineId(repository, run.workflow_id) : null, component },
  };
}
