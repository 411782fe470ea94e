import { describe, expect, it } from 'vitest';
import { forwardIfProductStatusEquals as rule } from '../../../server/orchestration/rules/forward-if-product-status-equals.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';
import { INVENTORY_CATALOGUE, PRODUCT_CATALOGUE, position, product } from './inventory-fixtures.js';

const props = { eventName: 'DeactivateInventoryPosition', status: 'INACTIVE', productCatalogueRef: 'PC:MASTER:1' };
const OTHER_CATALOGUE = entity({ entityType: 'PRODUCT_CATALOGUE', id: 'pc2', ref: 'PC:OTHER:1' });

describe('globalinventory.ForwardIfProductStatusEquals (commongi)', () => {
  it.each([
    { productStatus: 'INACTIVE', positionStatus: 'ACTIVE', sent: 1 },
    { productStatus: 'INACTIVE', positionStatus: 'INACTIVE', sent: 0 },
    { productStatus: 'ACTIVE', positionStatus: 'ACTIVE', sent: 0 },
    { productStatus: 'ACTIVE', positionStatus: 'INACTIVE', sent: 0 },
  ])('product $productStatus, position $positionStatus → $sent event(s)', ({ productStatus, positionStatus, sent }) => {
    const ip = position(positionStatus);
    const data = { entities: [INVENTORY_CATALOGUE, PRODUCT_CATALOGUE, product(productStatus), ip] };
    const effects = rule.run(ruleInput(ip, props, { event: eventOn(ip, 'CheckProductStatusChange', { a: 1 }), data }));
    expect(effects).toMatchObject(
      sent ? [{ event: { name: 'DeactivateInventoryPosition', entityType: 'INVENTORY_POSITION', entityRef: 'SKU-1:LOC-1', attributes: { a: 1 } } }] : [],
    );
  });

  it('reads the product of the named catalogue, not a namesake elsewhere', () => {
    const ip = position('ACTIVE');
    const data = { entities: [OTHER_CATALOGUE, product('INACTIVE', 'SKU-1', OTHER_CATALOGUE), PRODUCT_CATALOGUE, product('ACTIVE'), ip] };
    expect(rule.run(ruleInput(ip, props, { data }))).toEqual([]);
  });

  it.each([
    { name: 'no product', entities: [PRODUCT_CATALOGUE] },
    { name: 'no catalogue', entities: [product('INACTIVE')] },
  ])('fails with $name', ({ entities }) => {
    const ip = position('ACTIVE');
    expect(() => rule.run(ruleInput(ip, props, { data: { entities: [...entities, ip] } }))).toThrow(/product "SKU-1" was not found/);
  });

  it('runs on INVENTORY_POSITION only', () => {
    expect(() => rule.run(ruleInput(PRODUCT_CATALOGUE, props))).toThrow(/runs on INVENTORY_POSITION/);
  });

  it.each([{}, { eventName: 'E', status: 'INACTIVE' }, { eventName: 'E', productCatalogueRef: 'PC' }, { status: 'X', productCatalogueRef: 'PC' }])(
    'refuses props %j',
    (bad) => expect(rule.props.safeParse(bad).success).toBe(false),
  );
});
