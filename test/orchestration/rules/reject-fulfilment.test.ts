import { describe, expect, it } from 'vitest';
import { rejectFulfilment } from '../../../server/orchestration/rules/reject-fulfilment.js';
import { entity, fulfilment, hdOrder, ruleInput } from './fake-reader.js';

const world = (items: Record<string, unknown>[]) => ({
  entities: [hdOrder(), fulfilment('f1', 'ASSIGNED')],
  related: {
    'ORDER:o1:items': [{ id: 'oi1', product: { ref: 'SKU-1' } }],
    'FULFILMENT:f1:items': items,
  },
});

describe('order.RejectFulfilment (commongi, commonv2)', () => {
  it.each([
    {
      items: [{ id: 'fi1', orderItem: { id: 'oi1' }, requestedQuantity: 3, filledQuantity: 0, rejectedQuantity: 0 }],
      expected: [{ id: 'fi1', requestedQuantity: 3, filledQuantity: 0, rejectedQuantity: 3 }],
    },
    {
      items: [
        { id: 'fi1', orderItem: { id: 'oi1' }, requestedQuantity: 2, filledQuantity: 2, rejectedQuantity: 0 },
        { id: 'fi2', orderItem: { id: 'oi1' }, requestedQuantity: 5, filledQuantity: 1, rejectedQuantity: 1 },
      ],
      expected: [
        { id: 'fi1', requestedQuantity: 2, filledQuantity: 0, rejectedQuantity: 2 },
        { id: 'fi2', requestedQuantity: 5, filledQuantity: 0, rejectedQuantity: 5 },
      ],
    },
  ])('rejects $items.length item(s) in full', ({ items, expected }) => {
    const f = fulfilment('f1', 'ASSIGNED');
    expect(rejectFulfilment.run(ruleInput(f, {}, { data: world(items) }))).toEqual([
      { type: 'mutate', mutation: 'updateFulfilment', input: { id: 'f1', items: expected } },
    ]);
  });

  it('does nothing for a fulfilment without items', () => {
    expect(rejectFulfilment.run(ruleInput(fulfilment('f1', 'ASSIGNED'), {}, { data: world([]) }))).toEqual([]);
  });

  it('runs on FULFILMENT only', () => {
    expect(() => rejectFulfilment.run(ruleInput(hdOrder(), {}))).toThrow(/runs on FULFILMENT/);
    expect(() => rejectFulfilment.run(ruleInput(entity({ entityType: 'LOCATION', id: 'l1' }), {}))).toThrow(/runs on FULFILMENT/);
  });

  it.each([{}, null, undefined, { anything: 'x' }])('accepts props %j', (props) => {
    expect(rejectFulfilment.props.safeParse(props).success).toBe(true);
  });
});
