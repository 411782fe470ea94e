import type { Effect } from '../../../server/orchestration/port.js';
import { describe, expect, it } from 'vitest';
import { createCreditMemoForRevisedOrder as rule } from '../../../server/orchestration/rules/create-credit-memo-for-revised-order.js';
import { billingAccount, billingWorld, ITEMS, pricedOrder } from './billing-fixtures.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const old = pricedOrder('CANCELLED', { attributes: [{ name: 'RevisedOrderLink', type: 'STRING', value: 'HD-1-REV1' }] });
const revised = entity({ entityType: 'ORDER', id: 'o2', ref: 'HD-1-REV1', subtype: 'HD' });
const run = (revisedItems: typeof ITEMS, o = old) =>
  rule.run(
    ruleInput(billingAccount, rule.props.parse(null), {
      event: eventOn(billingAccount, 'ProcessCreditForRevisedOrder', { entityReference: { entityType: 'ORDER', entityRef: 'HD-1' } }),
      data: billingWorld({ order: o, account: true, entities: [revised], related: { 'ORDER:o2:items': revisedItems } }),
    }),
  );

/** The input of a mutate effect, typed as the test reads it: `Effect` types a mutation's input as a plain record. */
const mutateInput = (effect: Effect | undefined) =>
  (effect?.type === 'mutate' ? effect.input : {}) as {
    items: { orderItem: { ref: string }; unitQuantity: { quantity: number }; amount: { amount: number } }[];
  };

describe('order.CreateCreditMemoForRevisedOrder', () => {
  it.each([
    { title: 'one fewer of SKU-1', items: [{ ...ITEMS[0]!, quantity: 1 }, ITEMS[1]!], lines: [['HD-1-1', 1, 110]], total: 110 },
    { title: 'SKU-2 removed', items: [ITEMS[0]!], lines: [['HD-1-2', 1, 50]], total: 50 },
    {
      title: 'both down',
      items: [{ ...ITEMS[0]!, quantity: 1 }],
      lines: [
        ['HD-1-1', 1, 110],
        ['HD-1-2', 1, 50],
      ],
      total: 160,
    },
  ])('credits $title', ({ items, lines, total }) => {
    const [effect] = run(items);
    expect(effect).toMatchObject({
      type: 'mutate',
      mutation: 'createCreditMemo',
      input: { ref: 'HD-1-CM1', order: { ref: 'HD-1' }, totalAmount: { amount: total } },
    });
    const memoItems = mutateInput(effect).items;
    expect(memoItems.map((i) => [i.orderItem.ref, i.unitQuantity.quantity, i.amount.amount])).toEqual(lines);
  });

  it('creates no memo when nothing went down', () => {
    expect(run([...ITEMS, { ...ITEMS[1]!, id: 'i3', ref: 'X', productRef: 'SKU-3' }])).toEqual([]);
  });

  it('fails when the order names no revised order', () => {
    expect(() => run(ITEMS, pricedOrder('CANCELLED'))).toThrow('has no revised order');
  });
});
