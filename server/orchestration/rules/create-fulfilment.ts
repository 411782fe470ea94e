/**
 * `commonv2.CreateFulfilment`: creates one fulfilment, from one location, for the order's items
 * that no live fulfilment covers yet, through the GraphQL `createFulfilment` mutation.
 *
 * Fluent's rule "creates fulfilment based on the incoming proposed fulfilment, excluding
 * fulfilments in specified statuses. If the fulfilmentType parameter is not empty then a
 * fulfilment with this type will be created"; it accepts ORDER and produces a createFulfilment
 * mutation. https://docs.fluentcommerce.com/building-blocks/createfulfilment
 *
 * The "proposed fulfilment" is one location for all remaining items, taken from the first of:
 * event attribute `proposedFulfilment.locationRef`, event attribute `locationRef`, the order's
 * `fulfilmentChoice.pickupLocationRef` (click & collect), prop `locationRef`, and otherwise the
 * simulator's own simple sourcing [simulator]: the location whose positions in the retailer's
 * inventory catalogue (`DEFAULT:<retailerId>`) cover every item's quantity, warehouses first,
 * then by location ref. Without any, the fulfilment has no `fromAddress`.
 * Quantities already requested by fulfilments outside `excludedFulfilmentStatuses` are not
 * requested again; when nothing remains, no fulfilment is created.
 * The ref is `<orderRef>-F<n>` (n = the order's fulfilment count + 1), deterministic by design.
 * Without `fulfilmentType`, the type is `<order type>_PFS` from a STORE location, else `<order type>_PFDC`
 * (the reference types CC_PFS, CC_PFDC, HD_PFS, HD_PFDC named on the same page).
 */
import { z } from 'zod';
import type { DomainReader, EntityView, OrchestrationEvent } from '../port.js';
import { defineRule } from '../port.js';
import { walk } from './support/json-path.js';
import { statusList } from './support/props.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);

