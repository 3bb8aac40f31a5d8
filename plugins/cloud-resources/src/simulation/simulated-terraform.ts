import type { TerraformApi, TerraformRun, TerraformVariable, TerraformWorkspace, WorkspaceModule } from '../terraform/terraform-api';

const SCRIPT = ['plan_queued', 'planning', 'planned', 'apply_queued', 'applying', 'applied'];

/** The demo's Terraform, in memory: runs pass plan and apply one status per read, outputs name the resource. */
export class SimulatedTerraform implements TerraformApi {
  private readonly workspaces = new Map<string, TerraformWorkspace & { vars: TerraformVariable[] }>();
  private readonly runs = new Map<string, TerraformRun & { left: string[]; workspace: string }>();
  private seq = 0;

  async findWorkspace(name: string): Promise<TerraformWorkspace | null> {
    const w = [...this.workspaces.values()].find((x) => x.name === name);
    return w ? { id: w.id, name: w.name } : null;
  }

  async createWorkspace(name: string, _module: WorkspaceModule): Promise<TerraformWorkspace> {
    const w = { id: `ws-sim${++this.seq}`, name, vars: [] };
    this.workspaces.set(w.id, w);
    return { id: w.id, name };
  }

  async listVariables(workspaceId: string): Promise<TerraformVariable[]> {
    return [...(this.workspaces.get(workspaceId)?.vars ?? [])];
  }

  async setVariable(workspaceId: string, key: string, value: unknown): Promise<void> {
    const w = this.workspaces.get(workspaceId)!;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const found = w.vars.find((v) => v.key === key);
    if (found) found.value = text;
    else w.vars.push({ id: `var-sim${++this.seq}`, key, value: text, hcl: typeof value !== 'string', sensitive: false });
  }

  async createRun(workspaceId: string, options: { isDestroy: boolean }): Promise<TerraformRun> {
    const run = { id: `run-sim${++this.seq}`, status: 'pending', isDestroy: options.isDestroy, actionable: { canApply: false }, left: [...SCRIPT], workspace: workspaceId };
    this.runs.set(run.id, run);
    return { ...run };
  }

  async getRun(runId: string): Promise<TerraformRun> {
    const run = this.runs.get(runId)!;
    if (run.left.length > 0) run.status = run.left.shift()!;
    return { id: run.id, status: run.status, isDestroy: run.isDestroy, actionable: run.actionable };
  }

  async applyRun(): Promise<void> {}

  async outputs(workspaceId: string): Promise<Record<string, unknown>> {
    const name = this.workspaces.get(workspaceId)?.name ?? workspaceId;
    return { endpoint: `https://${name}.simulated.example.com` };
  }

  workspaceUrl(workspaceName: string): string {
    return `https://app.terraform.io/app/example-org/workspaces/${workspaceName}`;
  }

  runUrl(workspaceName: string, runId: string): string {
    return `${this.workspaceUrl(workspaceName)}/runs/${runId}`;
  }
}
