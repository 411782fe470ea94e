import { describe, expect, it } from 'vitest';
import { createRevisedOrder as rule } from '../../../server/orchestration/rules/create-revised-order.js';
import { billingWorld, pricedOrder } from './billing-fixtures.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { multiOrder, multiWorld } from './multi-fixtures.js';

const choice = {
  id: 'fc1',
  ref: 'FC',
  deliveryType: 'EXPRESS',
  deliveryAddress: { id: 'a1', ref: 'OLD', street: '1 Main St', city: 'Melbourne', latitude: null },
};
const run = (revisedItems: unknown, order = pricedOrder(), extra: ReturnType<typeof entity>[] = []) =>
  rule.run(
    ruleInput(order, rule.props.parse(null), {
      event: eventOn(order, 'OrderRevision', { revisedItems }),
      data: billingWorld({ order, entities: extra, related: { [`ORDER:${order.id}:fulfilmentChoice`]: [choice] } }),
    }),
  );
const line = (ref: string, productRef: string, quantity: number, price: number) => ({
  ref,
  productRef,
  productCatalogueRef: 'PC:1',
  quantity,
  price,
  currency: 'AUD',
});

describe('order.CreateRevisedOrder', () => {
  it.each([
    {
      title: 'a lower quantity',
      items: [{ productRef: 'SKU-1', newQty: 1 }],
      lines: [line('HD-1-1', 'SKU-1', 1, 110), line('HD-1-2', 'SKU-2', 1, 50)],
      total: 160,
    },
    { title: 'a removed product', items: [{ productRef: 'SKU-2', newQty: 0 }], lines: [line('HD-1-1', 'SKU-1', 2, 110)], total: 220 },
    {
      title: 'a new product',
      items: [{ productRef: 'SKU-9', newQty: 1, price: 5, productCatalogueRef: 'PC:1' }],
      lines: [line('HD-1-1', 'SKU-1', 2, 110), line('HD-1-2', 'SKU-2', 1, 50), line('SKU-9', 'SKU-9', 1, 5)],
      total: 275,
    },
  ])('creates the revised order for $title', ({ items, lines, total }) => {
    expect(run(items)).toEqual([
      {
        type: 'mutate',
        mutation: 'createOrder',
        input: {
          ref: 'HD-1-REV1',
          type: 'HD',
          retailer: { id: '1' },
          customer: { id: 'c1' },
          totalPrice: total,
          fulfilmentChoice: { deliveryType: 'EXPRESS', deliveryAddress: { ref: 'HD-1-REV1-ADDR', street: '1 Main St', city: 'Melbourne' } },
          items: lines,
        },
      },
    ]);
  });

  it('numbers the next revision after those that exist', () => {
    const revised = pricedOrder('BOOKED');
    const taken = entity({ entityType: 'ORDER', id: 'o2', ref: 'HD-1-REV1' });
    const [effect] = run([{ productRef: 'SKU-1', newQty: 1 }], { ...revised, ref: 'HD-1-REV1' }, [taken]);
    expect(effect).toMatchObject({ input: { ref: 'HD-1-REV2' } });
  });

  it('fails without revisedItems', () => {
    expect(() => run(undefined)).toThrow('needs the attribute "revisedItems"');
  });

  it('copies the fulfilment choices of a MULTI order that keep an item; a new product joins the named or the first choice', () => {
    const order = multiOrder();
    const revise = (revisedItems: unknown) => {
      const [effect] = rule.run(ruleInput(order, null, { event: eventOn(order, 'OrderRevision', { revisedItems }), data: multiWorld() }));
      if (effect?.type !== 'mutate') throw new Error('expected a mutate effect');
      // The mutate effect's input is untyped JSON; this is the createOrder input the rule builds.
      return effect.input as { fulfilmentChoices: { ref: string; type: string }[]; items: { productRef: string; fulfilmentChoiceRef: string }[] };
    };
    const dropped = revise([
      { productRef: 'SKU-2', newQty: 0 },
      { productRef: 'SKU-3', newQty: 1 },
    ]);
    expect(dropped.fulfilmentChoices.map((c) => [c.ref, c.type])).toEqual([['HD-1-REV1-FC-HD', 'HD']]);
    expect(dropped.items.map((i) => [i.productRef, i.fulfilmentChoiceRef])).toEqual([
      ['SKU-1', 'HD-1-REV1-FC-HD'],
      ['SKU-3', 'HD-1-REV1-FC-HD'],
    ]);
    const named = revise([{ productRef: 'SKU-3', newQty: 1, fulfilmentChoiceRef: 'FC-CC' }]);
    expect(named.fulfilmentChoices.map((c) => c.ref)).toEqual(['HD-1-REV1-FC-HD', 'HD-1-REV1-FC-CC']);
    expect(named.items.find((i) => i.productRef === 'SKU-3')?.fulfilmentChoiceRef).toBe('HD-1-REV1-FC-CC');
  });
});
