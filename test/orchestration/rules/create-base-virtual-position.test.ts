import { describe, expect, it } from 'vitest';
import { createBaseVirtualPosition as rule } from '../../../server/orchestration/rules/create-base-virtual-position.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const VC = { entityType: 'VIRTUAL_CATALOGUE', id: 'vc1', ref: 'VC:1', subtype: 'BASE', status: 'ACTIVE' } as const;
const vc = entity({ ...VC, fields: { inventoryCatalogueRef: 'DEFAULT:1' } });
const buffered = entity({ ...VC, fields: { inventoryCatalogueRef: 'DEFAULT:1', controlGroupRef: 'CG' } });
const vp = (quantity: number) =>
  entity({ entityType: 'VIRTUAL_POSITION', id: 'vp1', ref: 'SKU-1:LOC_MEL', status: 'ACTIVE', root: VC, fields: { quantity, groupRef: 'LOC_MEL' } });
const control = (status: string, value: number, subtype = 'QUANTITY_BUFFER') =>
  entity({
    entityType: 'CONTROL',
    id: `c-${status}-${value}-${subtype}`,
    subtype,
    status,
    root: { entityType: 'CONTROL_GROUP', id: 'cg1', ref: 'CG' },
    fields: { values: [{ name: 'value', type: 'INTEGER', value }] },
  });
const group = entity({ entityType: 'CONTROL_GROUP', id: 'cg1', ref: 'CG' });
const ip = (onHand: unknown) => ({ catalogueRef: 'DEFAULT:1', productRef: 'SKU-1', locationRef: 'LOC_MEL', onHand });
const base = { ref: 'SKU-1:LOC_MEL', catalogue: { ref: 'VC:1' }, type: 'BASE', productRef: 'SKU-1', groupRef: 'LOC_MEL' };

describe('globalinventory.CreateBaseVirtualPosition', () => {
  it.each([
    {
      name: 'creates and activates a new position',
      positions: [ip(12)],
      existing: [],
      expected: ['createVirtualPosition', 'updateVirtualPosition'],
      quantity: 12,
    },
    { name: 'updates an existing position', positions: [ip(7)], existing: [vp(3)], expected: ['updateVirtualPosition'], quantity: 7 },
    { name: 'counts 0 without an inventory position', positions: [], existing: [], expected: ['createVirtualPosition', 'updateVirtualPosition'], quantity: 0 },
    { name: 'counts a negative onHand as 0', positions: [ip(-4)], existing: [vp(3)], expected: ['updateVirtualPosition'], quantity: 0 },
  ])('$name', ({ positions, existing, expected, quantity }) => {
    const event = eventOn(vc, 'VirtualCatalogueEvent', { productRef: 'SKU-1', locationRef: 'LOC_MEL' });
    const data = { entities: [vc, ...existing], positions };
    const effects = rule.run(ruleInput(vc, null, { event, data })) as readonly { mutation: string; input: Record<string, unknown> }[];
    expect(effects.map((e) => e.mutation)).toEqual(expected);
    expect(effects[0]!.input).toMatchObject({ ...base, quantity });
    expect(effects.at(-1)!.input['status']).toBe('ACTIVE');
  });

  it('reads the inventory position named by inventoryPositionRef', () => {
    const ic = { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' } as const;
    const named = entity({
      entityType: 'INVENTORY_POSITION',
      id: 'ip9',
      ref: 'SKU-1:LOC_MEL',
      status: 'ACTIVE',
      root: ic,
      fields: { productRef: 'SKU-1', locationRef: 'LOC_MEL', onHand: 21 },
    });
    const event = eventOn(vc, 'VirtualCatalogueEvent', { productRef: 'SKU-1', locationRef: 'LOC_MEL', inventoryPositionRef: 'SKU-1:LOC_MEL' });
    const effects = rule.run(ruleInput(vc, null, { event, data: { entities: [vc, named], positions: [ip(3)] } }));
    expect((effects[0] as { input: Record<string, unknown> }).input['quantity']).toBe(21);
  });

  it('changes nothing when the position already holds the quantity', () => {
    const event = eventOn(vc, 'VirtualCatalogueEvent', { productRef: 'SKU-1', locationRef: 'LOC_MEL' });
    expect(rule.run(ruleInput(vc, null, { event, data: { entities: [vc, vp(7)], positions: [ip(7)] } }))).toEqual([]);
  });

  it.each([
    { name: 'an ACTIVE buffer of 5 lowers 12 to 7', controls: [control('ACTIVE', 5)], quantity: 7 },
    { name: 'two buffers add up', controls: [control('ACTIVE', 5), control('ACTIVE', 2)], quantity: 5 },
    { name: 'an INACTIVE buffer does not count', controls: [control('INACTIVE', 5)], quantity: 12 },
    { name: 'another control type does not count', controls: [control('ACTIVE', 5, 'BULK_THRESHOLD')], quantity: 12 },
    { name: 'a buffer above onHand gives 0', controls: [control('ACTIVE', 50)], quantity: 0 },
  ])('$name', ({ controls, quantity }) => {
    const event = eventOn(buffered, 'VirtualCatalogueEvent', { productRef: 'SKU-1', locationRef: 'LOC_MEL' });
    const effects = rule.run(ruleInput(buffered, null, { event, data: { entities: [buffered, group, ...controls], positions: [ip(12)] } }));
    expect((effects[0] as { input: Record<string, unknown> }).input['quantity']).toBe(quantity);
  });

  it.each(['productRef', 'locationRef'])('fails naming a missing %s', (missing) => {
    const attributes: Record<string, unknown> = { productRef: 'SKU-1', locationRef: 'LOC_MEL' };
    delete attributes[missing];
    expect(() => rule.run(ruleInput(vc, null, { event: eventOn(vc, 'VirtualCatalogueEvent', attributes) }))).toThrow(new RegExp(missing));
  });

  it('refuses an entity that is not a virtual catalogue', () => {
    const wrong = entity({ entityType: 'ORDER', id: 'o1' });
    expect(() => rule.run(ruleInput(wrong, null))).toThrow(/runs on VIRTUAL_CATALOGUE/);
  });
});
