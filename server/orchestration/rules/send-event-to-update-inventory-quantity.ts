/**
 * `commongi.SendEventToUpdateInventoryQuantity` (Order Reference Module `order.…`, accepts
 * FULFILMENT): sends props.eventName (e.g. `UpdateInventoryQty`) to the inventory catalogue
 * props.inventoryCatalogueRef with one `items` entry per fulfilment item, quantities per
 * props.operation: RESERVE (fulfilment created), UNRESERVE (expired or cancelled), RESET_RESERVE
 * (actioned). https://docs.fluentcommerce.com/building-blocks/sendeventtoupdateinventoryquantity
 *
 * The item shape follows the UpdateInventoryQty contract (workflow-contracts.md §2.2):
 * `{fulfilmentId, skuRef, locationRef}` plus `reservedQty` (RESERVE), `cancelQty` (UNRESERVE) or
 * `saleQty` + `correctionQty` (RESET_RESERVE: filled and rejected). Quantities are positive and the
 * catalogue's workflow gives them their sign [inferred]; without props.inventoryCatalogueRef the
 * catalogue is `DEFAULT:<retailerId>`, and nothing is sent when that does not exist [inferred].
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { walk } from './support/json-path.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'commongi.SendEventToUpdateInventoryQuantity';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
const qty = (v: unknown): number => (Number.isFinite(Number(v)) ? Number(v) : 0);

type Operation = 'RESERVE' | 'UNRESERVE' | 'RESET_RESERVE';

function quantities(operation: Operation, item: Record<string, unknown>): Record<string, number> {
  switch (operation) {
    case 'RESERVE':
      return { reservedQty: qty(item['requestedQuantity']) };
    case 'UNRESERVE':
      return { cancelQty: qty(item['requestedQuantity']) };
    case 'RESET_RESERVE':
      return { saleQty: qty(item['filledQuantity']), correctionQty: qty(item['rejectedQuantity']) };
  }
}

/** Product ref per order item id (fulfilment items point at order items). */
function productRefs(fulfilment: Readonly<EntityView>, read: DomainReader): Map<string, string | undefined> {
  const order = orderOf(fulfilment, read, NAME);
  const items = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'items');
  return new Map(items.map((i) => [String(i['id']), text(walk(i['product'], ['ref'])) ?? text(i['productRef'])]));
}

export const sendEventToUpdateInventoryQuantity = defineRule({
  name: NAME,
  aliases: ['order.SendEventToUpdateInventoryQuantity'],
  inferred: 'item quantity keys and signs per operation; default catalogue DEFAULT:<retailerId>',
  description: 'Sends props.eventName to the inventory catalogue with the fulfilment items to reserve, unreserve or confirm.',
  props: z.object({
    eventName,
    operation: z.enum(['RESERVE', 'UNRESERVE', 'RESET_RESERVE']),
    inventoryCatalogueRef: z.string().trim().min(1).optional(),
    retailerId: z.union([z.string(), z.number()]).transform(String).optional(),
  }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const retailerId = props.retailerId ?? event.retailerId;
    const catalogueRef = props.inventoryCatalogueRef ?? `DEFAULT:${retailerId}`;
    const catalogue = read.find({ entityType: 'INVENTORY_CATALOGUE', ref: catalogueRef });
    if (!catalogue) {
      // Without a named catalogue, an account that keeps no inventory simply reserves nothing [inferred].
      if (props.inventoryCatalogueRef === undefined) return [];
      throw new Error(`${NAME}: inventory catalogue "${catalogueRef}" does not exist; fix props.inventoryCatalogueRef.`);
    }
    const key = { entityType: 'FULFILMENT', id: entity.id, ref: entity.ref };
    const locationRef = text(read.related(key, 'fromLocation')[0]?.['ref']);
    const products = productRefs(entity, read);
    const items = read.related(key, 'items').map((item) => ({
      fulfilmentId: entity.id,
      skuRef: products.get(String(walk(item['orderItem'], ['id']))),
      locationRef,
      ...quantities(props.operation, item),
    }));
    if (items.length === 0) return [];
    return [
      {
        type: 'sendEvent',
        event: {
          name: props.eventName,
          retailerId,
          entityType: 'INVENTORY_CATALOGUE',
          entityId: catalogue.id,
          entityRef: catalogue.ref,
          entitySubtype: catalogue.subtype,
          rootEntityType: 'INVENTORY_CATALOGUE',
          rootEntityId: catalogue.id,
          rootEntityRef: catalogue.ref,
          attributes: { items },
        },
      },
    ];
  },
});
