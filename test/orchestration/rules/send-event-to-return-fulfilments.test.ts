import { describe, expect, it } from 'vitest';
import { sendEventToReturnFulfilments as rule } from '../../../server/orchestration/rules/send-event-to-return-fulfilments.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const RETURN_ROOT = { entityType: 'RETURN_ORDER', id: 'r1', ref: 'RET-1' } as const;
const returnOrder = entity({ entityType: 'RETURN_ORDER', id: 'r1', ref: 'RET-1', subtype: 'DEFAULT' });
const returnFulfilment = (n: number) =>
  entity({ entityType: 'RETURN_FULFILMENT', id: `rf${n}`, ref: `RET-1-RF${n}`, subtype: 'DEFAULT', root: { ...RETURN_ROOT } });

describe('base.SendEventToReturnFulfilments [simulator]', () => {
  it.each([
    { count: 0, refs: [] },
    { count: 1, refs: ['RET-1-RF1'] },
    { count: 2, refs: ['RET-1-RF1', 'RET-1-RF2'] },
  ])('sends to each of $count return fulfilment(s), with the event attributes', ({ count, refs }) => {
    const data = { entities: [returnOrder, ...Array.from({ length: count }, (_, i) => returnFulfilment(i + 1))] };
    const effects = rule.run(
      ruleInput(returnOrder, { eventName: 'ReturnFulfilmentReceived' }, { event: eventOn(returnOrder, 'ReturnReceived', { a: 1 }), data }),
    );
    expect(effects.map((e) => (e as { event: { entityRef: string } }).event.entityRef)).toEqual(refs);
    for (const effect of effects) {
      expect(effect).toMatchObject({
        event: {
          name: 'ReturnFulfilmentReceived',
          entityType: 'RETURN_FULFILMENT',
          rootEntityType: 'RETURN_ORDER',
          rootEntityRef: 'RET-1',
          attributes: { a: 1 },
        },
      });
    }
  });

  it('runs on a return order only; needs props.eventName', () => {
    expect(() => rule.run(ruleInput(entity({ entityType: 'ORDER', id: 'o1' }), { eventName: 'E' }))).toThrow('runs on RETURN_ORDER, not ORDER');
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
