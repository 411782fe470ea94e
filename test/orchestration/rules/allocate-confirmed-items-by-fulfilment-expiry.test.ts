import { describe, expect, it } from 'vitest';
import { allocateConfirmedItemsByFulfilmentExpiry as rule } from '../../../server/orchestration/rules/allocate-confirmed-items-by-fulfilment-expiry.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { atStore, waveWith, world } from './wave-world.js';

const late = atStore('1', 'ASSIGNED', { expiryTime: '2026-01-15T15:00:00.000Z' });
const soon = atStore('2', 'ASSIGNED', { expiryTime: '2026-01-15T11:00:00.000Z' });
const gone = atStore('3', 'CANCELLED');
const wave = waveWith('9');
const data = world([late, soon, gone], [{ wave, members: ['1', '2', '3'] }], 3);
const props = rule.props.parse({ eventName: 'ConfirmFulfilmentItems', excludedStatuses: ['CANCELLED'] });
const pick = (pickedItems: unknown) => rule.run(ruleInput(wave, props, { event: eventOn(wave, 'PickConfirm', { pickedItems }), data }));
const item = (productRef: string, availableQty: unknown) => ({ productRef, availableQty, catalogueRef: 'PC:MASTER:1' });

describe('fulfilment.AllocateConfirmedItemsByFulfilmentExpiry', () => {
  it.each([
    { case: 'enough for both', picked: [item('RUNNER-42', 6)], filled: { 2: 3, 1: 3 } },
    { case: 'the soonest expiry is served first', picked: [item('RUNNER-42', 4)], filled: { 2: 3, 1: 1 } },
    { case: 'lines of the same product add up', picked: [item('RUNNER-42', 1), item('RUNNER-42', '1')], filled: { 2: 2, 1: 0 } },
    { case: 'nothing picked', picked: [item('RUNNER-42', 0)], filled: { 2: 0, 1: 0 } },
    { case: 'another product', picked: [item('OTHER', 5)], filled: { 2: 0, 1: 0 } },
  ])('$case', ({ picked, filled }) => {
    const effects = pick(picked);
    const sent = effects.map((e) => (e.type === 'sendEvent' ? e.event : undefined));
    expect(sent.map((e) => [e?.name, e?.entityId])).toEqual([
      ['ConfirmFulfilmentItems', '2'],
      ['ConfirmFulfilmentItems', '1'],
    ]);
    for (const event of sent) {
      const f = filled[event!.entityId as '1' | '2'];
      expect(event!.attributes).toEqual({
        fulfilmentItems: [
          {
            id: `${event!.entityId}-i1`,
            ref: `HD-1-${event!.entityId}-1`,
            productRef: 'RUNNER-42',
            requestedQuantity: 3,
            filledQuantity: f,
            rejectedQuantity: 3 - f,
          },
        ],
      });
    }
  });

  it.each([
    { pickedItems: undefined, message: /"pickedItems"/ },
    { pickedItems: [], message: /"pickedItems"/ },
    { pickedItems: [{ productRef: 'RUNNER-42', availableQty: 1 }], message: /"pickedItems\[0\]\.catalogueRef"/ },
    { pickedItems: [item('RUNNER-42', -2)], message: /availableQty is negative for productRefs RUNNER-42/ },
    { pickedItems: [item('  ', 1)], message: /productRef is empty or blank/ },
    { pickedItems: [item('RUNNER-42', 'lots')], message: /"pickedItems\[0\]\.availableQty"/ },
  ])('fails for pickedItems $pickedItems', ({ pickedItems, message }) => {
    expect(() => pick(pickedItems)).toThrow(message);
  });

  it('needs eventName', () => {
    expect(rule.props.safeParse({ excludedStatuses: ['X'] }).success).toBe(false);
  });
});
