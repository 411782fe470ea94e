import { describe, expect, it } from 'vitest';
import { addFulfilmentTypeAttributeToFulfilment as rule } from '../../../server/orchestration/rules/add-fulfilment-type-attribute-to-fulfilment.js';
import { addFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice as byChoice } from '../../../server/orchestration/rules/add-fulfilment-type-attribute-to-fulfilment-by-fulfilment-choice.js';
import { entity, type FakeData, hdOrder, ROOT, ruleInput } from './fake-reader.js';
import { ccChoice, multiWorld } from './multi-fixtures.js';

const ff = (type: string | undefined, fields: Record<string, unknown> = {}) =>
  entity({ entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-F1', subtype: type, root: { ...ROOT }, fields });
const world = (pickupLocationRef: string | undefined, from: string | undefined): FakeData => ({
  entities: [hdOrder('BOOKED', pickupLocationRef === undefined ? {} : { fulfilmentChoice: { pickupLocationRef } })],
  related: from === undefined ? {} : { 'FULFILMENT:f1:fromLocation': [{ ref: from }] },
});

describe('order.AddFulfilmentTypeAttributeToFulfilment', () => {
  it.each([
    { title: 'the type of an HD fulfilment', type: 'HD_PFDC', pickup: undefined, from: 'DC-1', value: 'HD_PFDC' },
    { title: 'CC_PFCP for CC_PFS from the pickup store', type: 'CC_PFS', pickup: 'STORE-1', from: 'STORE-1', value: 'CC_PFCP' },
    { title: 'CC_PFS from another store', type: 'CC_PFS', pickup: 'STORE-1', from: 'STORE-2', value: 'CC_PFS' },
    { title: 'CC_PFDC even from the pickup location', type: 'CC_PFDC', pickup: 'STORE-1', from: 'STORE-1', value: 'CC_PFDC' },
    { title: 'CC_PFS without a location', type: 'CC_PFS', pickup: 'STORE-1', from: undefined, value: 'CC_PFS' },
  ])('adds FULFILMENTTYPE: $title', ({ type, pickup, from, value }) => {
    expect(rule.run(ruleInput(ff(type), rule.props.parse({}), { data: world(pickup, from) }))).toEqual([
      {
        type: 'setAttributes',
        target: { entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-F1' },
        attributes: [{ name: 'FULFILMENTTYPE', type: 'STRING', value }],
      },
    ]);
  });

  it.each([
    { title: 'on an order', target: hdOrder(), error: /runs on FULFILMENT/ },
    { title: 'on a fulfilment without a type', target: ff(undefined), error: /has no type/ },
  ])('fails $title', ({ target, error }) => {
    expect(() => rule.run(ruleInput(target, rule.props.parse({}), { data: world(undefined, 'DC-1') }))).toThrow(error);
  });
});

describe('order.AddFulfilmentTypeAttributeToFulfilmentByFulfilmentChoice', () => {
  const data = (from: string): FakeData => {
    const base = multiWorld();
    return { ...base, related: { ...base.related, 'FULFILMENT:f1:fromLocation': [{ ref: from }] } };
  };
  it.each([
    { title: 'CC_PFCP from the pickup store of its own choice', choiceRef: 'FC-CC', type: 'CC_PFS', from: 'STORE-1', value: 'CC_PFCP' },
    { title: 'its type from elsewhere', choiceRef: 'FC-CC', type: 'CC_PFS', from: 'DC-1', value: 'CC_PFS' },
    { title: 'its type when the choice is another one (no pickup location)', choiceRef: 'FC-HD', type: 'CC_PFS', from: 'STORE-1', value: 'CC_PFS' },
    { title: 'its type without a choice', choiceRef: undefined, type: 'HD_PFDC', from: 'DC-1', value: 'HD_PFDC' },
  ])('adds FulfilmentType: $title', ({ choiceRef, type, from, value }) => {
    const target = ff(type, choiceRef === undefined ? {} : { fulfilmentChoiceRef: choiceRef });
    expect(byChoice.run(ruleInput(target, byChoice.props.parse({}), { data: data(from) }))).toEqual([
      {
        type: 'setAttributes',
        target: { entityType: 'FULFILMENT', id: 'f1', ref: 'HD-1-F1' },
        attributes: [{ name: 'FulfilmentType', type: 'STRING', value }],
      },
    ]);
  });

  it('runs on FULFILMENT only', () => {
    expect(() => byChoice.run(ruleInput(ccChoice(), byChoice.props.parse({}), { data: multiWorld() }))).toThrow(/runs on FULFILMENT/);
  });
});
