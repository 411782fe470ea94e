import { describe, expect, it } from 'vitest';
import { sendEventForWavePack as rule } from '../../../server/orchestration/rules/send-event-for-wave-pack.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, world } from './wave-world.js';

const f1 = atStore('1', 'ASSIGNED');
const data = world([f1], [], 3);
const picked = [{ productRef: 'RUNNER-42', catalogueRef: 'DEFAULT:1', availableQty: 2.5 }];
const run = (attributes: Record<string, unknown>) =>
  rule.run(ruleInput(f1, { eventName: 'ConfirmFulfilmentItems' }, { event: eventOn(f1, 'WavePack', attributes), data }));
const sentItems = (attributes: Record<string, unknown>) => {
  const [effect] = run(attributes);
  if (effect?.type !== 'sendEvent') throw new Error('expected a sendEvent effect');
  expect(effect.event).toMatchObject({ name: 'ConfirmFulfilmentItems', entityType: 'FULFILMENT', entityId: '1' });
  return effect.event.attributes['fulfilmentItems'];
};

describe('order.SendEventForWavePack', () => {
  it.each([
    { case: 'no fulfilmentItems: filled in full', fulfilmentItems: undefined, written: { filledQuantity: 3, rejectedQuantity: 0 } },
    { case: 'a rejection by orderItemId', fulfilmentItems: [{ orderItemId: 'oi1', rejectedQty: 1 }], written: { filledQuantity: 2, rejectedQuantity: 1 } },
    {
      case: 'rejections of the same item added up, skuRef matching',
      fulfilmentItems: [
        { orderItemId: 'oi1', skuRef: 'RUNNER-42', rejectedQty: 1 },
        { orderItemId: 'oi1', rejectedQty: 2 },
      ],
      written: { filledQuantity: 0, rejectedQuantity: 3 },
    },
  ])('sends the quantities with $case', ({ fulfilmentItems, written }) => {
    expect(sentItems({ pickedItems: picked, ...(fulfilmentItems ? { fulfilmentItems } : {}) })).toEqual([{ id: '1-i1', ...written }]);
  });

  it.each([
    { attributes: {}, message: /needs the attribute "pickedItems"/ },
    { attributes: { pickedItems: [{ productRef: 'RUNNER-42', catalogueRef: 'DEFAULT:1' }] }, message: /"pickedItems\[0\]\.availableQty"/ },
    { attributes: { pickedItems: [{ productRef: 'RUNNER-42', catalogueRef: 'DEFAULT:1', availableQty: -1 }] }, message: /"pickedItems\[0\]\.availableQty"/ },
    { attributes: { pickedItems: [{ productRef: 'RUNNER-42', availableQty: 1 }] }, message: /"pickedItems\[0\]\.catalogueRef"/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ skuRef: 'RUNNER-42', rejectedQty: 1 }] }, message: /"fulfilmentItems\[0\]\.orderItemId"/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ orderItemId: 'oi1' }] }, message: /"fulfilmentItems\[0\]\.rejectedQty"/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ orderItemId: 'oi1', rejectedQty: 1.5 }] }, message: /rejectedQty/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ orderItemId: 'zz', rejectedQty: 1 }] }, message: /has no item for order item "zz"/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ orderItemId: 'oi1', skuRef: 'OTHER', rejectedQty: 1 }] }, message: /not skuRef "OTHER"/ },
    { attributes: { pickedItems: picked, fulfilmentItems: [{ orderItemId: 'oi1', rejectedQty: 4 }] }, message: /rejectedQty 4 exceeds the requested 3/ },
  ])('fails for $attributes', ({ attributes, message }) => {
    expect(() => run(attributes)).toThrow(message);
  });

  it('takes only an eventName', () => {
    expect(rule.props.safeParse({}).success).toBe(false);
  });
});
