import { describe, expect, it } from 'vitest';
import { sendEventForOrder } from '../../../server/orchestration/rules/send-event-for-order.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';

describe('commonv2.SendEventForOrder', () => {
  it.each([
    { title: 'a fulfilment', from: fulfilment('f1', 'ASSIGNED') },
    { title: 'the order itself', from: hdOrder() },
  ])('sends the event to the order from $title', ({ from }) => {
    const order = hdOrder();
    const event = eventOn(from, 'WaveCreate', { waveRef: 'W1' });
    const effects = sendEventForOrder.run(ruleInput(from, { eventName: 'FulfilmentAssigned' }, { event, data: { entities: [order, from] } }));
    expect(effects).toEqual([
      {
        type: 'sendEvent',
        event: {
          name: 'FulfilmentAssigned',
          retailerId: '1',
          entityType: 'ORDER',
          entityId: 'o1',
          entityRef: 'HD-1',
          entitySubtype: 'HD',
          rootEntityType: 'ORDER',
          rootEntityId: 'o1',
          rootEntityRef: 'HD-1',
          attributes: { waveRef: 'W1' },
        },
      },
    ]);
  });

  it('fails with a message naming the entity when it does not belong to an order', () => {
    const location = entity({ entityType: 'LOCATION', id: 'l1', ref: 'STORE-1' });
    expect(() => sendEventForOrder.run(ruleInput(location, { eventName: 'X' }))).toThrow(/LOCATION "STORE-1"/);
  });

  it('rejects props without eventName', () => {
    expect(sendEventForOrder.props.safeParse({}).success).toBe(false);
  });
});
