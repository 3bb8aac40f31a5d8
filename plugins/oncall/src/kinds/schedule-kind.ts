import type { KindDefinition } from '@portico/plugin-api';
import { onCallEntrySchema } from './on-call-entry-schema';

/**
 * A PagerDuty on-call schedule (a rotation).
 * @public
 */
export const scheduleKind: KindDefinition = {
  id: 'schedule',
  title: 'Schedule',
  description: 'A PagerDuty on-call rotation: who is on call now and next.',
  icon: 'event',
  schema: {
    type: 'object',
    required: ['pagerdutyId', 'account'],
    properties: {
      pagerdutyId: { type: 'string', title: 'PagerDuty id' },
      account: { type: 'string', title: 'PagerDuty account' },
      url: { type: 'string', title: 'In PagerDuty', format: 'url' },
      timeZone: { type: 'string', title: 'Time zone' },
      onCall: { anyOf: [onCallEntrySchema, { type: 'null' }], title: 'On call now' },
      nextOnCall: { anyOf: [onCallEntrySchema, { type: 'null' }], title: 'On call next' },
    },
  },
};
