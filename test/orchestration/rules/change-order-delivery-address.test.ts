import { describe, expect, it } from 'vitest';
import { changeOrderDeliveryAddress as rule } from '../../../server/orchestration/rules/change-order-delivery-address.js';
import { eventOn, hdOrder, ruleInput } from './fake-reader.js';
import { ccChoice, choice, hdChoice, multiOrder, multiWorld } from './multi-fixtures.js';

const order = hdOrder();
const data = (address: unknown) => ({ entities: [order], related: { 'ORDER:o1:fulfilmentChoice': [{ id: 'fc1', deliveryAddress: address }] } });
const run = (attributes: Record<string, unknown>, address: unknown = { id: 'a1', street: '1 Old St' }) =>
  rule.run(ruleInput(order, rule.props.parse(null), { event: eventOn(order, 'OrderAddressChange', attributes), data: data(address) }));

describe('order.ChangeOrderDeliveryAddress', () => {
  it.each([
    {
      attributes: { changeReason: 'moved', deliveryAddress: { street: '2 New St', city: 'Sydney', postcode: '2000' } },
      expected: [
        {
          type: 'mutate',
          mutation: 'updateCustomerAddress',
          input: { id: 'a1', street: '2 New St', city: 'Sydney', postcode: '2000', latitude: null, longitude: null },
        },
      ],
    },
    { attributes: { changeReason: 'nothing to change' }, expected: [] },
    { attributes: {}, expected: [] },
  ])('with $attributes', ({ attributes, expected }) => {
    expect(run(attributes)).toEqual(expected);
  });

  it.each([
    { attributes: { deliveryAddress: { street: 5 } }, message: '"deliveryAddress.street"' },
    { attributes: { deliveryAddress: 'somewhere' }, message: '"deliveryAddress"' },
  ])('fails naming $message', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });

  it('fails for an order without a delivery address', () => {
    expect(() => run({ deliveryAddress: { city: 'Sydney' } }, null)).toThrow(/has no delivery address/);
  });

  it('changes the address of every HD fulfilment choice of a MULTI order, not the CC one', () => {
    const second = choice('fc3', 'FC-HD2', 'HD', 'BOOKED', { deliveryAddress: { id: 'ca3' } });
    const order = multiOrder();
    const event = eventOn(order, 'OrderAddressChange', { deliveryAddress: { street: '2 New St' } });
    const effects = rule.run(ruleInput(order, null, { event, data: multiWorld([], [hdChoice(), ccChoice(), second]) }));
    expect(effects.map((e) => (e.type === 'mutate' ? e.input['id'] : e.type))).toEqual(['ca1', 'ca3']);
  });

  it('fails for a MULTI order without an HD fulfilment choice', () => {
    const order = multiOrder();
    const event = eventOn(order, 'OrderAddressChange', { deliveryAddress: { street: '2 New St' } });
    expect(() => rule.run(ruleInput(order, null, { event, data: multiWorld([], [ccChoice()]) }))).toThrow(/has no delivery address/);
  });
});
