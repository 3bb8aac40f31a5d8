import type { ActionDefinition } from '@portico/plugin-api';
import { serviceOfComponent } from '../ingestion/service-map';
import { noteSimulated, type OncallActionDeps } from './oncall-action-deps';

interface AlertInputs {
  summary: string;
  severity: 'critical' | 'error' | 'warning' | 'info';
  dedupKey?: string;
  details?: string;
}

/** Sends an alert through PagerDuty's Events API v2 to the service's integration; PagerDuty's rules decide whether it pages. */
export function sendAlertAction(deps: OncallActionDeps & { secrets: { get(name: string): Promise<string | undefined> } }): ActionDefinition<AlertInputs> {
  return {
    id: 'oncall.send-alert',
    title: 'Send an alert',
    description: "Sends an event to the service's PagerDuty integration (Events API v2); alerts with the same dedup key group.",
    icon: 'notifications_active',
    kind: 'component',
    operation: 'day-2',
    permission: 'oncall.page',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['summary', 'severity'],
      properties: {
        summary: { type: 'string', title: 'Summary', minLength: 3, maxLength: 1024 },
        severity: { type: 'string', title: 'Severity', enum: ['critical', 'error', 'warning', 'info'], default: 'error' },
        dedupKey: { type: 'string', title: 'Dedup key', maxLength: 255 },
        details: { type: 'string', title: 'Details', maxLength: 10_000 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const component = ctx.entity!;
        const link = serviceOfComponent(deps.config, component);
        if (!link?.routingKeySecret) {
          throw new Error(`${component.id} has no PagerDuty integration to send alerts to: list it under the on-call plugin's "services" with a "routingKeySecret".`);
        }
        const routingKey = await deps.secrets.get(link.routingKeySecret);
        if (!routingKey) throw new Error(`The routing key secret "${link.routingKeySecret}" of ${component.id} is not set.`);
        const api = await deps.pagerduty(link.account);
        const { dedupKey } = await api.sendEvent({
          routing_key: routingKey,
          event_action: 'trigger',
          ...(ctx.inputs.dedupKey ? { dedup_key: ctx.inputs.dedupKey } : {}),
          payload: { summary: ctx.inputs.summary, source: component.id, severity: ctx.inputs.severity, component: component.id, ...(ctx.inputs.details ? { custom_details: { details: ctx.inputs.details } } : {}) },
          client: 'Portico',
        });
        ctx.logger.info(`PagerDuty accepted the alert (dedup key ${dedupKey})`);
        ctx.setOutput('dedupKey', dedupKey);
      },
    },
  };
}
