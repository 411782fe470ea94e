import { describe, expect, it } from 'vitest';
import { produceVirtualPositionEventsForControlUpdate as rule } from '../../../server/orchestration/rules/produce-virtual-position-events-for-control-update.js';
import { entity, ruleInput } from './fake-reader.js';

const control = entity({
  entityType: 'CONTROL',
  id: 'c1',
  ref: 'BUFFER',
  subtype: 'QUANTITY_BUFFER',
  root: { entityType: 'CONTROL_GROUP', id: 'cg1', ref: 'CG' },
});
const vc = entity({ entityType: 'VIRTUAL_CATALOGUE', id: 'vc1', ref: 'BASE:1', subtype: 'BASE' });

describe('commongi.ProduceVirtualPositionEventsForControlUpdate', () => {
  it.each([
    { positions: [], expected: [] },
    {
      positions: [
        { productRef: 'SKU-1', groupRef: 'LOC_MEL' },
        { productRef: 'SKU-2', groupRef: 'LOC_SYD' },
      ],
      expected: [
        { productRef: 'SKU-1', locationRef: 'LOC_MEL', controlRef: 'BUFFER' },
        { productRef: 'SKU-2', locationRef: 'LOC_SYD', controlRef: 'BUFFER' },
      ],
    },
  ])('sends one event per virtual position: $expected', ({ positions, expected }) => {
    const data = { entities: [control, vc], related: { 'VIRTUAL_CATALOGUE:vc1:virtualPositions': positions } };
    const effects = rule.run(ruleInput(control, { eventName: 'VirtualCatalogueEvent', virtualCatalogueRef: 'BASE:1' }, { data }));
    expect(effects.map((e) => (e as { event: { attributes: unknown } }).event.attributes)).toEqual(expected);
    expect(effects).toMatchObject(
      expected.map(() => ({ event: { name: 'VirtualCatalogueEvent', entityType: 'VIRTUAL_CATALOGUE', entityRef: 'BASE:1', entitySubtype: 'BASE' } })),
    );
  });

  it('fails naming a virtual catalogue that does not exist', () => {
    expect(() => rule.run(ruleInput(control, { eventName: 'E', virtualCatalogueRef: 'NOPE' }, { data: { entities: [control] } }))).toThrow(
      /"NOPE" does not exist/,
    );
  });

  it('without virtualCatalogueRef, recomputes the catalogues whose controlGroupRef is the group', () => {
    const using = entity({ entityType: 'VIRTUAL_CATALOGUE', id: 'vc2', ref: 'VC:CG', subtype: 'AGGREGATE', fields: { controlGroupRef: 'CG' } });
    const data = {
      entities: [control, vc, using],
      related: {
        'VIRTUAL_CATALOGUE:vc1:virtualPositions': [{ productRef: 'SKU-9', groupRef: 'X' }],
        'VIRTUAL_CATALOGUE:vc2:virtualPositions': [{ productRef: 'SKU-1', groupRef: 'VC:CG' }],
      },
    };
    const effects = rule.run(ruleInput(control, { eventName: 'VirtualCatalogueEvent' }, { data }));
    expect(effects).toEqual([
      expect.objectContaining({
        event: expect.objectContaining({ entityRef: 'VC:CG', attributes: { productRef: 'SKU-1', locationRef: 'VC:CG', controlRef: 'BUFFER' } }),
      }),
    ]);
  });

  it.each([{ props: {} }, { props: { virtualCatalogueRef: 'BASE:1' } }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
