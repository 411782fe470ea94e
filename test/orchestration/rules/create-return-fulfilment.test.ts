import { describe, expect, it } from 'vitest';
import { createReturnFulfilment as rule } from '../../../server/orchestration/rules/create-return-fulfilment.js';
import { type FakeData, entity, ruleInput } from './fake-reader.js';

const RETURN_ROOT = { entityType: 'RETURN_ORDER', id: 'r1', ref: 'RET-1' } as const;
const returnOrder = (fields: Record<string, unknown> = {}) =>
  entity({
    entityType: 'RETURN_ORDER',
    id: 'r1',
    ref: 'RET-1',
    subtype: 'DEFAULT',
    fields: { destinationLocation: { id: '9', ref: 'LOC_DC' }, ...fields },
  });
const product = entity({ entityType: 'PRODUCT', id: 'p1', ref: 'RUNNER-42', fields: { catalogue: { ref: 'PC:MASTER:1' } } });
const items = [
  { ref: 'RET-1-1', unitQuantity: { quantity: 2 }, product: { id: 'p1', ref: 'RUNNER-42' } },
  { ref: 'RET-1-2', unitQuantity: { quantity: 1 } },
];
const world = (extra: Partial<FakeData> = {}): FakeData => ({ entities: [product], related: { 'RETURN_ORDER:r1:returnOrderItems': items }, ...extra });
const run = (target = returnOrder(), props: unknown = null, data = world()) => rule.run(ruleInput(target, rule.props.parse(props), { data }));
const KEY = { ref: 'RET-1', retailer: { id: '1' } };

describe('base.CreateReturnFulfilment', () => {
  it('creates one return fulfilment for every item, to the return order destination', () => {
    expect(run()).toEqual([
      {
        type: 'mutate',
        mutation: 'createReturnFulfilment',
        input: {
          ref: 'RET-1-RF1',
          returnOrder: KEY,
          type: 'DEFAULT',
          destinationLocation: { ref: 'LOC_DC' },
          returnFulfilmentItems: [
            {
              ref: 'RET-1-RF1-1',
              returnOrderItem: { ref: 'RET-1-1', returnOrder: KEY },
              unitQuantity: { quantity: 2 },
              product: { ref: 'RUNNER-42', catalogue: { ref: 'PC:MASTER:1' } },
            },
            { ref: 'RET-1-RF1-2', returnOrderItem: { ref: 'RET-1-2', returnOrder: KEY }, unitQuantity: { quantity: 1 } },
          ],
        },
      },
    ]);
  });

  it.each([
    {
      title: 'the lodged location and the pickup address (address fields only)',
      fields: { lodgedLocation: { id: '3', ref: 'LOC_STORE' }, pickupAddress: { id: '77', street: '1 Main St', city: 'Melbourne', latitude: null } },
      props: null,
      expected: { lodgedLocation: { ref: 'LOC_STORE' }, pickupAddress: { street: '1 Main St', city: 'Melbourne' }, type: 'DEFAULT' },
    },
    { title: 'props.type', fields: {}, props: { type: 'CUSTOMER_RETURN' }, expected: { type: 'CUSTOMER_RETURN' } },
  ])('carries $title', ({ fields, props, expected }) => {
    const [effect] = run(returnOrder(fields), props);
    expect((effect as { input: Record<string, unknown> }).input).toMatchObject(expected);
  });

  it('creates nothing when the return order already has a return fulfilment', () => {
    const existing = entity({ entityType: 'RETURN_FULFILMENT', id: 'rf1', ref: 'RET-1-RF1', root: { ...RETURN_ROOT } });
    expect(run(returnOrder(), null, world({ entities: [product, existing] }))).toEqual([]);
  });

  it.each([
    { title: 'another entity', target: entity({ entityType: 'ORDER', id: 'o1' }), data: world(), message: 'runs on RETURN_ORDER, not ORDER' },
    { title: 'no destination', target: returnOrder({ destinationLocation: null }), data: world(), message: 'has no destinationLocation' },
    { title: 'no items', target: returnOrder(), data: world({ related: {} }), message: 'has no items to return' },
  ])('fails on $title', ({ target, data, message }) => {
    expect(() => run(target, null, data)).toThrow(message);
  });
});
