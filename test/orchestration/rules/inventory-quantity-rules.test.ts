/**
 * Table-driven tests of the inventory-quantity rules behind UpdateInventoryQty (Inventory Reference
 * Module): SendEventOnFulfilmentInventoryUpdate on the catalogue, then CreateFulfilmentInventoryQuantity,
 * UpdateInventoryQuantity and CalculateOnHand on a position.
 */
import { describe, expect, it } from 'vitest';
import { calculateOnHand } from '../../../server/orchestration/rules/calculate-on-hand.js';
import { createFulfilmentInventoryQuantity } from '../../../server/orchestration/rules/create-fulfilment-inventory-quantity.js';
import { sendEventOnFulfilmentInventoryUpdate as send } from '../../../server/orchestration/rules/send-event-on-fulfilment-inventory-update.js';
import { updateInventoryQuantity } from '../../../server/orchestration/rules/update-inventory-quantity.js';
import { updateInventoryQuantitiesStatus } from '../../../server/orchestration/rules/update-inventory-quantities-status.js';
import type { AnyRule } from '../../../server/orchestration/port.js';
import { entity, eventOn, ruleInput } from './fake-reader.js';

const ROOT = { entityType: 'INVENTORY_CATALOGUE', id: 'ic1', ref: 'DEFAULT:1' };
const catalogue = entity({ ...ROOT, subtype: 'DEFAULT', status: 'ACTIVE' });
const position = entity({
  entityType: 'INVENTORY_POSITION',
  id: 'ip1',
  ref: 'SKU-1:LOC_A',
  subtype: 'DEFAULT',
  status: 'ACTIVE',
  root: { ...ROOT },
  fields: { productRef: 'SKU-1', locationRef: 'LOC_A', onHand: 10 },
});
const quantities = [
  { ref: 'SKU-1:LOC_A:LAST_ON_HAND', type: 'LAST_ON_HAND', quantity: 10, status: 'ACTIVE' },
  { ref: 'SKU-1:LOC_A:RESERVED:f1', type: 'RESERVED', quantity: -3, status: 'ACTIVE' },
  { ref: 'SKU-1:LOC_A:RESERVED:f0', type: 'RESERVED', quantity: -4, status: 'INACTIVE' },
  { ref: 'SKU-1:LOC_A:SALE:f9', type: 'SALE', quantity: -1, status: 'CREATED' },
  { ref: 'SKU-1:LOC_A:CANCELLED:f0', type: 'CANCELLED', quantity: 4, status: 'ACTIVE' },
];
/** The same quantities as entities under the catalogue, linked to the position (looked up by ref). */
const quantityEntities = quantities.map((q, i) =>
  entity({
    entityType: 'INVENTORY_QUANTITY',
    id: `iq${i}`,
    ref: q.ref,
    status: q.status,
    root: { ...ROOT },
    fields: { ...q, position: { id: 'ip1', ref: 'SKU-1:LOC_A' } },
  }),
);
const otherPositionQuantity = entity({
  entityType: 'INVENTORY_QUANTITY',
  id: 'iq-other',
  ref: 'SKU-2:LOC_A:RESERVED:f1',
  root: { ...ROOT },
  fields: { type: 'RESERVED', quantity: -1, status: 'ACTIVE', position: { id: 'ip2', ref: 'SKU-2:LOC_A' } },
});
const data = { entities: [catalogue, position, ...quantityEntities, otherPositionQuantity], related: { 'INVENTORY_POSITION:ip1:quantities': quantities } };
const sendProps = { inventoryReserveEvent: 'Reserve', inventoryCancelEvent: 'Cancel', inventoryConfirmationEvent: 'Confirm' };
const item = { fulfilmentId: 'f2', skuRef: 'SKU-1', locationRef: 'LOC_A' };

