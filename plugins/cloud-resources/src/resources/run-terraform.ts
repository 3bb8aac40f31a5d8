import type { ActionContext, Entity } from '@portico/plugin-api';
import type { CloudConfig } from '../config/cloud-config';
import { followRun } from '../terraform/follow-run';
import type { TerraformApi } from '../terraform/terraform-api';

/**
 * Sets a resource's variables on its workspace, queues a run and follows plan and apply to the
 * end, recording the run on the entity as it goes; resolves with the outputs of the new state.
 */
export async function runTerraform(ctx: ActionContext<unknown>, config: CloudConfig, api: TerraformApi, resource: Entity, options: { variables: Record<string, unknown>; isDestroy: boolean; message: string }): Promise<Record<string, unknown>> {
  const workspaceId = String(resource.properties.workspaceId);
  const workspace = String(resource.properties.workspace);
  const existing = await api.listVariables(workspaceId);
  for (const [key, value] of Object.entries(options.variables)) await api.setVariable(workspaceId, key, value, existing);
  if (Object.keys(options.variables).length > 0) ctx.logger.info(`Set ${Object.keys(options.variables).length} variable(s) on workspace ${workspace}: ${Object.keys(options.variables).join(', ')}`);
  const run = await api.createRun(workspaceId, { message: options.message, isDestroy: options.isDestroy });
  const url = api.runUrl(workspace, run.id);
  ctx.addLink({ title: `Terraform run ${run.id}`, url });
  await ctx.catalog.patch({ kind: resource.kind, id: resource.id }, { properties: { lastRunId: run.id, lastRunStatus: run.status, lastRunUrl: url } });
  try {
    const finished = await followRun(api, run, { pollMs: config.terraform!.pollMs, timeoutMs: config.terraform!.runTimeoutMs, signal: ctx.signal, logger: ctx.logger, url });
    await ctx.catalog.patch({ kind: resource.kind, id: resource.id }, { properties: { lastRunStatus: finished.status } });
  } catch (error) {
    const status = await api.getRun(run.id).then((r) => r.status).catch(() => 'unknown');
    await ctx.catalog.patch({ kind: resource.kind, id: resource.id }, { properties: { lastRunStatus: status } });
    throw error;
  }
  return options.isDestroy ? {} : api.outputs(workspaceId);
}

/** The endpoint people connect to, from the module's usual output names. */
export function endpointOf(outputs: Record<string, unknown>): string | null {
  for (const name of ['endpoint', 'url', 'address', 'bucket_url', 'connection_string']) if (typeof outputs[name] === 'string') return outputs[name] as string;
  return null;
}
