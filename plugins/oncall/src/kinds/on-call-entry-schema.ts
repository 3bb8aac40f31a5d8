import type { JsonSchema } from '@portico/plugin-api';

/** Someone on call at one level of a policy, from when until when, and how to reach them. */
export const onCallEntrySchema: JsonSchema = {
  type: 'object',
  required: ['level', 'userId', 'name'],
  properties: {
    level: { type: 'integer', minimum: 1 },
    userId: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    phone: { type: 'string' },
    url: { type: 'string' },
    scheduleId: { type: ['string', 'null'] },
    start: { type: ['string', 'null'] },
    end: { type: ['string', 'null'] },
  },
};

/** @public */
export interface OnCallEntry {
  level: number;
  userId: string;
  name: string;
  email?: string;
  phone?: string;
  url?: string;
  scheduleId: string | null;
  start: string | null;
  end: string | null;
}