describe('globalinventory.SendEventOnFulfilmentInventoryUpdate', () => {
  it.each([
    {
      title: 'reservedQty',
      fields: { reservedQty: 2 },
      name: 'Reserve',
      entries: [{ ref: 'SKU-1:LOC_A:RESERVED:f2', type: 'RESERVED', qty: -2, status: 'ACTIVE' }],
    },
    {
      title: 'reserveQty "-5" (the doc example)',
      fields: { reserveQty: '-5' },
      name: 'Reserve',
      entries: [{ ref: 'SKU-1:LOC_A:RESERVED:f2', type: 'RESERVED', qty: -5, status: 'ACTIVE' }],
    },
    {
      title: 'cancelQty',
      fields: { cancelQty: 2 },
      name: 'Cancel',
      entries: [
        { ref: 'SKU-1:LOC_A:RESERVED:f2', type: 'RESERVED', status: 'INACTIVE' },
        { ref: 'SKU-1:LOC_A:CANCELLED:f2', type: 'CANCELLED', qty: 2, status: 'ACTIVE' },
      ],
    },
    {
      title: 'saleQty and correctionQty',
      fields: { saleQty: 1, correctionQty: 4 },
      name: 'Confirm',
      entries: [
        { ref: 'SKU-1:LOC_A:RESERVED:f2', type: 'RESERVED', status: 'INACTIVE' },
        { ref: 'SKU-1:LOC_A:SALE:f2', type: 'SALE', qty: -1, status: 'ACTIVE' },
        { ref: 'SKU-1:LOC_A:CORRECTION:f2', type: 'CORRECTION', qty: -4, status: 'ACTIVE' },
      ],
    },
  ])('sends $name to the position for $title', ({ fields, name, entries }) => {
    const event = eventOn(catalogue, 'UpdateInventoryQty', { items: [{ ...item, ...fields }] });
    expect(send.run(ruleInput(catalogue, send.props.parse(sendProps), { event, data }))).toMatchObject([
      {
        type: 'sendEvent',
        event: {
          name,
          entityType: 'INVENTORY_POSITION',
          entityId: 'ip1',
          attributes: { inventoryPositionRef: 'SKU-1:LOC_A', fulfilmentId: 'f2', inventoryQuantity: entries },
        },
      },
    ]);
  });

  it('skips items for positions the catalogue does not have, and items without a quantity', () => {
    const event = eventOn(catalogue, 'UpdateInventoryQty', { items: [{ ...item, skuRef: 'SKU-9', reservedQty: 1 }, item] });
    expect(send.run(ruleInput(catalogue, send.props.parse(sendProps), { event, data }))).toEqual([]);
  });

  it.each([
    { attributes: {}, message: '"items"' },
    { attributes: { items: [{ skuRef: 'SKU-1', locationRef: 'LOC_A', reservedQty: 1 }] }, message: '"items[0].fulfilmentId"' },
    { attributes: { items: [{ ...item, reservedQty: 'many' }] }, message: '"items[0].reservedQty"' },
  ])('fails naming $message', ({ attributes, message }) => {
    expect(() => send.run(ruleInput(catalogue, send.props.parse(sendProps), { event: eventOn(catalogue, 'U', attributes), data }))).toThrow(message);
  });

  it('needs the three event names', () => {
    expect(send.props.safeParse({ inventoryReserveEvent: 'R' }).success).toBe(false);
  });
});

