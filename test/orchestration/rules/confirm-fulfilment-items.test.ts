import { describe, expect, it } from 'vitest';
import { confirmFulfilmentItems as rule } from '../../../server/orchestration/rules/confirm-fulfilment-items.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'ASSIGNED');
const data = world([f1], [], 3);
const run = (fulfilmentItems: unknown) => rule.run(ruleInput(f1, null, { event: eventOn(f1, 'ConfirmFulfilmentItems', { fulfilmentItems }), data }));

describe('order.ConfirmFulfilmentItems', () => {
  it.each([
    {
      case: 'by id',
      items: [{ id: '1-i1', filledQuantity: 3, rejectedQuantity: 0 }],
      written: { requestedQuantity: 3, filledQuantity: 3, rejectedQuantity: 0 },
    },
    {
      case: 'by ref, quantities as strings',
      items: [{ ref: 'HD-1-1-1', filledQuantity: '1', rejectedQuantity: '2' }],
      written: { requestedQuantity: 3, filledQuantity: 1, rejectedQuantity: 2 },
    },
    {
      case: 'with a new requested quantity',
      items: [{ id: '1-i1', requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 2 }],
      written: { requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 2 },
    },
  ])('updates the item $case', ({ items, written }) => {
    expect(run(items)).toEqual([{ type: 'mutate', mutation: 'updateFulfilment', input: { id: '1', items: [{ id: '1-i1', ...written }] } }]);
  });

  it.each([
    { items: undefined, message: /"fulfilmentItems"/ },
    { items: [], message: /"fulfilmentItems"/ },
    { items: [{ id: '1-i1', filledQuantity: 1 }], message: /"fulfilmentItems\[0\]\.rejectedQuantity"/ },
    { items: [{ filledQuantity: 1, rejectedQuantity: 0 }], message: /needs "id" or "ref"/ },
    { items: [{ id: 'zz', filledQuantity: 1, rejectedQuantity: 0 }], message: /"zz" is not an item of fulfilment "HD-1-1"/ },
    { items: [{ id: '1-i1', filledQuantity: 3, rejectedQuantity: 1 }], message: /exceed requested 3/ },
    { items: [{ id: '1-i1', filledQuantity: -1, rejectedQuantity: 0 }], message: /filledQuantity/ },
  ])('fails for $items', ({ items, message }) => {
    expect(() => run(items)).toThrow(message);
  });
});
