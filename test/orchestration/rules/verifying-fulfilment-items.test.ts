import { describe, expect, it } from 'vitest';
import { verifyingFulfilmentItems as rule } from '../../../server/orchestration/rules/verifying-fulfilment-items.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'ASSIGNED');
const withItems = (items: [requested: number, filled: number][]) => {
  const data = world([f1]);
  data.related!['FULFILMENT:1:items'] = items.map(([requestedQuantity, filledQuantity], i) => ({
    id: `i${i}`,
    orderItem: { id: 'oi1' },
    requestedQuantity,
    filledQuantity,
  }));
  return data;
};

describe('order.VerifyingFulfilmentItems', () => {
  it.each([
    { items: [[2, 2]], ALL: true, PARTIAL: false, NONE: false },
    {
      items: [
        [2, 2],
        [1, 1],
      ],
      ALL: true,
      PARTIAL: false,
      NONE: false,
    },
    { items: [[2, 1]], ALL: false, PARTIAL: true, NONE: false },
    {
      items: [
        [2, 2],
        [1, 0],
      ],
      ALL: false,
      PARTIAL: true,
      NONE: false,
    },
    {
      items: [
        [2, 0],
        [1, 0],
      ],
      ALL: false,
      PARTIAL: false,
      NONE: true,
    },
  ] as { items: [number, number][]; ALL: boolean; PARTIAL: boolean; NONE: boolean }[])('items $items', (row) => {
    for (const quantity of ['ALL', 'PARTIAL', 'NONE'] as const) {
      const props = rule.props.parse({ eventName: `Is${quantity}`, quantity });
      const effects = rule.run(ruleInput(f1, props, { event: eventOn(f1, 'ConfirmFulfilmentItems', { a: 1 }), data: withItems(row.items) }));
      expect(effects.map((e) => e.type === 'sendEvent' && [e.event.name, e.event.entityType, e.event.entityId, e.event.attributes])).toEqual(
        row[quantity] ? [[`Is${quantity}`, 'FULFILMENT', '1', { a: 1 }]] : [],
      );
    }
  });

  it('fails for a fulfilment without items, and refuses an unknown quantity', () => {
    const props = rule.props.parse({ eventName: 'E', quantity: 'ALL' });
    expect(() => rule.run(ruleInput(f1, props, { data: withItems([]) }))).toThrow(/has no items/);
    expect(rule.props.safeParse({ eventName: 'E', quantity: 'SOME' }).success).toBe(false);
    expect(rule.props.safeParse({ quantity: 'ALL' }).success).toBe(false);
  });
});
