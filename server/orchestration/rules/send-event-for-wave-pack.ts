/**
 * `order.SendEventForWavePack`: the WavePack event of the Mixed Baskets contract
 * (workflow-contracts.md §5.1, H: mixed-baskets-workflow-interface-contracts), "an external signal
 * when finishing picking and starting packing of the order in the store", sent to an ASSIGNED
 * fulfilment. It checks the payload and turns it into the quantities ConfirmFulfilmentItems writes,
 * sending props.eventName (ConfirmFulfilmentItems) to the same fulfilment, so a WavePack goes on
 * as the wave's PickConfirm does (ConfirmFulfilmentItems → VerifyingFulfilmentItems → AllFulfilled,
 * PartiallyFulfilled or AllRejected).
 *
 * Payload (H): `pickedItems` [{GTIN?, availableQty float ≥ 0, catalogueRef, productRef}] required;
 * `fulfilmentItems` [{skuRef?, orderItemId (required when skuRef is set), rejectedQty int, …}]
 * optional (the rest of fulfilmentItem is not retrievable).
 *
 * [inferred] (one place, easy to correct): the rule name; a `fulfilmentItems` entry names its item
 * by `orderItemId` (always required, since nothing else identifies it), and `skuRef`, when given,
 * must be that item's product ref; entries for the same item add up; each fulfilment item is
 * rejected as `fulfilmentItems` says and filled with the rest of its requested quantity, so an
 * item not listed is filled in full; `pickedItems` is checked but its `availableQty` does not
 * change the quantities (the store's stock is the inventory workflow's business).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { fulfilmentItems } from './support/fulfilment-items.js';
import { eventName } from './support/props.js';

const NAME = 'order.SendEventForWavePack';

const pickedItem = z.object({
  GTIN: z.string().nullish(),
  availableQty: z.number().nonnegative(),
  catalogueRef: z.string().trim().min(1),
  productRef: z.string().trim().min(1),
});
const packedItem = z.object({
  skuRef: z.string().nullish(),
  orderItemId: z.union([z.string(), z.number()]).transform(String),
  rejectedQty: z.number().int().nonnegative(),
});
const attributes = z.object({ pickedItems: z.array(pickedItem).min(1), fulfilmentItems: z.array(packedItem).nullish() });

export const sendEventForWavePack = defineRule({
  name: NAME,
  inferred: 'name; items matched by orderItemId, unlisted items filled in full, availableQty only checked',
  description: 'WavePack: checks pickedItems and fulfilmentItems, then sends props.eventName with each item filled = requested − rejectedQty.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const { fulfilmentItems: packed } = parseAttributes(event, attributes, NAME);
    const own = fulfilmentItems(read, entity, NAME);
    const rejected = new Map<string, number>();
    for (const p of packed ?? []) {
      const item = own.find((o) => o.orderItemId === p.orderItemId);
      if (!item) throw new IllegalArgumentException(`${NAME}: fulfilment "${entity.ref ?? entity.id}" has no item for order item "${p.orderItemId}".`);
      if (p.skuRef && p.skuRef !== item.productRef) {
        throw new IllegalArgumentException(`${NAME}: order item "${p.orderItemId}" is for product "${item.productRef}", not skuRef "${p.skuRef}".`);
      }
      rejected.set(item.id, (rejected.get(item.id) ?? 0) + p.rejectedQty);
    }
    const items = own.map((item) => {
      const rejectedQuantity = rejected.get(item.id) ?? 0;
      if (rejectedQuantity > item.requestedQuantity) {
        throw new IllegalArgumentException(
          `${NAME}: order item "${item.orderItemId}": rejectedQty ${rejectedQuantity} exceeds the requested ${item.requestedQuantity}.`,
        );
      }
      return { id: item.id, filledQuantity: item.requestedQuantity - rejectedQuantity, rejectedQuantity };
    });
    const next = forwardEvent(event, entity, props.eventName);
    return [emit({ ...next, attributes: { ...next.attributes, fulfilmentItems: items } })];
  },
});
