import { describe, expect, it } from 'vitest';
import { sendEventToReturns as rule } from '../../../server/orchestration/rules/send-event-to-returns.js';
import { entity, eventOn, fulfilment, hdOrder, ROOT, ruleInput } from './fake-reader.js';

// The fake reader finds children by `root`; the domain finds return orders by their `order` link.
const returnOrder = (id: string) => entity({ entityType: 'RETURN_ORDER', id, ref: `HD-1-RET${id}`, root: { ...ROOT } });

describe('base.SendEventToReturns (commonv2)', () => {
  it.each([
    { returns: [], refs: [] },
    { returns: ['1'], refs: ['HD-1-RET1'] },
    { returns: ['1', '2'], refs: ['HD-1-RET1', 'HD-1-RET2'] },
  ])('sends to each of $returns.length return order(s)', ({ returns, refs }) => {
    const order = hdOrder();
    const data = { entities: [order, fulfilment('f1', 'CREATED'), ...returns.map(returnOrder)] };
    const effects = rule.run(ruleInput(order, { eventName: 'OrderUpdated' }, { event: eventOn(order, 'E', { a: 1 }), data }));
    expect(effects.map((e) => (e as { event: { entityRef: string } }).event.entityRef)).toEqual(refs);
    for (const effect of effects) expect(effect).toMatchObject({ event: { name: 'OrderUpdated', entityType: 'RETURN_ORDER', attributes: { a: 1 } } });
  });

  it('fails on an entity without an order; needs props.eventName', () => {
    expect(() => rule.run(ruleInput(entity({ entityType: 'LOCATION', id: 'l1' }), { eventName: 'E' }))).toThrow(/needs an ORDER/);
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
