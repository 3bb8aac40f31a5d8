import type { ActionDefinition } from '@portico/plugin-api';
import { fromEmail, noteSimulated, pagerDutyTarget, type OncallActionDeps } from './oncall-action-deps';

const MAX_SHIFT_DAYS = 31;

interface ShiftInputs {
  start: string;
  end: string;
  userEmail?: string;
}

/** Takes (or gives someone) an on-call shift: a PagerDuty schedule override for a time range. */
export function takeShiftAction(deps: OncallActionDeps): ActionDefinition<ShiftInputs> {
  return {
    id: 'oncall.take-shift',
    title: 'Take an on-call shift',
    description: 'Puts you (or someone) on call on this schedule for a time range, as a PagerDuty override.',
    icon: 'event_available',
    kind: 'schedule',
    operation: 'day-2',
    permission: 'oncall.shift',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['start', 'end'],
      properties: {
        start: { type: 'string', title: 'From', format: 'date-time' },
        end: { type: 'string', title: 'Until', format: 'date-time' },
        userEmail: { type: 'string', title: 'Who (default: you)', format: 'email' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const { account, pagerdutyId } = pagerDutyTarget(ctx.entity, 'schedule');
        const start = Date.parse(ctx.inputs.start);
        const end = Date.parse(ctx.inputs.end);
        if (!(end > start)) throw new Error(`The shift must end after it starts (from ${ctx.inputs.start} until ${ctx.inputs.end}).`);
        if (end <= Date.now()) throw new Error(`The shift ends in the past (${ctx.inputs.end}); pick a range that is still to come.`);
        if (end - start > MAX_SHIFT_DAYS * 24 * 3600 * 1000) throw new Error(`A shift is at most ${MAX_SHIFT_DAYS} days; split longer ones or change the schedule's rotation in PagerDuty.`);
        const from = await fromEmail(ctx, deps.config, account);
        const email = ctx.inputs.userEmail ?? from;
        const api = await deps.pagerduty(account);
        const user = await api.findUserByEmail(email);
        if (!user) throw new Error(`No PagerDuty user has the email ${email}; check the address or invite them to PagerDuty.`);
        const override = await api.createOverride(pagerdutyId, { start: new Date(start).toISOString(), end: new Date(end).toISOString(), userId: user.id }, from);
        ctx.logger.info(`${user.name} is on call on ${ctx.entity!.title} from ${override.start} until ${override.end} (override ${override.id ?? 'created'})`);
        ctx.setOutput('overrideId', override.id ?? null);
        ctx.setOutput('user', user.name);
        const url = ctx.entity!.properties.url;
        if (typeof url === 'string') ctx.addLink({ title: `${ctx.entity!.title} in PagerDuty`, url });
      },
    },
  };
}