describe('position rules', () => {
  const event = (inventoryQuantity: unknown[]) => eventOn(position, 'X', { inventoryPositionRef: 'SKU-1:LOC_A', inventoryQuantity });

  it.each([
    {
      title: 'creates a new RESERVED quantity and sets its status',
      rule: createFulfilmentInventoryQuantity,
      props: { inventoryQuantityType: 'RESERVED', defaultCondition: 'NEW' },
      entries: [
        { ref: 'SKU-1:LOC_A:RESERVED:f2', type: 'RESERVED', qty: -2, status: 'ACTIVE' },
        { ref: 'x', type: 'SALE', qty: -1 },
      ],
      expected: [
        {
          type: 'mutate',
          mutation: 'createInventoryQuantity',
          input: {
            ref: 'SKU-1:LOC_A:RESERVED:f2',
            catalogue: { ref: 'DEFAULT:1' },
            position: { ref: 'SKU-1:LOC_A', catalogue: { ref: 'DEFAULT:1' } },
            type: 'RESERVED',
            quantity: -2,
            condition: 'NEW',
          },
        },
        { type: 'mutate', mutation: 'updateInventoryQuantity', input: { ref: 'SKU-1:LOC_A:RESERVED:f2', catalogue: { ref: 'DEFAULT:1' }, status: 'ACTIVE' } },
      ],
    },
    {
      title: 'updates a quantity that already exists',
      rule: createFulfilmentInventoryQuantity,
      props: { inventoryQuantityType: 'RESERVED' },
      entries: [{ ref: 'SKU-1:LOC_A:RESERVED:f1', type: 'RESERVED', qty: -1, status: 'ACTIVE' }],
      expected: [
        {
          type: 'mutate',
          mutation: 'updateInventoryQuantity',
          input: { ref: 'SKU-1:LOC_A:RESERVED:f1', catalogue: { ref: 'DEFAULT:1' }, quantity: -1, status: 'ACTIVE' },
        },
      ],
    },
    {
      title: "deactivates the named RESERVED quantity and skips unknown ones and another position's",
      rule: updateInventoryQuantity,
      props: { type: 'RESERVED' },
      entries: [
        { ref: 'SKU-1:LOC_A:RESERVED:f1', type: 'RESERVED', status: 'INACTIVE' },
        { ref: 'nope', type: 'RESERVED', status: 'INACTIVE' },
        { ref: 'SKU-2:LOC_A:RESERVED:f1', type: 'RESERVED', status: 'INACTIVE' },
      ],
      expected: [
        {
          type: 'mutate',
          mutation: 'updateInventoryQuantity',
          input: { ref: 'SKU-1:LOC_A:RESERVED:f1', catalogue: { ref: 'DEFAULT:1' }, quantity: undefined, status: 'INACTIVE' },
        },
      ],
    },
  ] as { title: string; rule: AnyRule; props: unknown; entries: unknown[]; expected: unknown[] }[])(
    '$rule.name $title',
    ({ rule, props, entries, expected }) => {
      expect(rule.run(ruleInput(position, rule.props.parse(props), { event: event(entries), data }))).toEqual(expected);
    },
  );

  it.each([
    { filterTypes: ['RESERVED', 'SALE', 'CORRECTION', 'DELTA'], filterStatuses: ['CREATED', 'ACTIVE'], onHand: 10 - 3 - 1 },
    { filterTypes: 'RESERVED', filterStatuses: 'ACTIVE', onHand: 10 - 3 },
    { filterTypes: ['RESERVED'], filterStatuses: ['INACTIVE'], onHand: -4 },
  ])('globalinventory.CalculateOnHand with $filterTypes in $filterStatuses gives $onHand', ({ filterTypes, filterStatuses, onHand }) => {
    const props = calculateOnHand.props.parse({ eventName: 'UpdateOnHand', filterTypes, filterStatuses });
    expect(calculateOnHand.run(ruleInput(position, props, { event: event([]), data }))).toMatchObject([
      {
        type: 'sendEvent',
        event: { name: 'UpdateOnHand', entityId: 'ip1', attributes: { inventoryPositionOnHandCalculated: onHand, inventoryPositionOnHand: 10 } },
      },
    ]);
  });

  it.each([
    { filterTypes: ['SALE', 'CORRECTION'], filterStatuses: ['CREATED', 'ACTIVE'], refs: ['SKU-1:LOC_A:SALE:f9'] },
    { filterTypes: 'RESERVED', filterStatuses: 'ACTIVE, INACTIVE', refs: ['SKU-1:LOC_A:RESERVED:f1', 'SKU-1:LOC_A:RESERVED:f0'] },
    { filterTypes: ['DELTA'], filterStatuses: ['ACTIVE'], refs: [] },
  ])('globalinventory.UpdateInventoryQuantitiesStatus with $filterTypes in $filterStatuses updates $refs', ({ filterTypes, filterStatuses, refs }) => {
    const props = updateInventoryQuantitiesStatus.props.parse({ status: 'INACTIVE', filterTypes, filterStatuses });
    expect(updateInventoryQuantitiesStatus.run(ruleInput(position, props, { event: event([]), data }))).toEqual(
      refs.map((ref) => ({ type: 'mutate', mutation: 'updateInventoryQuantity', input: { ref, catalogue: { ref: 'DEFAULT:1' }, status: 'INACTIVE' } })),
    );
  });

  it.each([
    { rule: updateInventoryQuantitiesStatus, props: { status: 'INACTIVE', filterTypes: ['SALE'] } },
    { rule: createFulfilmentInventoryQuantity, props: {} },
    { rule: updateInventoryQuantity, props: {} },
    { rule: calculateOnHand, props: { eventName: 'X', filterTypes: [] } },
  ] as { rule: AnyRule; props: unknown }[])('$rule.name rejects props $props', ({ rule, props }) => {
    expect(rule.props.safeParse(props).success).toBe(false);
  });

  it('fails naming a missing inventoryQuantity list', () => {
    expect(() => updateInventoryQuantity.run(ruleInput(position, { type: 'RESERVED' }, { event: eventOn(position, 'X', {}), data }))).toThrow(
      '"inventoryQuantity"',
    );
  });
});
