import { describe, expect, it } from 'vitest';
import { createFulfilmentForUnfulfillableItems as rule } from '../../../server/orchestration/rules/create-fulfilment-for-unfulfillable-items.js';
import { entity, hdOrder, ruleInput } from './fake-reader.js';
import { type FulfilmentSpec, REJECTED_LOCATION, STORE, world } from './sourcing-world.js';

const rejectedItem = (orderItemId: string, ref: string, quantity: number) => ({
  ref,
  requestedQuantity: quantity,
  filledQuantity: 0,
  rejectedQuantity: quantity,
  orderItem: { id: orderItemId },
});

describe('commongi.CreateFulfilmentForUnfulfillableItems', () => {
  it.each([
    {
      title: 'every item when there is no fulfilment',
      fulfilments: [],
      props: {},
      items: [rejectedItem('oi1', 'HD-1-1', 2), rejectedItem('oi2', 'HD-1-2', 1)],
    },
    {
      title: 'what live fulfilments leave',
      fulfilments: [{ id: 'f1', status: 'AWAITING_WAVE', from: STORE, items: [['oi1', 2]] }] as FulfilmentSpec[],
      props: {},
      items: [rejectedItem('oi2', 'HD-1-2', 1)],
    },
    {
      title: 'also what a rejected fulfilment had (rejectedStatuses)',
      fulfilments: [{ id: 'f1', status: 'REJECTED', from: STORE, items: [['oi1', 2]] }] as FulfilmentSpec[],
      props: {},
      items: [rejectedItem('oi1', 'HD-1-1', 2), rejectedItem('oi2', 'HD-1-2', 1)],
    },
    {
      title: 'only statuses outside acceptedStatuses count as uncovered',
      fulfilments: [{ id: 'f1', status: 'ASSIGNED', from: STORE, items: [['oi1', 2]] }] as FulfilmentSpec[],
      props: { acceptedStatuses: ['AWAITING_WAVE'] },
      items: [rejectedItem('oi1', 'HD-1-1', 2), rejectedItem('oi2', 'HD-1-2', 1)],
    },
    {
      title: 'nothing twice: an escalated fulfilment at the system-rejected location covers its items',
      fulfilments: [{ id: 'f1', status: 'ESCALATED', from: REJECTED_LOCATION, items: [['oi1', 2]] }] as FulfilmentSpec[],
      props: {},
      items: [rejectedItem('oi2', 'HD-1-2', 1)],
    },
  ])('rejects $title', ({ fulfilments, props, items }) => {
    const parsed = rule.props.parse({ systemRejectedLocationRef: 'SYSTEM_REJECTED', ...props });
    const effects = rule.run(ruleInput(hdOrder(), parsed, { data: world({ fulfilments }) }));
    expect(effects).toEqual([
      {
        type: 'mutate',
        mutation: 'createFulfilment',
        input: { ref: `HD-1-F${fulfilments.length + 1}`, type: 'HD_PFDC', order: { id: 'o1' }, fromAddress: { id: 'a-19' }, items },
      },
    ]);
  });

  it('creates nothing when every item is covered, and takes props.fulfilmentType', () => {
    const covered = world({
      fulfilments: [
        {
          id: 'f1',
          status: 'AWAITING_WAVE',
          from: STORE,
          items: [
            ['oi1', 2],
            ['oi2', 1],
          ],
        },
      ],
    });
    const props = rule.props.parse({ systemRejectedLocationRef: 'SYSTEM_REJECTED', fulfilmentType: 'HD_PFS' });
    expect(rule.run(ruleInput(hdOrder(), props, { data: covered }))).toEqual([]);
    expect(rule.run(ruleInput(hdOrder(), props, { data: world() }))).toMatchObject([{ input: { type: 'HD_PFS' } }]);
  });

  it.each([
    { title: 'an unknown location', target: hdOrder(), ref: 'NOPE', error: /location "NOPE" does not exist/ },
    { title: 'a non-ORDER entity', target: entity({ entityType: 'LOCATION', id: 'x' }), ref: 'SYSTEM_REJECTED', error: /runs on ORDER/ },
  ])('fails on $title', ({ target, ref, error }) => {
    expect(() => rule.run(ruleInput(target, rule.props.parse({ systemRejectedLocationRef: ref }), { data: world() }))).toThrow(error);
  });

  it('needs props.systemRejectedLocationRef', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
