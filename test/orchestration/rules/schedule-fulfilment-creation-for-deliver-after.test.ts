import { describe, expect, it } from 'vitest';
import { scheduleFulfilmentCreationForDeliverAfter as rule } from '../../../server/orchestration/rules/schedule-fulfilment-creation-for-deliver-after.js';
import type { Setting } from '../../../server/orchestration/port.js';
import { eventOn, NOW, ruleInput } from './fake-reader.js';
import { choice, multiOrder, multiWorld } from './multi-fixtures.js';

const HOUR = 3_600_000;
const reservation = (value: string): Setting[] => [{ name: 'fc.order.sourcing.reservation.time', value, lobValue: null, context: 'RETAILER', contextId: 1 }];
const run = (deliverAfter: string | undefined, settings: Setting[], target?: ReturnType<typeof multiOrder>, attributes: Record<string, unknown> = {}) => {
  const hd = choice('fc1', 'FC-HD', 'HD', 'BOOKED', deliverAfter ? { deliverAfter } : {});
  const entity = target ?? hd;
  const data = { ...multiWorld([], [hd]), settings };
  return rule.run(
    ruleInput(entity, { eventName: 'CreateFulfilmentForFulfilmentChoice' }, { event: eventOn(entity, 'BookFulfilmentChoice', attributes), data }),
  );
};
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

describe('order.ScheduleFulfilmentCreationForDeliverAfter', () => {
  it.each([
    { title: 'deliverAfter in 72 h, 24 h reservation', deliverAfter: at(72), settings: reservation('24'), delayMs: 48 * HOUR },
    { title: 'deliverAfter in 72 h, 72 h reservation', deliverAfter: at(72), settings: reservation('72'), delayMs: undefined },
    { title: 'deliverAfter passed', deliverAfter: at(-1), settings: reservation('24'), delayMs: undefined },
    { title: 'no reservation setting', deliverAfter: at(72), settings: [], delayMs: undefined },
    { title: 'no deliverAfter', deliverAfter: undefined, settings: reservation('24'), delayMs: undefined },
  ])('$title: delay $delayMs', ({ deliverAfter, settings, delayMs }) => {
    const [effect, ...rest] = run(deliverAfter, settings);
    expect(rest).toEqual([]);
    expect(effect).toMatchObject({
      type: 'sendEvent',
      event: { name: 'CreateFulfilmentForFulfilmentChoice', entityType: 'FULFILMENT_CHOICE', entityId: 'fc1' },
    });
    expect(effect?.type === 'sendEvent' ? effect.event.delayMs : 'not an event').toBe(delayMs);
  });

  it('on an order, takes the choice fulfilmentChoiceRef names', () => {
    expect(run(at(72), reservation('24'), multiOrder(), { fulfilmentChoiceRef: 'FC-HD' })).toMatchObject([{ event: { entityId: 'fc1', delayMs: 48 * HOUR } }]);
    expect(() => run(at(72), reservation('24'), multiOrder(), {})).toThrow('no fulfilment choice');
  });
});
