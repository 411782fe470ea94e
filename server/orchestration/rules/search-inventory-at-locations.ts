/**
 * `commonv2.SearchInventoryAtLocations` (Order Reference Module, accepts ORDER): the stock of the
 * order's remaining items at the event's `locations`, forwarded as props.eventName with attribute
 * `virtualPositions` `[{productRef, locationRef, quantity}]` (quantity > 0 only), for
 * SelectProposedFulfilment (workflow-contracts.md §5.2).
 * The quantity is the position's onHand in inventory catalogue props.inventoryCatalogueRef, or in the
 * inventory catalogue behind props.virtualCatalogueRef, else `DEFAULT:<retailerId>` [inferred: the
 * simulator reads the onHand virtual positions derive from]. Positions are looked up by product,
 * so the cost is items × the product's positions, never the whole catalogue.
 */
import { z } from 'zod';
import { defineRule, type DomainReader, type EntityView } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { sourcingScope } from './support/fulfilment-choice.js';
import { candidateLocation, NOT_LIVE, remainingItems, type StockAtLocation } from './support/order-sourcing.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.SearchInventoryAtLocations';

function catalogueRefOf(
  props: { inventoryCatalogueRef?: string | undefined; virtualCatalogueRef?: string | undefined },
  order: Readonly<EntityView>,
  read: DomainReader,
) {
  if (props.inventoryCatalogueRef) return props.inventoryCatalogueRef;
  if (props.virtualCatalogueRef) {
    const virtual = read.find({ entityType: 'VIRTUAL_CATALOGUE', ref: props.virtualCatalogueRef });
    const ref = virtual?.fields['inventoryCatalogueRef'];
    if (typeof ref !== 'string') throw new Error(`${NAME}: virtual catalogue "${props.virtualCatalogueRef}" does not exist or names no inventory catalogue.`);
    return ref;
  }
  return `DEFAULT:${order.retailerId ?? '1'}`;
}

export const searchInventoryAtLocations = defineRule({
  name: NAME,
  aliases: ['order.SearchInventoryAtLocations'],
  inferred: 'reads inventory onHand; the virtualPositions attribute shape',
  description: "Forwards props.eventName with attribute virtualPositions: the onHand of the order's remaining items at the event locations.",
  props: z.object({
    eventName,
    inventoryCatalogueRef: z.string().trim().min(1).optional(),
    virtualCatalogueRef: z.string().trim().min(1).optional(),
  }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = sourcingScope(entity, read, NAME);
    const { locations } = parseAttributes(event, z.object({ locations: z.array(candidateLocation) }), NAME);
    const candidates = new Set(locations.map((l) => l.ref));
    const catalogueRef = catalogueRefOf(props, order, scoped);
    const products = new Set(remainingItems(order, scoped, NOT_LIVE).flatMap((item) => (item.productRef === undefined ? [] : [item.productRef])));
    const virtualPositions: StockAtLocation[] = [...products].flatMap((productRef) =>
      read.inventoryPositions(catalogueRef, productRef).flatMap((p) => {
        const locationRef = String(p['locationRef']);
        const quantity = Number(p['onHand'] ?? 0);
        return candidates.has(locationRef) && quantity > 0 ? [{ productRef, locationRef, quantity }] : [];
      }),
    );
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, virtualPositions } })];
  },
});
