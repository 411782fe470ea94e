import { describe, expect, it } from 'vitest';
import { createFulfilment as rule } from '../../../server/orchestration/rules/create-fulfilment.js';
import { entity, eventOn, fulfilment, hdOrder, ruleInput } from './fake-reader.js';
import type { FakeData } from './fake-reader.js';

const store = entity({ entityType: 'LOCATION', id: 'l1', ref: 'STORE-1', subtype: 'STORE', fields: { primaryAddress: { id: 'a1' } } });
const warehouse = entity({ entityType: 'LOCATION', id: 'l2', ref: 'DC-1', subtype: 'WAREHOUSE', fields: { primaryAddress: { id: 'a2' } } });
const items = [
  { id: 'oi1', ref: 'SKU-1', quantity: 2 },
  { id: 'oi2', ref: 'SKU-2', quantity: 1 },
];
const hdChoice = { ref: 'FC-1', deliveryType: 'STANDARD', deliveryAddress: { id: 'ca1' } };
const world = (order = hdOrder(), extra: FakeData = {}): FakeData => ({
  entities: [order, store, warehouse, ...(extra.entities ?? [])],
  related: { 'ORDER:o1:items': items, ...extra.related },
});
const itemInput = (id: string, ref: string, requestedQuantity: number) => ({
  ref,
  requestedQuantity,
  filledQuantity: 0,
  rejectedQuantity: 0,
  orderItem: { id },
});

