import type { KindDefinition } from '@portico/plugin-api';
import { onCallEntrySchema } from './on-call-entry-schema';

/**
 * A PagerDuty escalation policy: who is paged, in which order, for the services that use it.
 * @public
 */
export const escalationPolicyKind: KindDefinition = {
  id: 'escalation-policy',
  title: 'Escalation policy',
  description: 'Who PagerDuty pages, level by level, for the services that use this policy.',
  icon: 'campaign',
  schema: {
    type: 'object',
    required: ['pagerdutyId', 'account'],
    properties: {
      pagerdutyId: { type: 'string', title: 'PagerDuty id' },
      account: { type: 'string', title: 'PagerDuty account' },
      url: { type: 'string', title: 'In PagerDuty', format: 'url' },
      serviceIds: { type: 'array', title: 'PagerDuty service ids', items: { type: 'string' } },
      services: {
        type: 'array',
        title: 'PagerDuty services',
        items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, url: { type: ['string', 'null'] }, status: { type: ['string', 'null'] }, component: { type: ['string', 'null'] } } },
      },
      rules: {
        type: 'array',
        title: 'Levels',
        items: {
          type: 'object',
          properties: {
            level: { type: 'integer' },
            delayMinutes: { type: 'integer' },
            targets: { type: 'array', items: { type: 'object', properties: { type: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' } } } },
          },
        },
      },
      onCall: { type: 'array', title: 'On call now', items: onCallEntrySchema },
      nextOnCall: { type: 'array', title: 'On call next', items: onCallEntrySchema },
      onCallCheckedAt: { type: 'string', title: 'On call checked at', format: 'date-time' },
    },
  },
  relations: {
    components: { target: 'component', many: true, title: 'Pages for', inverse: 'escalationPolicy', inverseTitle: 'Escalation policy' },
    schedules: { target: 'schedule', many: true, title: 'Schedules', inverse: 'usedByPolicy', inverseTitle: 'Used by' },
  },
};
