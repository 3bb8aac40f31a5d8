/** A workspace as the plugin reads it. */
export interface TerraformWorkspace {
  id: string;
  name: string;
}

export interface TerraformVariable {
  id: string;
  key: string;
  value: string | null;
  hcl: boolean;
  sensitive: boolean;
}

/** Run statuses of the API v2 (`pending` → `planning` → `planned` → `applying` → `applied`, or an end before). */
export type TerraformRunStatus = string;

export interface TerraformRun {
  id: string;
  status: TerraformRunStatus;
  isDestroy: boolean;
  /** Whether Terraform waits for someone to confirm the apply. */
  actionable: { canApply: boolean };
}

export interface WorkspaceModule {
  repository: string;
  branch?: string;
  directory?: string;
  oauthTokenId?: string;
}

/** What the plugin does on HCP Terraform / Terraform Enterprise: the real client and the demo's simulation both implement it. */
export interface TerraformApi {
  findWorkspace(name: string): Promise<TerraformWorkspace | null>;
  createWorkspace(name: string, module: WorkspaceModule, description: string): Promise<TerraformWorkspace>;
  listVariables(workspaceId: string): Promise<TerraformVariable[]>;
  /** Creates the variable, or changes it when the workspace has it already. */
  setVariable(workspaceId: string, key: string, value: unknown, existing: TerraformVariable[]): Promise<void>;
  createRun(workspaceId: string, options: { message: string; isDestroy: boolean }): Promise<TerraformRun>;
  getRun(runId: string): Promise<TerraformRun>;
  applyRun(runId: string, comment: string): Promise<void>;
  /** Outputs of the workspace's current state; sensitive ones are `null`. */
  outputs(workspaceId: string): Promise<Record<string, unknown>>;
  runUrl(workspaceName: string, runId: string): string;
  workspaceUrl(workspaceName: string): string;
}

/** Statuses after which nothing more happens to a run. */
export const FINAL_RUN_STATUSES = new Set(['applied', 'planned_and_finished', 'planned_and_saved', 'errored', 'discarded', 'canceled', 'force_canceled', 'policy_soft_failed']);
/** Final statuses that mean the change is in place. */
export const SUCCESSFUL_RUN_STATUSES = new Set(['applied', 'planned_and_finished']);
