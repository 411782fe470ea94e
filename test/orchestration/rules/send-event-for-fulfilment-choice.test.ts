import { describe, expect, it } from 'vitest';
import { sendEventForFulfilmentChoice as rule } from '../../../server/orchestration/rules/send-event-for-fulfilment-choice.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { choiceFulfilment, multiOrder, multiWorld } from './multi-fixtures.js';

const run = (target: ReturnType<typeof multiOrder>, attributes: Record<string, unknown> = {}) =>
  rule.run(ruleInput(target, { eventName: 'FulfilmentShipped' }, { event: eventOn(target, 'ConfirmShip', attributes), data: multiWorld([target]) }));

describe('order.SendEventForFulfilmentChoice', () => {
  it.each([
    { title: 'a fulfilment, to its own choice', target: choiceFulfilment('f1', 'FC-CC', 'SHIPPED'), attributes: {}, id: 'fc2' },
    { title: 'a fulfilment, to the attribute', target: choiceFulfilment('f1', 'FC-CC', 'SHIPPED'), attributes: { fulfilmentChoiceRef: 'FC-HD' }, id: 'fc1' },
    { title: 'the order, to the attribute', target: multiOrder(), attributes: { fulfilmentChoiceRef: 'FC-HD' }, id: 'fc1' },
  ])('sends from $title', ({ target, attributes, id }) => {
    expect(run(target, attributes)).toMatchObject([
      {
        type: 'sendEvent',
        event: { name: 'FulfilmentShipped', entityType: 'FULFILMENT_CHOICE', entityId: id, rootEntityType: 'ORDER', rootEntityRef: 'HD-1' },
      },
    ]);
  });

  it.each([
    { target: multiOrder(), attributes: {}, message: 'needs the attribute "fulfilmentChoiceRef"' },
    { target: choiceFulfilment('f1', 'FC-404', 'SHIPPED'), attributes: {}, message: 'has no fulfilment choice "FC-404"' },
  ])('fails: $message', ({ target, attributes, message }) => {
    expect(() => run(target, attributes)).toThrow(message);
  });
});
