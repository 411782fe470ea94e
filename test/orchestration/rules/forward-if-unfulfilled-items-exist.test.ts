import { describe, expect, it } from 'vitest';
import { forwardIfUnfulfilledItemsExist as rule } from '../../../server/orchestration/rules/forward-if-unfulfilled-items-exist.js';
import { entity, hdOrder, ruleInput } from './fake-reader.js';
import { DC, type FulfilmentSpec, STORE, world } from './sourcing-world.js';
import { choiceFulfilment, hdChoice, multiWorld } from './multi-fixtures.js';

const all = (status: string, from = STORE): FulfilmentSpec => ({
  id: 'f1',
  status,
  from,
  items: [
    ['oi1', 2],
    ['oi2', 1],
  ],
});

describe('commonv2.ForwardIfUnfulfilledItemsExist', () => {
  it.each([
    { title: 'no fulfilment', fulfilments: [], props: {}, forwards: true },
    { title: 'a live fulfilment for everything', fulfilments: [all('AWAITING_WAVE')], props: {}, forwards: false },
    { title: 'an expired one (not live by default)', fulfilments: [all('EXPIRED')], props: {}, forwards: true },
    {
      title: 'an expired one, when only CANCELLED is excluded',
      fulfilments: [all('EXPIRED')],
      props: { excludedFulfilmentStatuses: ['CANCELLED'] },
      forwards: false,
    },
    {
      title: 'a PARTIALLY_FULFILLED one (covers its filled quantity)',
      fulfilments: [
        {
          id: 'f1',
          status: 'PARTIALLY_FULFILLED',
          from: STORE,
          items: [
            ['oi1', 2, 1],
            ['oi2', 1, 1],
          ],
        },
      ] as FulfilmentSpec[],
      props: {},
      forwards: true,
    },
    {
      title: 'two live fulfilments sharing the items',
      fulfilments: [
        { id: 'f1', status: 'ASSIGNED', from: STORE, items: [['oi1', 1]] },
        {
          id: 'f2',
          status: 'AWAITING_WAVE',
          from: DC,
          items: [
            ['oi1', 1],
            ['oi2', 1],
          ],
        },
      ] as FulfilmentSpec[],
      props: {},
      forwards: false,
    },
  ])('with $title', ({ fulfilments, props, forwards }) => {
    const effects = rule.run(ruleInput(hdOrder(), rule.props.parse({ eventName: 'FindAndCreateOrderFulfilment', ...props }), { data: world({ fulfilments }) }));
    expect(effects).toMatchObject(forwards ? [{ event: { name: 'FindAndCreateOrderFulfilment', entityType: 'ORDER' } }] : []);
  });

  it('needs props.eventName and an ORDER', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
    expect(() => rule.run(ruleInput(entity({ entityType: 'LOCATION', id: 'x' }), { eventName: 'X' }))).toThrow(/runs on ORDER/);
  });
});

describe('commonv2.ForwardIfUnfulfilledItemsExist on a FULFILMENT_CHOICE (mixed basket)', () => {
  it.each([
    { title: "forwards while the choice's own items are uncovered", fulfilments: [choiceFulfilment('f1', 'FC-CC', 'AWAITING_WAVE')], forwards: true },
    { title: 'stops when a live fulfilment of the choice covers them', fulfilments: [choiceFulfilment('f1', 'FC-HD', 'AWAITING_WAVE')], forwards: false },
  ])('$title', ({ fulfilments, forwards }) => {
    const data = multiWorld(fulfilments);
    data.related = {
      ...data.related,
      'FULFILMENT:f1:items': [{ orderItem: { id: fulfilments[0]!.fields['fulfilmentChoiceRef'] === 'FC-HD' ? 'oi1' : 'oi2' }, requestedQuantity: 2 }],
    };
    const effects = rule.run(ruleInput(hdChoice(), rule.props.parse({ eventName: 'Next' }), { data }));
    expect(effects).toMatchObject(forwards ? [{ event: { name: 'Next', entityType: 'FULFILMENT_CHOICE', entityRef: 'FC-HD' } }] : []);
  });
});
