import { describe, expect, it } from 'vitest';
import { createFulfilmentForFulfilmentChoiceForUnfulfillableItems as rule } from '../../../server/orchestration/rules/create-fulfilment-for-fulfilment-choice-for-unfulfillable-items.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { ccChoice, choiceFulfilment, hdChoice, multiOrder, multiWorld } from './multi-fixtures.js';

const REJECTED = entity({ entityType: 'LOCATION', id: 'l9', ref: 'SYSTEM_REJECTED', subtype: 'SYSTEM', fields: { primaryAddress: { id: 'a9' } } });
const props = (extra: Record<string, unknown> = {}) => rule.props.parse({ systemRejectedLocationRef: 'SYSTEM_REJECTED', ...extra });
const rejected = (orderItemId: string, ref: string, quantity: number) => ({
  ref,
  requestedQuantity: quantity,
  filledQuantity: 0,
  rejectedQuantity: quantity,
  orderItem: { id: orderItemId },
});
const world = (fulfilments: { id: string; choice: string; status: string; from: string; item: [string, number] }[] = []) => {
  const base = multiWorld([REJECTED, ...fulfilments.map((f) => choiceFulfilment(f.id, f.choice, f.status))]);
  const related: Record<string, Record<string, unknown>[]> = { ...base.related };
  for (const f of fulfilments) {
    related[`FULFILMENT:${f.id}:fromLocation`] = [{ ref: f.from }];
    related[`FULFILMENT:${f.id}:items`] = [{ orderItem: { id: f.item[0] }, requestedQuantity: f.item[1] }];
  }
  return { ...base, related };
};

describe('order.CreateFulfilmentForFulfilmentChoiceForUnfulfillableItems', () => {
  it.each([
    {
      title: "the HD choice's item, alone, on the choice",
      target: hdChoice(),
      attributes: {},
      fulfilments: [],
      item: rejected('oi1', 'HD-1-1', 2),
      type: 'HD_PFDC',
      choice: 'FC-HD',
    },
    {
      title: 'the choice named by fulfilmentChoiceRef on the order',
      target: multiOrder(),
      attributes: { fulfilmentChoiceRef: 'FC-CC' },
      fulfilments: [],
      item: rejected('oi2', 'HD-1-2', 1),
      type: 'CC_PFDC',
      choice: 'FC-CC',
    },
    {
      title: 'what a rejected fulfilment of the choice gave back',
      target: hdChoice(),
      attributes: {},
      fulfilments: [{ id: 'f1', choice: 'FC-HD', status: 'REJECTED', from: 'DC-1', item: ['oi1', 2] as [string, number] }],
      item: rejected('oi1', 'HD-1-1', 2),
      type: 'HD_PFDC',
      choice: 'FC-HD',
    },
  ])('rejects $title', ({ target, attributes, fulfilments, item, type, choice }) => {
    const effects = rule.run(ruleInput(target, props(), { event: eventOn(target, 'CreateRejectedFulfilment', attributes), data: world(fulfilments) }));
    expect(effects).toEqual([
      {
        type: 'mutate',
        mutation: 'createFulfilment',
        input: expect.objectContaining({ ref: `HD-1-F${fulfilments.length + 1}`, type, fulfilmentChoiceRef: choice, fromAddress: { id: 'a9' }, items: [item] }),
      },
    ]);
  });

  it('creates nothing when live fulfilments of the choice cover it, and takes props.fulfilmentType', () => {
    const covered = world([{ id: 'f1', choice: 'FC-HD', status: 'AWAITING_WAVE', from: 'DC-1', item: ['oi1', 2] }]);
    expect(rule.run(ruleInput(hdChoice(), props(), { data: covered }))).toEqual([]);
    expect(rule.run(ruleInput(hdChoice(), props({ fulfilmentType: 'HD_PFS' }), { data: world() }))).toMatchObject([{ input: { type: 'HD_PFS' } }]);
  });

  it.each([
    {
      title: 'an order event without fulfilmentChoiceRef',
      target: multiOrder(),
      attributes: {},
      ref: 'SYSTEM_REJECTED',
      error: /needs the attribute "fulfilmentChoiceRef"/,
    },
    {
      title: 'an unknown choice',
      target: multiOrder(),
      attributes: { fulfilmentChoiceRef: 'FC-X' },
      ref: 'SYSTEM_REJECTED',
      error: /no fulfilment choice "FC-X"/,
    },
    { title: 'an unknown location', target: ccChoice(), attributes: {}, ref: 'NOPE', error: /location "NOPE" does not exist/ },
    {
      title: 'an entity outside an order',
      target: entity({ entityType: 'LOCATION', id: 'x', root: { entityType: 'LOCATION', id: 'x', ref: 'x' } }),
      attributes: {},
      ref: 'SYSTEM_REJECTED',
      error: /needs an ORDER/,
    },
  ])('fails on $title', ({ target, attributes, ref, error }) => {
    const run = () => rule.run(ruleInput(target, props({ systemRejectedLocationRef: ref }), { event: eventOn(target, 'X', attributes), data: world() }));
    expect(run).toThrow(error);
  });

  it('needs props.systemRejectedLocationRef', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
