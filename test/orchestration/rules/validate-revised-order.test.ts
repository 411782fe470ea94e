import { describe, expect, it } from 'vitest';
import { validateRevisedOrder as rule } from '../../../server/orchestration/rules/validate-revised-order.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { eventOn, ruleInput } from './fake-reader.js';

const order = pricedOrder();
const run = (revisedItems: unknown) =>
  rule.run(ruleInput(order, rule.props.parse(null), { event: eventOn(order, 'OrderRevision', { revisedItems }), data: billingWorld() }));

describe('order.ValidateRevisedOrder', () => {
  it.each([
    { title: 'a lower quantity', items: [{ productRef: 'SKU-1', newQty: 1 }] },
    { title: 'a removed product', items: [{ productRef: 'SKU-2', newQty: 0 }] },
    { title: 'a new product', items: [{ productRef: 'SKU-9', newQty: '3' }] },
    {
      title: 'one change among none',
      items: [
        { productRef: 'SKU-1', newQty: 2 },
        { productRef: 'SKU-2', newQty: 4 },
      ],
    },
  ])('passes $title', ({ items }) => {
    expect(run(items)).toEqual([]);
  });

  it.each([
    { title: 'no change', items: [{ productRef: 'SKU-1', newQty: 2 }], message: 'changes no product and no quantity' },
    { title: 'a new product at 0', items: [{ productRef: 'SKU-9', newQty: 0 }], message: 'changes no product and no quantity' },
    {
      title: 'nothing left',
      items: [
        { productRef: 'SKU-1', newQty: 0 },
        { productRef: 'SKU-2', newQty: 0 },
      ],
      message: 'leaves no item',
    },
    { title: 'no revisedItems', items: undefined, message: 'needs the attribute "revisedItems"' },
    { title: 'an empty list', items: [], message: 'needs the attribute "revisedItems"' },
    { title: 'a negative quantity', items: [{ productRef: 'SKU-1', newQty: -1 }], message: '"revisedItems[0].newQty"' },
    { title: 'no product', items: [{ newQty: 1 }], message: 'revisedItems[0].productRef' },
  ])('fails on $title', ({ items, message }) => {
    expect(() => run(items)).toThrow(message);
  });
});
