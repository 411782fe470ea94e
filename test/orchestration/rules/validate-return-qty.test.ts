import { describe, expect, it } from 'vitest';
import { validateReturnQty as rule } from '../../../server/orchestration/rules/validate-return-qty.js';
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
const left = (n: number) => [{ ...ITEMS[0]!, attributes: [{ name: 'returnableQTY', type: 'INTEGER', value: n }] }, ITEMS[1]!];

describe('order.ValidateReturnQty', () => {
  it.each([
    { title: 'all of an item', returnItems: [{ orderItemRef: 'HD-1-1', quantity: 2 }], items: ITEMS },
    {
      title: 'by product, in two lines',
      returnItems: [
        { productRef: 'SKU-1', quantity: 1 },
        { orderItemRef: 'HD-1-1', quantity: 1 },
      ],
      items: ITEMS,
    },
    { title: 'what returnableQTY leaves', returnItems: [{ productRef: 'SKU-1', quantity: 1 }], items: left(1) },
  ])('passes $title', ({ returnItems, items }) => {
    expect(run(returnItems, items)).toEqual([]);
  });

  it.each([
    { title: 'more than ordered', returnItems: [{ productRef: 'SKU-1', quantity: 3 }], items: ITEMS, message: 'has 2 left to return, not 3' },
    {
      title: 'two lines adding up to too many',
      returnItems: [
        { productRef: 'SKU-2', quantity: 1 },
        { orderItemRef: 'HD-1-2', quantity: 1 },
      ],
      items: ITEMS,
      message: 'has 1 left to return, not 2',
    },
    { title: 'more than returnableQTY', returnItems: [{ productRef: 'SKU-1', quantity: 1 }], items: left(0), message: 'has 0 left to return, not 1' },
    { title: 'an unknown item', returnItems: [{ productRef: 'SKU-404', quantity: 1 }], items: ITEMS, message: 'has no item SKU-404' },
    { title: 'no returnItems', returnItems: undefined, items: ITEMS, message: 'needs the attribute "returnItems"' },
    { title: 'a zero quantity', returnItems: [{ productRef: 'SKU-1', quantity: 0 }], items: ITEMS, message: '"returnItems[0].quantity"' },
  ])('fails on $title', ({ returnItems, items, message }) => {
    expect(() => run(returnItems, items)).toThrow(message);
  });
});
