import { describe, expect, it } from 'vitest';
import { forwardIfInventoryPositionStatusEquals as rule } from '../../../server/orchestration/rules/forward-if-inventory-position-status-equals.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { INVENTORY_CATALOGUE, position } from './inventory-fixtures.js';

const props = rule.props.parse({ eventName: 'UpdateVirtualPosition', statuses: 'ACTIVE, CREATED' });
const VP = entity({ entityType: 'VIRTUAL_POSITION', id: 'vp1', ref: 'SKU-1:LOC-1', root: { entityType: 'VIRTUAL_CATALOGUE', id: 'vc1', ref: 'BASE:1' } });
const ATTRS = { virtualCatalogueInventoryCatalogueRef: 'DEFAULT:1', virtualPositionProductRef: 'SKU-1', virtualPositionGroupRef: 'LOC-1' };

describe('globalinventory.ForwardIfInventoryPositionStatusEquals (commongi)', () => {
  it.each([
    { status: 'ACTIVE', attributes: ATTRS, sent: 1 },
    { status: 'CREATED', attributes: ATTRS, sent: 1 },
    { status: 'INACTIVE', attributes: ATTRS, sent: 0 },
    { status: 'ACTIVE', attributes: { ...ATTRS, virtualPositionGroupRef: 'LOC-2' }, sent: 0 },
    { status: 'ACTIVE', attributes: { ...ATTRS, virtualCatalogueInventoryCatalogueRef: 'OTHER:1' }, sent: 0 },
    { status: 'ACTIVE', attributes: { ...ATTRS, virtualPositionGroupRef: 'LOC-2', inventoryPositionRef: 'SKU-1:LOC-1' }, sent: 1 },
  ])('position $status with $attributes → $sent event(s)', ({ status, attributes, sent }) => {
    const data = { entities: [INVENTORY_CATALOGUE, position(status), VP] };
    const effects = rule.run(ruleInput(VP, props, { event: eventOn(VP, 'CheckPosition', attributes), data }));
    expect(effects).toMatchObject(
      sent ? [{ event: { name: 'UpdateVirtualPosition', entityType: 'VIRTUAL_POSITION', entityRef: 'SKU-1:LOC-1', attributes } }] : [],
    );
  });

  it.each(Object.keys(ATTRS))('fails the event without attribute %s', (name) => {
    const attributes: Record<string, unknown> = { ...ATTRS, [name]: '' };
    const data = { entities: [INVENTORY_CATALOGUE, position('ACTIVE'), VP] };
    expect(() => rule.run(ruleInput(VP, props, { event: eventOn(VP, 'CheckPosition', attributes), data }))).toThrow(new RegExp(`"${name}"`));
  });

  it('runs on VIRTUAL_POSITION only', () => {
    expect(() => rule.run(ruleInput(position('ACTIVE'), props))).toThrow(/runs on VIRTUAL_POSITION/);
  });

  it.each([{}, { eventName: 'E' }, { eventName: 'E', statuses: [] }, { eventName: 'E', statuses: ' , ' }])('refuses props %j', (bad) => {
    expect(rule.props.safeParse(bad).success).toBe(false);
  });
});
