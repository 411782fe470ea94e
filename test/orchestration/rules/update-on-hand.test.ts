import { describe, expect, it } from 'vitest';
import { updateOnHand as rule } from '../../../server/orchestration/rules/update-on-hand.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const position = (fields: Record<string, unknown> = {}) =>
  entity({
    entityType: 'INVENTORY_POSITION',
    id: 'ip1',
    ref: 'SKU-1:STORE-1',
    root: { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' },
    fields,
  });

describe('globalinventory.UpdateOnHand', () => {
  it.each([
    { attributes: { InventoryPositionOnHandCalculated: 12 }, fields: {}, onHand: 12, catalogue: 'DEFAULT:1' },
    { attributes: { inventoryPositionOnHandCalculated: '7' }, fields: {}, onHand: 7, catalogue: 'DEFAULT:1' },
    { attributes: { qty: 30, skuRef: 'SKU-1' }, fields: { catalogue: { ref: 'OTHER:1' } }, onHand: 30, catalogue: 'OTHER:1' },
    { attributes: { qty: 0 }, fields: {}, onHand: 0, catalogue: 'DEFAULT:1' },
  ])('sets onHand $onHand from $attributes', ({ attributes, fields, onHand, catalogue }) => {
    const target = position(fields);
    const effects = rule.run(ruleInput(target, rule.props.parse(undefined), { event: eventOn(target, 'InventoryChanged', attributes) }));
    expect(effects).toEqual([{ type: 'mutate', mutation: 'updateInventoryPosition', input: { ref: 'SKU-1:STORE-1', catalogue: { ref: catalogue }, onHand } }]);
  });

  it.each([
    { attributes: {}, message: /none of the attributes/ },
    { attributes: { qty: 'lots' }, message: /whole number/ },
  ])('fails when the event carries $attributes', ({ attributes, message }) => {
    const target = position();
    expect(() => rule.run(ruleInput(target, undefined, { event: eventOn(target, 'InventoryChanged', attributes) }))).toThrow(message);
  });

  it('fails on an entity that is not an inventory position', () => {
    const order = entity({ entityType: 'ORDER', id: 'o1' });
    expect(() => rule.run(ruleInput(order, undefined, { event: eventOn(order, 'X', { qty: 1 }) }))).toThrow(/INVENTORY_POSITION/);
  });

  it('rejects non-object props', () => {
    expect(rule.props.safeParse('x').success).toBe(false);
  });
});
