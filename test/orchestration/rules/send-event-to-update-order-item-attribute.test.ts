import { describe, expect, it } from 'vitest';
import { sendEventToUpdateOrderItemAttribute as rule } from '../../../server/orchestration/rules/send-event-to-update-order-item-attribute.js';
import { entity, eventOn, hdOrder, ruleInput } from './fake-reader.js';

const returnOrder = (order: Record<string, unknown> | null) => entity({ entityType: 'RETURN_ORDER', id: 'r1', ref: 'HD-1-RET1', fields: { order } });

describe('base.SendEventToUpdateOrderItemAttribute (commonv2)', () => {
  it.each([
    { items: [], returnItems: [] },
    { items: [{ ref: 'RI-1', orderItem: { ref: 'HD-1-1' }, unitQuantity: { quantity: 2 } }], returnItems: [{ orderItemRef: 'HD-1-1', quantity: 2 }] },
    {
      items: [
        { ref: 'RI-1', orderItem: { ref: 'HD-1-1' }, unitQuantity: { quantity: 1 } },
        { ref: 'RI-2', orderItem: { ref: 'HD-1-2' }, unitQuantity: { quantity: 3 } },
      ],
      returnItems: [
        { orderItemRef: 'HD-1-1', quantity: 1 },
        { orderItemRef: 'HD-1-2', quantity: 3 },
      ],
    },
  ])('sends returnItems $returnItems to the order', ({ items, returnItems }) => {
    const ret = returnOrder({ id: 'o1', ref: 'HD-1' });
    const data = { entities: [hdOrder(), ret], related: { 'RETURN_ORDER:r1:returnOrderItems': items } };
    const effects = rule.run(ruleInput(ret, { eventName: 'UpdateOrderItemAttribute' }, { event: eventOn(ret, 'CREATE', { x: 1 }), data }));
    expect(effects).toEqual([
      expect.objectContaining({
        type: 'sendEvent',
        event: expect.objectContaining({
          name: 'UpdateOrderItemAttribute',
          entityType: 'ORDER',
          entityRef: 'HD-1',
          rootEntityRef: 'HD-1',
          attributes: { x: 1, returnItems },
        }),
      }),
    ]);
  });

  it.each([null, { ref: 'NOPE' }])('fails when the return order has no order (%j)', (link) => {
    const ret = returnOrder(link);
    expect(() => rule.run(ruleInput(ret, { eventName: 'E' }, { data: { entities: [hdOrder(), ret] } }))).toThrow(/has no order/);
  });

  it('runs on RETURN_ORDER only; needs props.eventName', () => {
    expect(() => rule.run(ruleInput(hdOrder(), { eventName: 'E' }))).toThrow(/runs on RETURN_ORDER/);
    expect(rule.props.safeParse({ eventName: '' }).success).toBe(false);
  });
});
