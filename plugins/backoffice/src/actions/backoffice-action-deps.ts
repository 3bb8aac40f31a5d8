import type { ActionContext, Entity, EntityInput } from '@portico/plugin-api';
import type { Billing } from '../billing/billing';
import type { BackofficeConfig, PlanConfig } from '../config/backoffice-config';
import type { TenantAdmin } from '../tenant/tenant-admin-types';

/** What every backoffice action is built from. */
export interface BackofficeActionDeps {
  config: BackofficeConfig;
  billing: Billing;
  tenants: TenantAdmin;
}

export const CUSTOMER_ID_PATTERN = '^[a-z0-9][a-z0-9-]{1,62}$';

export function planIds(config: BackofficeConfig): string[] {
  return config.plans.map((p) => p.id);
}

/** The plan with this id; the input schemas' enums make an unknown one a 400, this covers stale entities. */
export function requirePlan(config: BackofficeConfig, id: unknown): PlanConfig {
  const plan = config.plans.find((p) => p.id === id);
  if (!plan) throw new Error(`There is no plan "${String(id)}"; the plans are ${planIds(config).join(', ')}.`);
  return plan;
}

/** The Customer the action runs on. */
export function requireCustomer(ctx: ActionContext<unknown>): Entity {
  if (!ctx.entity || ctx.entity.kind !== 'customer') throw new Error('Start this action from a Customer page (entity customer:<id>).');
  return ctx.entity;
}

/**
 * Writes the whole entity with `properties` replaced where given. A merge patch would merge the
 * old and new configuration objects key by key; a configuration is replaced as a whole.
 */
export async function writeCustomer(ctx: ActionContext<unknown>, customer: Entity, properties: Record<string, unknown>, relations: Record<string, string | null> = {}): Promise<Entity> {
  const next: Record<string, unknown> = { ...customer.properties };
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) delete next[key];
    else next[key] = value;
  }
  const input: EntityInput = {
    kind: customer.kind,
    id: customer.id,
    title: customer.title,
    ...(customer.description ? { description: customer.description } : {}),
    ...(customer.owner ? { owner: customer.owner } : {}),
    properties: next,
    relations: { ...customer.relations, ...relations },
  };
  return ctx.catalog.upsert(input);
}

/** The message of anything thrown, for logs and run errors. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
