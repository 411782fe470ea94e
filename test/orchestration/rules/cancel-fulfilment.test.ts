import { describe, expect, it } from 'vitest';
import { cancelFulfilment } from '../../../server/orchestration/rules/cancel-fulfilment.js';
import { fulfilment, hdOrder, ruleInput } from './fake-reader.js';

const world = (items: Record<string, unknown>[]) => ({
  entities: [hdOrder(), fulfilment('f1', 'AWAITING_WAVE')],
  related: { 'ORDER:o1:items': [{ id: 'oi1', product: { ref: 'SKU-1' } }], 'FULFILMENT:f1:items': items },
});
const CANCELLED = { type: 'setStatus', target: { entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-f1' }, status: 'CANCELLED' };

describe('order.CancelFulfilment (commonv2)', () => {
  it.each([
    { items: [], effects: [CANCELLED] },
    {
      items: [
        { id: 'fi1', orderItem: { id: 'oi1' }, requestedQuantity: 4, filledQuantity: 1, rejectedQuantity: 0 },
        { id: 'fi2', orderItem: { id: 'oi1' }, requestedQuantity: 1, filledQuantity: 0, rejectedQuantity: 0 },
      ],
      effects: [
        {
          type: 'mutate',
          mutation: 'updateFulfilment',
          input: {
            id: 'f1',
            items: [
              { id: 'fi1', requestedQuantity: 4, filledQuantity: 0, rejectedQuantity: 4 },
              { id: 'fi2', requestedQuantity: 1, filledQuantity: 0, rejectedQuantity: 1 },
            ],
          },
        },
        CANCELLED,
      ],
    },
  ])('with $items.length item(s): rejects them in full, then CANCELLED', ({ items, effects }) => {
    expect(cancelFulfilment.run(ruleInput(fulfilment('f1', 'AWAITING_WAVE'), {}, { data: world(items) }))).toEqual(effects);
  });

  it('runs on FULFILMENT only', () => {
    expect(() => cancelFulfilment.run(ruleInput(hdOrder(), {}))).toThrow(/runs on FULFILMENT/);
  });

  it('answers to the commonv2 and core names', () => {
    expect(cancelFulfilment.aliases).toEqual(expect.arrayContaining(['commonv2.CancelFulfilment', 'core.CancelFulfilment']));
  });
});
