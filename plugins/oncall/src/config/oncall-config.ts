import type { ApprovalPolicy, JsonSchema } from '@portico/plugin-api';

/**
 * One PagerDuty account (most companies have one; acquisitions bring more).
 * @public
 */
export interface AccountConfig {
  /** Names the account in entity ids (`<account>.<pagerduty id>`, except for `default`) and webhook URLs. */
  id: string;
  /** REST API v2 base URL. */
  baseUrl: string;
  /** Events API v2 base URL. */
  eventsUrl: string;
  /** Name of the secret holding a REST API key (sent as `Authorization: Token token=…`). */
  tokenSecret: string;
  /** Name of the secret PagerDuty signs webhooks v3 with (the subscription's secret). */
  webhookSecret: string;
  /** Email of a PagerDuty user, sent as `From` on writes when the acting person has no email. */
  from?: string;
}

/**
 * A PagerDuty service tied to a Component, on top of the Component's own property or annotation.
 * @public
 */
export interface ServiceMapping {
  serviceId: string;
  component: string;
  account?: string;
  /** Name of the secret holding the Events API v2 routing key of the service's integration. */
  routingKeySecret?: string;
}

/**
 * `plugins[].config` of the on-call plugin, with every default filled in.
 * @public
 */
export interface OncallConfig {
  /** Demos only: an in-process PagerDuty with the example organisation; actions change nothing real. */
  simulated: boolean;
  accounts: AccountConfig[];
  services: ServiceMapping[];
  /** Full resync of services, policies, schedules and incidents, in ms. */
  syncIntervalMs: number;
  /** Refresh of who is on call now and next, in ms. */
  onCallRefreshMs: number;
  /** How far back resolved incidents are ingested, in days. */
  recentIncidentDays: number;
  /** Wait between the SDK's retries of a request PagerDuty answered 429, in ms. */
  rateLimitRetryMs: number;
  /** Who approves a runbook step marked `requiresApproval` that names no approvers, when its service has no owner. */
  runbookApprovers: ApprovalPolicy;
}

const ID_PATTERN = '^[a-z0-9][a-z0-9_-]*$';

/** @public */
export const oncallConfigSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    simulated: { type: 'boolean', description: 'Demos only: an in-process PagerDuty with the example organisation; actions change nothing real.' },
    accounts: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id'],
        properties: {
          id: { type: 'string', pattern: ID_PATTERN },
          baseUrl: { type: 'string', format: 'uri' },
          eventsUrl: { type: 'string', format: 'uri' },
          tokenSecret: { type: 'string', minLength: 1 },
          webhookSecret: { type: 'string', minLength: 1 },
          from: { type: 'string', format: 'email' },
        },
      },
    },
    services: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['serviceId', 'component'],
        properties: {
          serviceId: { type: 'string', minLength: 1 },
          component: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$' },
          account: { type: 'string', pattern: ID_PATTERN },
          routingKeySecret: { type: 'string', minLength: 1 },
        },
      },
    },
    syncIntervalMs: { type: 'integer', minimum: 1000 },
    onCallRefreshMs: { type: 'integer', minimum: 1000 },
    recentIncidentDays: { type: 'integer', minimum: 0, maximum: 90 },
    rateLimitRetryMs: { type: 'integer', minimum: 0 },
    runbookApprovers: {
      type: 'object',
      additionalProperties: false,
      properties: { users: { type: 'array', items: { type: 'string' } }, teams: { type: 'array', items: { type: 'string' } } },
    },
  },
};

const DEFAULT_ACCOUNT: AccountConfig = {
  id: 'default',
  baseUrl: 'https://api.pagerduty.com',
  eventsUrl: 'https://events.pagerduty.com',
  tokenSecret: 'pagerduty-token',
  webhookSecret: 'pagerduty-webhook-secret',
};

/**
 * Fills defaults in code rather than in the schema, so the plugin behaves the same whoever validated its config.
 * @public
 */
export function resolveOncallConfig(raw: Partial<Record<keyof OncallConfig, unknown>> = {}): OncallConfig {
  const r = raw as Partial<OncallConfig>;
  const accounts = (r.accounts ?? [{ id: 'default' }]).map((a) => ({
    ...DEFAULT_ACCOUNT,
    tokenSecret: a.id === 'default' ? DEFAULT_ACCOUNT.tokenSecret : `pagerduty-${a.id}-token`,
    webhookSecret: a.id === 'default' ? DEFAULT_ACCOUNT.webhookSecret : `pagerduty-${a.id}-webhook-secret`,
    ...a,
  }));
  const approvers = r.runbookApprovers ?? {};
  return {
    simulated: r.simulated ?? false,
    accounts,
    services: r.services ?? [],
    syncIntervalMs: r.syncIntervalMs ?? 5 * 60 * 1000,
    onCallRefreshMs: r.onCallRefreshMs ?? 60 * 1000,
    recentIncidentDays: r.recentIncidentDays ?? 7,
    rateLimitRetryMs: r.rateLimitRetryMs ?? 20_000,
    // Fails closed: with nobody configured, the portal's admins approve, never "anyone".
    runbookApprovers: (approvers.users ?? []).length + (approvers.teams ?? []).length > 0 ? approvers : { teams: ['portal-admins'] },
  };
}

/** Entity id of a PagerDuty object: its id in lower case, prefixed by the account unless it is `default`. */
export function entityIdFor(account: string, pagerdutyId: string): string {
  const id = pagerdutyId.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  return account === 'default' ? id : `${account}.${id}`;
}
