import { describe, expect, it } from 'vitest';
import { scheduleEvent } from '../../../server/orchestration/rules/schedule-event.js';
import { entity, ruleInput } from './fake-reader.js';

const order = entity({ entityType: 'ORDER', id: 'o1', ref: 'CC-1', subtype: 'CC' });

describe('core.ScheduleEvent', () => {
  it.each([
    { delay: '60', delayMs: 60_000 },
    { delay: 600, delayMs: 600_000 },
    { delay: '0', delayMs: 0 },
    { delay: '1.5', delayMs: 1_500 },
    { delay: 'PT10M', delayMs: 600_000 },
  ])('schedules the event $delay seconds ahead', ({ delay, delayMs }) => {
    const props = scheduleEvent.props.parse({ eventName: 'CollectionExpired', delay });
    const [effect] = scheduleEvent.run(ruleInput(order, props));
    expect(effect).toMatchObject({
      type: 'sendEvent',
      event: { name: 'CollectionExpired', entityType: 'ORDER', entityId: 'o1', delayMs },
    });
  });

  it.each([
    { props: { eventName: 'X' } },
    { props: { delay: '60' } },
    { props: { eventName: 'X', delay: 'soon' } },
    { props: { eventName: 'X', delay: -5 } },
    { props: { eventName: 'X', delay: 'P1M' } },
  ])('rejects props $props', ({ props }) => {
    expect(scheduleEvent.props.safeParse(props).success).toBe(false);
  });
});
