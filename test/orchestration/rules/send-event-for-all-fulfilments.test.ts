import { describe, expect, it } from 'vitest';
import { sendEventForAllFulfilments } from '../../../server/orchestration/rules/send-event-for-all-fulfilments.js';
import { fulfilment, hdOrder, ruleInput } from './fake-reader.js';

describe('base.SendEventForAllFulfilments', () => {
  it.each([
    { title: 'no fulfilments', fulfilments: [], expected: [] },
    { title: 'one fulfilment', fulfilments: [fulfilment('f1', 'AWAITING_WAVE')], expected: ['f1'] },
    {
      title: 'two fulfilments',
      fulfilments: [fulfilment('f1', 'AWAITING_WAVE'), fulfilment('f2', 'SHIPPED')],
      expected: ['f1', 'f2'],
    },
  ])('sends one event per fulfilment for $title', ({ fulfilments, expected }) => {
    const order = hdOrder('CANCELLED');
    const effects = sendEventForAllFulfilments.run(ruleInput(order, { eventName: 'CancelFulfilment' }, { data: { entities: [order, ...fulfilments] } }));
    expect(effects.map((e) => (e.type === 'sendEvent' ? [e.event.name, e.event.entityType, e.event.entityId, e.event.entitySubtype] : []))).toEqual(
      expected.map((id) => ['CancelFulfilment', 'FULFILMENT', id, 'HD_PFDC']),
    );
  });

  it('also answers to commonv2.SendEventForAllFulfilments', () => {
    expect(sendEventForAllFulfilments.aliases).toContain('commonv2.SendEventForAllFulfilments');
  });

  it('rejects props without eventName', () => {
    expect(sendEventForAllFulfilments.props.safeParse({ status: 'X' }).success).toBe(false);
  });
});
