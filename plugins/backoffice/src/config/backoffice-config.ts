import type { JsonSchema } from '@portico/plugin-api';

/** @public */
export interface PlanConfig {
  /** Entity id of the Plan, e.g. `team`. */
  id: string;
  title: string;
  /** Rank of the tier: a higher tier is an upgrade. */
  tier: number;
  /** Stripe price ids billed for this plan; the first is the one new subscriptions get. */
  priceIds: string[];
  /** What the plan allows, e.g. `{ seats: 25, apiCallsPerMonth: 1000000 }`. */
  limits: Record<string, number>;
}

/**
 * `plugins[].config` of the backoffice plugin, with every default filled in.
 * @public
 */
export interface BackofficeConfig {
  /** Demos only: billing and tenants simulated in the portal process, with sample customers. */
  simulated: boolean;
  stripe: {
    /** Stripe's API host, port and protocol: `api.stripe.com`, 443, `https` unless pointed elsewhere. */
    host: string;
    port: number;
    protocol: 'https' | 'http';
    /** Name of the secret holding the Stripe secret key. */
    secretKeySecret: string;
    /** Name of the secret Stripe signs webhooks with (`whsec_...`). */
    webhookSecret: string;
    /** How many times the SDK retries a failed request (with the same idempotency key). */
    maxNetworkRetries: number;
    /** Seconds a webhook signature stays acceptable. */
    webhookToleranceSeconds: number;
  };
  tenantApi: {
    /** Base URL of the company's tenant service, which implements the tenant admin contract. */
    baseUrl: string;
    /** Name of the secret holding its bearer token. */
    tokenSecret: string;
  };
  plans: PlanConfig[];
  regions: string[];
  /** JSON Schema every customer's configuration must satisfy; the change-configuration form is generated from it. */
  configurationSchema: JsonSchema;
  deletion: {
    /** Who approves a deletion; default the `portal-admins` team. */
    approvers: { users: string[]; teams: string[] };
    /** How long a deleted customer can be restored before the deletion completes. */
    gracePeriodMs: number;
  };
  /** How often customers and subscriptions are re-read from Stripe, in ms. */
  syncIntervalMs: number;
}

const ID_PATTERN = '^[a-z0-9][a-z0-9._-]*$';

/** @public */
export const DEFAULT_PLANS: PlanConfig[] = [
  { id: 'starter', title: 'Starter', tier: 1, priceIds: ['price_starter_monthly'], limits: { seats: 5 } },
  { id: 'team', title: 'Team', tier: 2, priceIds: ['price_team_monthly'], limits: { seats: 25 } },
  { id: 'enterprise', title: 'Enterprise', tier: 3, priceIds: ['price_enterprise_monthly'], limits: { seats: 500 } },
];

/**
 * A small, useful default: what most tenant services let support change.
 * @public
 */
export const DEFAULT_CONFIGURATION_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    seats: { type: 'integer', title: 'Seats', minimum: 1, maximum: 10000, default: 5 },
    ssoEnabled: { type: 'boolean', title: 'Single sign-on', default: false },
    dataRetentionDays: { type: 'integer', title: 'Data retention (days)', minimum: 7, maximum: 3650, default: 90 },
    supportTier: { type: 'string', title: 'Support tier', enum: ['standard', 'priority'], default: 'standard' },
  },
};

/** @public */
export const backofficeConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    simulated: { type: 'boolean', description: 'Demos only: Stripe and the tenant service simulated in the portal process, with sample customers.' },
    stripe: {
      type: 'object',
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        protocol: { type: 'string', enum: ['https', 'http'] },
        secretKeySecret: { type: 'string', minLength: 1 },
        webhookSecret: { type: 'string', minLength: 1 },
        maxNetworkRetries: { type: 'integer', minimum: 0, maximum: 5 },
        webhookToleranceSeconds: { type: 'integer', minimum: 1 },
      },
    },
    tenantApi: {
      type: 'object',
      additionalProperties: false,
      properties: { baseUrl: { type: 'string', format: 'uri' }, tokenSecret: { type: 'string', minLength: 1 } },
    },
    plans: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'tier', 'priceIds'],
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          title: { type: 'string', minLength: 1 },
          tier: { type: 'integer', minimum: 0 },
          priceIds: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          limits: { type: 'object', additionalProperties: { type: 'number' } },
        },
      },
    },
    regions: { type: 'array', minItems: 1, items: { type: 'string', pattern: ID_PATTERN } },
    configurationSchema: { type: 'object', description: 'JSON Schema of a customer configuration (an object schema).' },
    deletion: {
      type: 'object',
      additionalProperties: false,
      properties: {
        approvers: {
          type: 'object',
          additionalProperties: false,
          properties: { users: { type: 'array', items: { type: 'string' } }, teams: { type: 'array', items: { type: 'string' } } },
        },
        gracePeriodMs: { type: 'integer', minimum: 0 },
      },
    },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
  },
};

/**
 * Fills defaults in code rather than in the schema, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveBackofficeConfig(raw: Record<string, unknown> = {}): BackofficeConfig {
  const r = raw as Partial<BackofficeConfig> & { stripe?: Partial<BackofficeConfig['stripe']>; tenantApi?: Partial<BackofficeConfig['tenantApi']>; deletion?: Partial<BackofficeConfig['deletion']> };
  const plans = (r.plans ?? DEFAULT_PLANS).map((p) => ({ ...p, limits: p.limits ?? {} }));
  const approvers = { users: r.deletion?.approvers?.users ?? [], teams: r.deletion?.approvers?.teams ?? [] };
  return {
    simulated: r.simulated ?? false,
    stripe: {
      host: r.stripe?.host ?? 'api.stripe.com',
      port: r.stripe?.port ?? 443,
      protocol: r.stripe?.protocol ?? 'https',
      secretKeySecret: r.stripe?.secretKeySecret ?? 'stripe-secret-key',
      webhookSecret: r.stripe?.webhookSecret ?? 'stripe-webhook-secret',
      maxNetworkRetries: r.stripe?.maxNetworkRetries ?? 2,
      webhookToleranceSeconds: r.stripe?.webhookToleranceSeconds ?? 300,
    },
    tenantApi: { baseUrl: (r.tenantApi?.baseUrl ?? 'http://127.0.0.1:8080/tenant-admin/v1').replace(/\/+$/, ''), tokenSecret: r.tenantApi?.tokenSecret ?? 'tenant-api-token' },
    plans,
    regions: r.regions ?? ['eu-west', 'us-east'],
    configurationSchema: r.configurationSchema ?? DEFAULT_CONFIGURATION_SCHEMA,
    deletion: {
      // A deletion always needs an approval: with none configured it falls to portal-admins, failing closed.
      approvers: approvers.users.length === 0 && approvers.teams.length === 0 ? { users: [], teams: ['portal-admins'] } : approvers,
      gracePeriodMs: r.deletion?.gracePeriodMs ?? 7 * 24 * 60 * 60 * 1000,
    },
    syncIntervalMs: r.syncIntervalMs ?? 10 * 60 * 1000,
  };
}

/** The plan whose prices include `priceId`, or undefined. */
export function planForPrice(config: BackofficeConfig, priceId: string | undefined): PlanConfig | undefined {
  return priceId ? config.plans.find((p) => p.priceIds.includes(priceId)) : undefined;
}
