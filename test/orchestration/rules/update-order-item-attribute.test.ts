import { describe, expect, it } from 'vitest';
import { updateOrderItemAttribute as rule } from '../../../server/orchestration/rules/update-order-item-attribute.js';
import { billingWorld, ITEMS, pricedOrder } from './billing-fixtures.js';
import { eventOn, ruleInput } from './fake-reader.js';

const order = pricedOrder('COMPLETE');
const run = (returnItems: unknown, items = ITEMS) =>
  rule.run(
    ruleInput(order, rule.props.parse(null), {
      event: eventOn(order, 'CreateReturnOrder', { returnItems }),
      data: billingWorld({ order, related: { 'ORDER:o1:items': items } }),
    }),
  );
const attr = (value: number) => [{ name: 'returnableQTY', type: 'INTEGER', value }];

describe('order.UpdateOrderItemAttribute', () => {
  it.each([
    { title: 'one of two', returnItems: [{ orderItemRef: 'HD-1-1', quantity: 1 }], items: ITEMS, expected: [{ id: 'i1', attributes: attr(1) }] },
    {
      title: 'both items',
      returnItems: [
        { productRef: 'SKU-1', quantity: 2 },
        { productRef: 'SKU-2', quantity: 1 },
      ],
      items: ITEMS,
      expected: [
        { id: 'i1', attributes: attr(0) },
        { id: 'i2', attributes: attr(0) },
      ],
    },
    {
      title: 'from an earlier returnableQTY',
      returnItems: [{ productRef: 'SKU-1', quantity: 1 }],
      items: [{ ...ITEMS[0]!, attributes: attr(1) }],
      expected: [{ id: 'i1', attributes: attr(0) }],
    },
  ])('updates $title', ({ returnItems, items, expected }) => {
    expect(run(returnItems, items)).toEqual([{ type: 'mutate', mutation: 'updateOrder', input: { id: 'o1', items: expected } }]);
  });

  it.each([
    { returnItems: undefined, message: 'needs the attribute "returnItems"' },
    { returnItems: [{ orderItemRef: 'X', quantity: 1 }], message: 'has no item X' },
  ])('fails: $message', ({ returnItems, message }) => {
    expect(() => run(returnItems)).toThrow(message);
  });
});
