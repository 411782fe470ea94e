import { describe, expect, it } from 'vitest';
import { sendEventToAllInventoryQuantities as rule } from '../../../server/orchestration/rules/send-event-to-all-inventory-quantities.js';
import { eventOn, ruleInput } from './fake-reader.js';
import { INVENTORY_CATALOGUE, position } from './inventory-fixtures.js';

const QUANTITIES = [
  { id: 'q1', ref: 'SKU-1:LOC-1:LAST_ON_HAND', type: 'LAST_ON_HAND', status: 'ACTIVE' },
  { id: 'q2', ref: 'F1-R', type: 'RESERVED', status: 'ACTIVE' },
  { id: 'q3', ref: 'F2-R', type: 'RESERVED', status: 'CREATED' },
  { id: 'q4', ref: 'F1-S', type: 'SALE', status: 'ACTIVE' },
];

describe('globalinventory.SendEventToAllInventoryQuantities (commongi)', () => {
  it.each([
    { types: 'RESERVED', refs: ['F1-R', 'F2-R'] },
    { types: ['RESERVED', 'SALE'], refs: ['F1-R', 'F2-R', 'F1-S'] },
    { types: 'CORRECTION', refs: [] },
  ])('types $types → quantities $refs', ({ types, refs }) => {
    const ip = position('ACTIVE');
    const props = rule.props.parse({ eventName: 'QuantityResetEvent', inventoryQuantityTypes: types });
    const data = { entities: [INVENTORY_CATALOGUE, ip], related: { 'INVENTORY_POSITION:ip1:quantities': QUANTITIES } };
    const effects = rule.run(ruleInput(ip, props, { event: eventOn(ip, 'ResetQuantities', { reason: 'x' }), data }));
    expect(effects.map((e) => (e as { event: { entityRef: string } }).event.entityRef)).toEqual(refs);
    for (const effect of effects) {
      expect(effect).toMatchObject({
        type: 'sendEvent',
        event: {
          name: 'QuantityResetEvent',
          entityType: 'INVENTORY_QUANTITY',
          rootEntityType: 'INVENTORY_CATALOGUE',
          rootEntityRef: 'DEFAULT:1',
          attributes: { reason: 'x' },
        },
      });
    }
  });

  it('runs on INVENTORY_POSITION only', () => {
    const props = rule.props.parse({ eventName: 'E', inventoryQuantityTypes: 'RESERVED' });
    expect(() => rule.run(ruleInput(INVENTORY_CATALOGUE, props))).toThrow(/runs on INVENTORY_POSITION/);
  });

  it.each([{}, { eventName: 'E' }, { inventoryQuantityTypes: ['RESERVED'] }, { eventName: 'E', inventoryQuantityTypes: [] }])('refuses props %j', (bad) => {
    expect(rule.props.safeParse(bad).success).toBe(false);
  });
});