const idOf = (value: unknown): string | undefined => {
  const id = walk(value, ['id']);
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

function locationRefFor(event: Readonly<OrchestrationEvent>, order: Readonly<EntityView>, propRef: string | undefined) {
  return (
    text(walk(event.attributes, ['proposedFulfilment', 'locationRef'])) ??
    text(event.attributes['locationRef']) ??
    text(walk(order.fields, ['fulfilmentChoice', 'pickupLocationRef'])) ??
    propRef
  );
}

/**
 * Simple sourcing [simulator]: a location with enough `onHand` for every item, warehouses first.
 * Real workflows source with library rules (SearchInventoryAtLocations, …) the simulator does not run.
 */
function sourceLocation(read: DomainReader, order: Readonly<EntityView>, items: { productRef: string | undefined; quantity: number }[]): string | undefined {
  // Positions by product (an index lookup), so an order costs items × their positions.
  const catalogueRef = `DEFAULT:${order.retailerId ?? '1'}`;
  let covering: string[] | undefined;
  for (const { productRef, quantity } of items) {
    if (productRef === undefined) return undefined;
    const enough = new Set(
      read
        .inventoryPositions(catalogueRef, productRef)
        .filter((p) => Number(p['onHand'] ?? 0) >= quantity)
        .map((p) => String(p['locationRef'])),
    );
    covering = (covering ?? [...enough].sort()).filter((loc) => enough.has(loc));
  }
  const typeOf = (ref: string): string | undefined => read.find({ entityType: 'LOCATION', ref })?.subtype;
  return covering?.find((ref) => typeOf(ref) === 'WAREHOUSE') ?? covering?.[0];
}

const withoutUndefined = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/** Quantity per order item id already requested by fulfilments that still count. */
function requestedSoFar(order: Readonly<EntityView>, read: DomainReader, excluded: readonly string[]) {
  const requested = new Map<string, number>();
  const live = read
    .children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT')
    .filter((f) => f.status === undefined || !excluded.includes(f.status));
  for (const fulfilment of live) {
    for (const item of read.related({ entityType: 'FULFILMENT', id: fulfilment.id, ref: fulfilment.ref }, 'items')) {
      const orderItemId = idOf(item['orderItem']) ?? text(item['orderItemId']);
      if (orderItemId === undefined) continue;
      const quantity = Number(item['requestedQuantity'] ?? 0);
      requested.set(orderItemId, (requested.get(orderItemId) ?? 0) + (Number.isFinite(quantity) ? quantity : 0));
    }
  }
  return requested;
}

export const createFulfilment = defineRule({
  name: 'commonv2.CreateFulfilment',
  aliases: ['order.CreateFulfilment'],
  description: 'Creates one fulfilment (props.fulfilmentType) from one location for the order items not yet in a live fulfilment.',
  props: z
    .object({
      fulfilmentType: z.string().trim().min(1).optional(),
      excludedFulfilmentStatuses: statusList.optional(),
      locationRef: z.string().trim().min(1).optional(),
    })
    .nullish()
    .transform((props) => props ?? {}),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'ORDER') {
      throw new Error(`commonv2.CreateFulfilment runs on ORDER, not ${entity.entityType}.`);
    }
    const order = entity;
    const orderKey = { entityType: 'ORDER', id: order.id, ref: order.ref };
    const orderItems = read.related(orderKey, 'items');
    const locationRef =
      locationRefFor(event, order, props.locationRef) ??
      sourceLocation(
        read,
        order,
        orderItems.map((item) => ({ productRef: text(walk(item['product'], ['ref'])), quantity: Number(item['quantity'] ?? 0) })),
      );
    const location = locationRef === undefined ? undefined : read.find({ entityType: 'LOCATION', ref: locationRef });
    if (locationRef !== undefined && location === undefined) {
      throw new Error(`commonv2.CreateFulfilment: location "${locationRef}" does not exist; create it or fix the location ref.`);
    }

    const already = requestedSoFar(order, read, props.excludedFulfilmentStatuses ?? []);
    const items = orderItems
      .map((item) => ({ item, remaining: Number(item['quantity'] ?? 0) - (already.get(String(item['id'])) ?? 0) }))
      .filter(({ remaining }) => remaining > 0)
      .map(({ item, remaining }) => ({
        ref: String(item['ref'] ?? item['id']),
        requestedQuantity: remaining,
        filledQuantity: 0,
        rejectedQuantity: 0,
        orderItem: { id: String(item['id']) },
      }));
    if (items.length === 0) return [];

    const count = read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT').length;
    const type =
      props.fulfilmentType ??
      text(walk(event.attributes, ['proposedFulfilment', 'fulfilmentType'])) ??
      `${order.subtype ?? 'HD'}_${location?.subtype === 'STORE' ? 'PFS' : 'PFDC'}`;
    const fromAddressId = idOf(location?.fields['primaryAddress']);
    // The delivery address sits two links away (order → fulfilment choice → address).
    const toAddressId =
      idOf(walk(order.fields, ['fulfilmentChoice', 'deliveryAddress'])) ?? idOf(read.related(orderKey, 'fulfilmentChoice')[0]?.['deliveryAddress']);
    const customerId = idOf(order.fields['customer']);
    const input = withoutUndefined({
      ref: `${order.ref ?? order.id}-F${count + 1}`,
      type,
      deliveryType: text(walk(order.fields, ['fulfilmentChoice', 'deliveryType'])),
      order: { id: order.id },
      fulfilmentChoiceRef: text(walk(order.fields, ['fulfilmentChoice', 'ref'])),
      fromAddress: fromAddressId === undefined ? undefined : { id: fromAddressId },
      toAddress: toAddressId === undefined ? undefined : { id: toAddressId },
      customer: customerId === undefined ? undefined : { id: customerId },
      items,
    });
    return [{ type: 'mutate', mutation: 'createFulfilment', input }];
  },
});
