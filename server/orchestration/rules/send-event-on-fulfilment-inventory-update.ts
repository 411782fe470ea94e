/**
 * `globalinventory.SendEventOnFulfilmentInventoryUpdate` (Inventory Reference Module, accepts
 * INVENTORY_CATALOGUE): for each entry of the UpdateInventoryQty attribute `items`
 * (workflow-contracts.md §2.2: `fulfilmentId`, `skuRef`, `locationRef` required; `reservedQty`,
 * `cancelQty`, `saleQty` / `correctionQty`), sends to that position props.inventoryReserveEvent,
 * props.inventoryCancelEvent or props.inventoryConfirmationEvent.
 * https://docs.fluentcommerce.com/building-blocks/sendeventonfulfilmentinventoryupdate
 *
 * [inferred] (the rule page's detail is not retrievable): each event carries `inventoryPositionRef`,
 * `fulfilmentId` and an `inventoryQuantity` list — reserve: an ACTIVE RESERVED quantity
 * `<position>:RESERVED:<fulfilmentId>` of −reservedQty; cancel: that RESERVED quantity INACTIVE
 * and a CANCELLED quantity of cancelQty; confirm: RESERVED INACTIVE, ACTIVE SALE −saleQty and
 * CORRECTION −correctionQty. Quantities may be given positive or negative (the doc example sends
 * `"-5"`); the sign is applied here. The example's key `reserveQty` is read as `reservedQty`.
 * Items for a position the catalogue does not have are skipped. Events are sent inline, not
 * scheduled.
 */
import { z } from 'zod';
import { defineRule, type Effect, type EntityView, type OrchestrationEvent } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { findPosition, type QuantityEntry } from './support/inventory.js';
import { eventName } from './support/props.js';

const NAME = 'globalinventory.SendEventOnFulfilmentInventoryUpdate';

const qty = z.coerce.number().int().transform(Math.abs).optional();
const itemsSchema = z.object({
  items: z.array(
    z.looseObject({
      fulfilmentId: z.union([z.string().trim().min(1), z.number()]).transform(String),
      skuRef: z.string().trim().min(1),
      locationRef: z.string().trim().min(1),
      reservedQty: qty,
      reserveQty: qty,
      cancelQty: qty,
      saleQty: qty,
      correctionQty: qty,
    }),
  ),
});
type Item = z.infer<typeof itemsSchema>['items'][number];

function entriesFor(item: Item, positionRef: string): { kind: 'reserve' | 'cancel' | 'confirm'; entries: QuantityEntry[] } | undefined {
  const ref = (type: string) => `${positionRef}:${type}:${item.fulfilmentId}`;
  const reserved = item.reservedQty ?? item.reserveQty;
  if (reserved !== undefined) return { kind: 'reserve', entries: [{ ref: ref('RESERVED'), type: 'RESERVED', qty: -reserved, status: 'ACTIVE' }] };
  const release = { ref: ref('RESERVED'), type: 'RESERVED', status: 'INACTIVE' };
  if (item.cancelQty !== undefined)
    return { kind: 'cancel', entries: [release, { ref: ref('CANCELLED'), type: 'CANCELLED', qty: item.cancelQty, status: 'ACTIVE' }] };
  if (item.saleQty === undefined && item.correctionQty === undefined) return undefined;
  const confirmed: QuantityEntry[] = [release];
  if (item.saleQty) confirmed.push({ ref: ref('SALE'), type: 'SALE', qty: -item.saleQty, status: 'ACTIVE' });
  if (item.correctionQty) confirmed.push({ ref: ref('CORRECTION'), type: 'CORRECTION', qty: -item.correctionQty, status: 'ACTIVE' });
  return { kind: 'confirm', entries: confirmed };
}

function positionEvent(event: Readonly<OrchestrationEvent>, position: EntityView, name: string, item: Item, entries: QuantityEntry[]): Effect {
  const sent = eventFor(position, name, event);
  return emit({ ...sent, attributes: { inventoryPositionRef: position.ref, fulfilmentId: item.fulfilmentId, inventoryQuantity: entries } });
}

export const sendEventOnFulfilmentInventoryUpdate = defineRule({
  name: NAME,
  aliases: ['commongi.SendEventOnFulfilmentInventoryUpdate'],
  inferred: 'the attributes sent to each position (inventoryQuantity entries, refs, signs); unknown positions skipped',
  description: 'Per UpdateInventoryQty item, sends the reserve, cancel or confirmation event to the inventory position.',
  props: z.object({
    inventoryReserveEvent: eventName,
    inventoryCancelEvent: eventName,
    inventoryConfirmationEvent: eventName,
    inventoryQuantityTypes: z.union([z.array(z.string()), z.string()]).optional(),
  }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_CATALOGUE') throw new Error(`${NAME} runs on INVENTORY_CATALOGUE, not ${entity.entityType}.`);
    const { items } = parseAttributes(event, itemsSchema, NAME);
    const names = { reserve: props.inventoryReserveEvent, cancel: props.inventoryCancelEvent, confirm: props.inventoryConfirmationEvent };
    return items.flatMap((item) => {
      const position = findPosition(read, entity, item.skuRef, item.locationRef);
      const planned = position?.ref === undefined ? undefined : entriesFor(item, position.ref);
      return position && planned ? [positionEvent(event, position, names[planned.kind], item, planned.entries)] : [];
    });
  },
});
