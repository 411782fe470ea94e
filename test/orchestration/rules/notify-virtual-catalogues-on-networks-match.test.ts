import { describe, expect, it } from 'vitest';
import { notifyVirtualCataloguesOnNetworksMatch as rule } from '../../../server/orchestration/rules/notify-virtual-catalogues-on-networks-match.js';
import { entity, ruleInput } from './fake-reader.js';

const IC = { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' } as const;
const position = (status: string) =>
  entity({ entityType: 'INVENTORY_POSITION', id: 'ip1', ref: 'SKU-1:LOC_MEL', status, root: IC, fields: { productRef: 'SKU-1', locationRef: 'LOC_MEL' } });
const vc = (ref: string, status: string, inventoryCatalogueRef: string, locationRefs: string[]) =>
  entity({ entityType: 'VIRTUAL_CATALOGUE', id: ref, ref, subtype: 'BASE', status, fields: { inventoryCatalogueRef, locationRefs } });
const catalogues = [
  vc('VC:MEL', 'ACTIVE', 'DEFAULT:1', ['LOC_MEL']),
  vc('VC:SYD', 'ACTIVE', 'DEFAULT:1', ['LOC_SYD']),
  vc('VC:OTHER-IC', 'ACTIVE', 'OTHER:1', ['LOC_MEL']),
  vc('VC:NEW', 'CREATED', 'DEFAULT:1', ['LOC_MEL']),
];

describe('globalinventory.NotifyVirtualCataloguesOnNetworksMatch', () => {
  it.each([
    { status: 'ACTIVE', expected: ['VC:MEL'] },
    { status: 'CREATED', expected: [] },
    { status: 'INACTIVE', expected: [] },
  ])('a $status position notifies $expected', ({ status, expected }) => {
    const ip = position(status);
    const effects = rule.run(ruleInput(ip, { eventName: 'VirtualCatalogueEvent' }, { data: { entities: [ip, ...catalogues] } }));
    expect(effects.map((e) => (e as { event: { entityRef: string } }).event.entityRef)).toEqual(expected);
    for (const e of effects) {
      expect(e).toMatchObject({
        event: {
          name: 'VirtualCatalogueEvent',
          entityType: 'VIRTUAL_CATALOGUE',
          entitySubtype: 'BASE',
          attributes: { productRef: 'SKU-1', locationRef: 'LOC_MEL' },
        },
      });
    }
  });

  it('refuses an entity that is not an inventory position', () => {
    const wrong = entity({ entityType: 'ORDER', id: 'o1' });
    expect(() => rule.run(ruleInput(wrong, { eventName: 'E' }))).toThrow(/runs on INVENTORY_POSITION/);
  });

  it.each([{ props: {} }, { props: { eventName: '' } }])('rejects props $props', ({ props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });
});
