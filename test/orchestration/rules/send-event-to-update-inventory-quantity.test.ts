import { describe, expect, it } from 'vitest';
import { sendEventToUpdateInventoryQuantity as rule } from '../../../server/orchestration/rules/send-event-to-update-inventory-quantity.js';
import { entity, fulfilment, hdOrder, ruleInput } from './fake-reader.js';

const f1 = fulfilment('f1', 'CREATED');
const catalogue = entity({ entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1', subtype: 'DEFAULT' });
const data = {
  entities: [hdOrder(), f1, catalogue],
  related: {
    'ORDER:o1:items': [
      { id: 'oi1', product: { ref: 'SKU-1' } },
      { id: 'oi2', productRef: 'SKU-2' },
    ],
    'FULFILMENT:f1:fromLocation': [{ ref: 'LOC_MEL' }],
    'FULFILMENT:f1:items': [
      { id: 'fi1', orderItem: { id: 'oi1' }, requestedQuantity: 3, filledQuantity: 1, rejectedQuantity: 2 },
      { id: 'fi2', orderItem: { id: 'oi2' }, requestedQuantity: 1, filledQuantity: 1, rejectedQuantity: 0 },
    ],
  },
};
const base = { fulfilmentId: 'f1', locationRef: 'LOC_MEL' };

describe('commongi.SendEventToUpdateInventoryQuantity', () => {
  it.each([
    {
      operation: 'RESERVE',
      items: [
        { ...base, skuRef: 'SKU-1', reservedQty: 3 },
        { ...base, skuRef: 'SKU-2', reservedQty: 1 },
      ],
    },
    {
      operation: 'UNRESERVE',
      items: [
        { ...base, skuRef: 'SKU-1', cancelQty: 3 },
        { ...base, skuRef: 'SKU-2', cancelQty: 1 },
      ],
    },
    {
      operation: 'RESET_RESERVE',
      items: [
        { ...base, skuRef: 'SKU-1', saleQty: 1, correctionQty: 2 },
        { ...base, skuRef: 'SKU-2', saleQty: 1, correctionQty: 0 },
      ],
    },
  ])('$operation sends the items to the inventory catalogue', ({ operation, items }) => {
    const props = rule.props.parse({ eventName: 'UpdateInventoryQty', operation });
    expect(rule.run(ruleInput(f1, props, { data }))).toEqual([
      {
        type: 'sendEvent',
        event: {
          name: 'UpdateInventoryQty',
          retailerId: '1',
          entityType: 'INVENTORY_CATALOGUE',
          entityId: 'ic1',
          entityRef: 'DEFAULT:1',
          entitySubtype: 'DEFAULT',
          rootEntityType: 'INVENTORY_CATALOGUE',
          rootEntityId: 'ic1',
          rootEntityRef: 'DEFAULT:1',
          attributes: { items },
        },
      },
    ]);
  });

  it('fails naming an inventory catalogue that does not exist', () => {
    const props = rule.props.parse({ eventName: 'U', operation: 'RESERVE', inventoryCatalogueRef: 'NOPE' });
    expect(() => rule.run(ruleInput(f1, props, { data }))).toThrow(/"NOPE" does not exist/);
  });

  it.each([{ props: { eventName: 'U' } }, { props: { eventName: 'U', operation: 'RELEASE' } }, { props: { operation: 'RESERVE' } }])(
    'rejects props $props',
    ({ props }) => {
      expect(rule.props.safeParse(props).success).toBe(false);
    },
  );
});
