import { createHmac } from 'node:crypto';
import type { ActionContext, Entity } from '@portico/plugin-api';
import type { CloudActionDeps } from '../actions/cloud-action-deps';
import { resourceType } from '../resources/resource-type';
import { runTerraform } from '../resources/run-terraform';

export interface GrantChange {
  change: 'grant' | 'revoke';
  grantId: string;
  who: string;
  role: string;
  expiresAt: string;
}

/**
 * Applies (or withdraws) a grant the way the resource's type is configured: its Terraform
 * variable (a map of principal → role) changed and applied, or else the configured webhook.
 * Returns how it was applied.
 */
export async function applyGrant(ctx: ActionContext<unknown>, deps: CloudActionDeps, resource: Entity, grant: GrantChange): Promise<'terraform' | 'webhook' | 'simulation'> {
  if (deps.config.simulated) {
    ctx.logger.info(`Simulated: ${grant.change === 'grant' ? 'granted' : 'revoked'} ${grant.role} on ${resource.id} for ${grant.who}`);
    return 'simulation';
  }
  const type = resourceType(deps.config, String(resource.properties.type));
  if (type.accessVariable && typeof resource.properties.workspaceId === 'string') {
    const variables = (resource.properties.variables ?? {}) as Record<string, unknown>;
    const current = { ...((variables[type.accessVariable] ?? {}) as Record<string, string>) };
    if (grant.change === 'grant') current[grant.who] = grant.role;
    else delete current[grant.who];
    const api = await deps.terraform();
    await runTerraform(ctx, deps.config, api, resource, { variables: { [type.accessVariable]: current }, isDestroy: false, message: `${grant.change === 'grant' ? 'Grant' : 'Revoke'} ${grant.role} for ${grant.who} (access grant ${grant.grantId})` });
    // The variable is a map replaced whole: clear it, then write the new one.
    await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { variables: { [type.accessVariable]: null } } });
    await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { variables: { [type.accessVariable]: current } } });
    return 'terraform';
  }
  const hook = deps.config.accessWebhook;
  if (!hook) throw new Error(`Access to a ${type.title} cannot be applied: its resource type has no "accessVariable" and the cloud plugin has no "accessWebhook". Configure one of them.`);
  const body = JSON.stringify({ ...grant, resource: resource.id, resourceType: type.type, workspaceId: resource.properties.workspaceId ?? null, runId: ctx.runId });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (hook.secret) {
    const secret = await deps.secrets.get(hook.secret);
    if (!secret) throw new Error(`The access webhook's signing secret "${hook.secret}" is not set; nothing was ${grant.change === 'grant' ? 'granted' : 'revoked'}.`);
    headers['x-portico-signature-256'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  }
  let res: Response;
  try {
    res = await fetch(hook.url, { method: 'POST', headers, body, signal: ctx.signal });
  } catch (error) {
    throw new Error(`The access webhook ${hook.url} could not be reached (${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}); nothing was ${grant.change === 'grant' ? 'granted' : 'revoked'}.`);
  }
  if (!res.ok) throw new Error(`The access webhook ${hook.url} answered ${res.status}: ${(await res.text()).slice(0, 300)}; nothing was ${grant.change === 'grant' ? 'granted' : 'revoked'}.`);
  ctx.logger.info(`The access webhook ${grant.change === 'grant' ? 'granted' : 'revoked'} ${grant.role} on ${resource.id} for ${grant.who}`);
  return 'webhook';
}
