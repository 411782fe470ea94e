import { describe, expect, it } from 'vitest';
import { changeOrderDeliveryAddress as rule } from '../../../server/orchestration/rules/change-order-delivery-address.js';
import { eventOn, hdOrder, ruleInput } from './fake-reader.js';

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
});
