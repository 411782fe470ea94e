import { describe, expect, it } from 'vitest';
import { scheduleEvent } from '../../../server/orchestration/rules/schedule-event.js';
import { sendScheduledEvent as rule } from '../../../server/orchestration/rules/send-scheduled-event.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', ref: 'HD-1', subtype: 'HD' });

describe('commonv2.SendScheduledEvent', () => {
  it.each([
    { props: { eventName: 'Expire', delay: '600' }, delayMs: 600_000 },
    { props: { eventName: 'Expire', delay: 'PT2H' }, delayMs: 7_200_000 },
    { props: { eventName: 'Now', delay: 0 }, delayMs: 0 },
  ])('schedules $props.eventName $delayMs ms later, as core.ScheduleEvent does', ({ props, delayMs }) => {
    const input = ruleInput(order, rule.props.parse(props), { event: eventOn(order, 'X', { a: 1 }) });
    const effects = rule.run(input);
    expect(effects).toEqual(scheduleEvent.run(input));
    expect(effects).toMatchObject([{ type: 'sendEvent', event: { name: props.eventName, delayMs, attributes: { a: 1 } } }]);
  });

  it.each([{ props: {} }, { props: { eventName: 'X' } }, { props: { eventName: 'X', delay: 'soon' } }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
