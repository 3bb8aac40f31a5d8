import type { ActionContext, ActionRunnerService, Entity } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';
import { accountConfig, type PagerDutyConnection } from '../pagerduty/pagerduty-connection';

/** What the on-call actions share. */
export interface OncallActionDeps {
  config: OncallConfig;
  pagerduty: PagerDutyConnection;
  actionRunner: Pick<ActionRunnerService, 'listActions'>;
}

/** Writes change nothing real in the demo; every run says so once. */
export function noteSimulated(ctx: ActionContext<unknown>, config: OncallConfig): void {
  if (config.simulated) ctx.logger.warn('PagerDuty is SIMULATED in this portal (oncall.simulated: true): this changes nothing real.');
}

/**
 * The email PagerDuty records a write as (the `From` header): the acting person's, from their
 * User entity, else the account's configured `from`.
 */
export async function fromEmail(ctx: ActionContext<unknown>, config: OncallConfig, account: string): Promise<string> {
  if (ctx.actor.startsWith('user:')) {
    const user = await ctx.catalog.get({ kind: 'user', id: ctx.actor.slice('user:'.length) });
    const email = user?.properties.email;
    if (typeof email === 'string' && email) return email;
  }
  const configured = accountConfig(config, account).from;
  if (configured) return configured;
  throw new Error(`PagerDuty needs the email of a PagerDuty user for this change, and ${ctx.actor} has no User entity with an email; set "from" on the PagerDuty account "${account}" in the on-call plugin's config.`);
}

/** The PagerDuty account and id of an incident (or schedule) entity the action runs on. */
export function pagerDutyTarget(entity: Entity | null, kind: string): { account: string; pagerdutyId: string; entity: Entity } {
  if (!entity || entity.kind !== kind) throw new Error(`This action runs on a ${kind}; pick one.`);
  const account = entity.properties.account;
  const pagerdutyId = entity.properties.pagerdutyId;
  if (typeof account !== 'string' || typeof pagerdutyId !== 'string') throw new Error(`${kind} ${entity.id} has no PagerDuty id or account; it was not ingested from PagerDuty.`);
  return { account, pagerdutyId, entity };
}
