// The fields of GitHub's REST responses the plugin reads (documented shapes, trimmed).

export interface GitHubRepository {
  id: number;
  name: string;
  full_name: string;
  private: boolean;
  html_url: string;
  default_branch: string;
  description: string | null;
}

export interface GitHubWorkflow {
  id: number;
  node_id?: string;
  name: string;
  path: string;
  state: 'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually';
  created_at: string;
  updated_at: string;
  url?: string;
  html_url: string;
  badge_url?: string;
}

export type WorkflowRunStatus = 'queued' | 'in_progress' | 'completed' | 'requested' | 'waiting' | 'pending' | 'action_required';
export type WorkflowRunConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'skipped' | 'timed_out' | 'action_required' | 'stale' | null;

export interface GitHubWorkflowRun {
  id: number;
  name: string | null;
  display_title: string;
  run_number: number;
  run_attempt?: number;
  event: string;
  status: WorkflowRunStatus | null;
  conclusion: WorkflowRunConclusion;
  workflow_id: number;
  head_branch: string | null;
  head_sha: string;
  html_url: string;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  actor?: { login: string } | null;
  repository?: { full_name: string };
}

export interface GitHubPublicKey {
  key_id: string;
  key: string;
}

export interface GitHubPullRequest {
  number: number;
  html_url: string;
  state: 'open' | 'closed';
  title: string;
  merged?: boolean;
  mergeable?: boolean | null;
  head: { ref: string; sha: string };
  base: { ref: string };
}

export interface GitHubMergeResult {
  sha: string;
  merged: boolean;
  message: string;
}

export interface GitHubContentFile {
  type: 'file';
  encoding: 'base64';
  size: number;
  name: string;
  path: string;
  content: string;
  sha: string;
}

export interface GitHubRef {
  ref: string;
  object: { sha: string; type: string };
}
