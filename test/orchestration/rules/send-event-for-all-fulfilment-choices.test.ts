import { describe, expect, it } from 'vitest';
import { sendEventForAllFulfilmentChoices as rule } from '../../../server/orchestration/rules/send-event-for-all-fulfilment-choices.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { choiceFulfilment, multiOrder, multiWorld } from './multi-fixtures.js';

describe('order.SendEventForAllFulfilmentChoices', () => {
  it.each([
    { title: 'the order', target: multiOrder() },
    { title: 'a fulfilment of the order', target: choiceFulfilment('f1', 'FC-HD', 'AWAITING_WAVE') },
  ])('sends eventName to every choice of the order, from $title', ({ target }) => {
    const effects = rule.run(
      ruleInput(target, rule.props.parse({ eventName: 'CancelFulfilmentChoice' }), {
        event: eventOn(target, 'OrderCancel', { why: 'x' }),
        data: multiWorld([target]),
      }),
    );
    expect(
      effects.map((e) =>
        e.type === 'sendEvent'
          ? [e.event.name, e.event.entityType, e.event.entityRef, e.event.entitySubtype, e.event.rootEntityRef, e.event.attributes]
          : e.type,
      ),
    ).toEqual([
      ['CancelFulfilmentChoice', 'FULFILMENT_CHOICE', 'FC-HD', 'HD', 'HD-1', { why: 'x' }],
      ['CancelFulfilmentChoice', 'FULFILMENT_CHOICE', 'FC-CC', 'CC', 'HD-1', { why: 'x' }],
    ]);
  });

  it('sends nothing for an order without choices, and needs eventName', () => {
    expect(rule.run(ruleInput(multiOrder(), rule.props.parse({ eventName: 'X' }), { data: multiWorld([], []) }))).toEqual([]);
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