describe('commonv2.CreateFulfilment', () => {
  it('creates one HD fulfilment for all items from the prop location, with addresses, choice and customer', () => {
    const order = hdOrder('BOOKED', { fulfilmentChoice: hdChoice, customer: { id: 'c9' } });
    const props = rule.props.parse({ fulfilmentType: 'HD_PFDC', locationRef: 'DC-1' });
    expect(rule.run(ruleInput(order, props, { data: world(order) }))).toEqual([
      {
        type: 'mutate',
        mutation: 'createFulfilment',
        input: {
          ref: 'HD-1-F1',
          type: 'HD_PFDC',
          deliveryType: 'STANDARD',
          order: { id: 'o1' },
          fulfilmentChoiceRef: 'FC-1',
          fromAddress: { id: 'a2' },
          toAddress: { id: 'ca1' },
          customer: { id: 'c9' },
          items: [itemInput('oi1', 'SKU-1', 2), itemInput('oi2', 'SKU-2', 1)],
        },
      },
    ]);
  });

  it.each([
    {
      title: 'event attribute proposedFulfilment.locationRef',
      attributes: { proposedFulfilment: { locationRef: 'STORE-1' } },
      choice: {},
      from: 'a1',
      type: 'HD_PFS',
    },
    { title: 'event attribute locationRef', attributes: { locationRef: 'DC-1' }, choice: {}, from: 'a2', type: 'HD_PFDC' },
    { title: 'the pickup location of the fulfilment choice', attributes: {}, choice: { pickupLocationRef: 'STORE-1' }, from: 'a1', type: 'HD_PFS' },
    { title: 'nothing (no fromAddress)', attributes: {}, choice: {}, from: undefined, type: 'HD_PFDC' },
  ])('takes the location from $title and derives type $type', ({ attributes, choice, from, type }) => {
    const order = hdOrder('BOOKED', { fulfilmentChoice: choice });
    const event = eventOn(order, 'CreateFulfilment', attributes);
    const [effect] = rule.run(ruleInput(order, rule.props.parse({}), { event, data: world(order) }));
    const input = effect?.type === 'mutate' ? effect.input : {};
    expect(input['type']).toBe(type);
    expect(input['fromAddress']).toEqual(from === undefined ? undefined : { id: from });
  });

  it.each([
    {
      title: 'a live fulfilment covering one item',
      status: 'AWAITING_WAVE',
      excluded: ['CANCELLED', 'REJECTED'],
      expected: [itemInput('oi2', 'SKU-2', 1)],
      ref: 'HD-1-F2',
    },
    {
      title: 'a rejected (excluded) fulfilment',
      status: 'REJECTED',
      excluded: 'CANCELLED,REJECTED',
      expected: [itemInput('oi1', 'SKU-1', 2), itemInput('oi2', 'SKU-2', 1)],
      ref: 'HD-1-F2',
    },
  ])('requests only what is not covered after $title', ({ status, excluded, expected, ref }) => {
    const order = hdOrder();
    const existing = fulfilment('f1', status);
    const data = world(order, {
      entities: [existing],
      related: { 'FULFILMENT:f1:items': [{ id: 'fi1', ref: 'SKU-1', requestedQuantity: 2, orderItem: { id: 'oi1' } }] },
    });
    const props = rule.props.parse({ fulfilmentType: 'HD_PFDC', excludedFulfilmentStatuses: excluded });
    const [effect] = rule.run(ruleInput(order, props, { data }));
    expect(effect).toMatchObject({ type: 'mutate', input: { ref, items: expected } });
  });

  it.each([
    { title: 'the warehouse when both locations cover every item', dc: [5, 5], store: [5, 5], from: 'a2', type: 'HD_PFDC' },
    { title: 'the only location that covers every item', dc: [1, 5], store: [2, 1], from: 'a1', type: 'HD_PFS' },
    { title: 'no location when none covers every item', dc: [1, 5], store: [0, 5], from: undefined, type: 'HD_PFDC' },
  ])('sources from $title (positions of DEFAULT:1 by product)', ({ dc, store: atStore, from, type }) => {
    const order = hdOrder();
    const position = (productRef: string, locationRef: string, onHand: number, catalogueRef = 'DEFAULT:1') => ({
      catalogueRef,
      productRef,
      locationRef,
      onHand,
    });
    const data: FakeData = {
      ...world(order),
      related: { 'ORDER:o1:items': items.map((item, i) => ({ ...item, product: { ref: `P-${i + 1}` } })) },
      positions: [
        position('P-1', 'DC-1', dc[0]!),
        position('P-2', 'DC-1', dc[1]!),
        position('P-1', 'STORE-1', atStore[0]!),
        position('P-2', 'STORE-1', atStore[1]!),
        position('P-1', 'OTHER-1', 9, 'DEFAULT:2'),
        position('P-2', 'OTHER-1', 9, 'DEFAULT:2'),
      ],
    };
    const [effect] = rule.run(ruleInput(order, rule.props.parse({}), { data }));
    const input = effect?.type === 'mutate' ? effect.input : {};
    expect(input['type']).toBe(type);
    expect(input['fromAddress']).toEqual(from === undefined ? undefined : { id: from });
  });

  it('creates nothing when live fulfilments already cover every item', () => {
    const order = hdOrder();
    const data = world(order, {
      entities: [fulfilment('f1', 'ASSIGNED')],
      related: {
        'FULFILMENT:f1:items': [
          { ref: 'SKU-1', requestedQuantity: 2, orderItem: { id: 'oi1' } },
          { ref: 'SKU-2', requestedQuantity: 1, orderItemId: 'oi2' },
        ],
      },
    });
    expect(rule.run(ruleInput(order, rule.props.parse(null), { data }))).toEqual([]);
  });

  it('fails with the ref when the location does not exist', () => {
    const order = hdOrder();
    expect(() => rule.run(ruleInput(order, rule.props.parse({ locationRef: 'NOPE' }), { data: world(order) }))).toThrow(/"NOPE" does not exist/);
  });

  it('fails on an entity that is not an order', () => {
    const f = fulfilment('f1', 'CREATED');
    expect(() => rule.run(ruleInput(f, rule.props.parse({}), { data: world() }))).toThrow(/runs on ORDER/);
  });

  it.each([{ props: { fulfilmentType: '' } }, { props: { excludedFulfilmentStatuses: 5 } }, { props: 'HD_PFS' }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
