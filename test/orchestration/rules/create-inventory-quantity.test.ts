import { describe, expect, it } from 'vitest';
import { createInventoryQuantity as rule } from '../../../server/orchestration/rules/create-inventory-quantity.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const position = entity({
  entityType: 'INVENTORY_POSITION',
  id: 'ip1',
  ref: 'SKU-1:LOC_MEL',
  subtype: 'DEFAULT',
  root: { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' },
});
const run = (type: string, attributes: Record<string, unknown>) =>
  rule.run(ruleInput(position, rule.props.parse({ type }), { event: eventOn(position, 'X', attributes) }));
const key = { catalogue: { ref: 'DEFAULT:1' }, position: { ref: 'SKU-1:LOC_MEL', catalogue: { ref: 'DEFAULT:1' } } };

describe('commongi.CreateInventoryQuantity', () => {
  it.each([
    {
      type: 'LAST_ON_HAND',
      attributes: { inventoryPositionRef: 'SKU-1:LOC_MEL', qty: 10 },
      input: { ref: 'SKU-1:LOC_MEL:LAST_ON_HAND', type: 'LAST_ON_HAND', quantity: 10 },
    },
    {
      type: 'RESERVED',
      attributes: {
        inventoryPositionRef: 'SKU-1:LOC_MEL',
        qty: '-3',
        condition: 'NEW',
        expectedOn: '2026-02-01T00:00:00Z',
        inventoryQuantity: [{ ref: 'F-1:RESERVED', type: 'RESERVED' }],
      },
      input: { ref: 'F-1:RESERVED', type: 'RESERVED', quantity: -3, condition: 'NEW', expectedOn: '2026-02-01T00:00:00Z' },
    },
  ])('creates a $type quantity', ({ type, attributes, input }) => {
    expect(run(type, attributes)).toEqual([{ type: 'mutate', mutation: 'createInventoryQuantity', input: { ...key, ...input } }]);
  });

  it.each([
    { attributes: { qty: 1 }, message: '"inventoryPositionRef"' },
    { attributes: { inventoryPositionRef: 'SKU-1:LOC_MEL' }, message: '"qty"' },
    { attributes: { inventoryPositionRef: 'SKU-1:LOC_MEL', qty: 'many' }, message: 'whole number' },
  ])('fails naming $message', ({ attributes, message }) => {
    expect(() => run('DELTA', attributes)).toThrow(message);
  });

  it.each([{ props: {} }, { props: { type: '' } }, { props: null }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
