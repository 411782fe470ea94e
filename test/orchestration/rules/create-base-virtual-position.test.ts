import { describe, expect, it } from 'vitest';
import { createBaseVirtualPosition as rule } from '../../../server/orchestration/rules/create-base-virtual-position.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const vc = entity({
  entityType: 'VIRTUAL_CATALOGUE',
  id: 'vc1',
  ref: 'VC:1',
  subtype: 'BASE',
  status: 'ACTIVE',
  fields: { inventoryCatalogueRef: 'DEFAULT:1' },
});
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
    { name: 'updates an existing position', positions: [ip(7)], existing: [{ ref: 'SKU-1:LOC_MEL' }], expected: ['updateVirtualPosition'], quantity: 7 },
    { name: 'counts 0 without an inventory position', positions: [], existing: [], expected: ['createVirtualPosition', 'updateVirtualPosition'], quantity: 0 },
  ])('$name', ({ positions, existing, expected, quantity }) => {
    const event = eventOn(vc, 'VirtualCatalogueEvent', { productRef: 'SKU-1', locationRef: 'LOC_MEL' });
    const data = { entities: [vc], positions, related: { 'VIRTUAL_CATALOGUE:vc1:virtualPositions': existing } };
    const effects = rule.run(ruleInput(vc, null, { event, data })) as readonly { mutation: string; input: Record<string, unknown> }[];
    expect(effects.map((e) => e.mutation)).toEqual(expected);
    for (const e of effects) expect(e.input).toMatchObject({ ...base, quantity });
    expect(effects.at(-1)!.input['status']).toBe('ACTIVE');
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
