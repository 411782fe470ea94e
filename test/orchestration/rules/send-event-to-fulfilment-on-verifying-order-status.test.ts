import { describe, expect, it } from 'vitest';
import { sendEventToFulfilmentOnVerifyingOrderStatus as rule } from '../../../server/orchestration/rules/send-event-to-fulfilment-on-verifying-order-status.js';
import { eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';

describe('commonv2.SendEventToFulfilmentOnVerifyingOrderStatus', () => {
  it.each([
    { orderStatus: ['BOOKED', 'PICK_PACK'], order: 'BOOKED', sends: true },
    { orderStatus: 'BOOKED,PICK_PACK', order: 'PICK_PACK', sends: true },
    { orderStatus: ['BOOKED'], order: 'CANCELLED', sends: false },
  ])('with orderStatus $orderStatus and the order $order sends: $sends', ({ orderStatus, order, sends }) => {
    const f = fulfilment('f1', 'CREATED');
    const props = rule.props.parse({ eventName: 'ProcessFulfilment', orderStatus });
    const effects = rule.run(ruleInput(f, props, { event: eventOn(f, 'CREATE'), data: { entities: [hdOrder(order), f] } }));
    expect(effects).toEqual(
      sends ? [{ type: 'sendEvent', event: expect.objectContaining({ name: 'ProcessFulfilment', entityType: 'FULFILMENT', entityId: 'f1' }) }] : [],
    );
  });

  it('fails on an entity that is not a fulfilment', () => {
    expect(() => rule.run(ruleInput(hdOrder(), { eventName: 'E', orderStatus: ['BOOKED'] }))).toThrow(/runs on FULFILMENT/);
  });

  it.each([{ props: { eventName: 'E' } }, { props: { orderStatus: ['BOOKED'] } }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
