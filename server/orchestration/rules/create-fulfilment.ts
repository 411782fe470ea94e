/**
 * `commonv2.CreateFulfilment`: creates one fulfilment, from one location, for the order's items
 * that no live fulfilment covers yet, through the GraphQL `createFulfilment` mutation.
 *
 * Fluent's rule "creates fulfilment based on the incoming proposed fulfilment, excluding
 * fulfilments in specified statuses. If the fulfilmentType parameter is not empty then a
 * fulfilment with this type will be created"; it accepts ORDER and produces a createFulfilment
 * mutation. https://docs.fluentcommerce.com/building-blocks/createfulfilment
 *
 * The proposed fulfilment is the event attribute `proposedFulfilment` of SelectProposedFulfilment
 * (`locationRef`, `items[{orderItemId, quantity}]`): its quantities, capped at what remains. Without
 * one, the location is the first of: event attribute `locationRef`, the order's
 * `fulfilmentChoice.pickupLocationRef` (click & collect), prop `locationRef`, and otherwise the
 * simulator's own simple sourcing [simulator]: the location whose positions in the retailer's
 * inventory catalogue (`DEFAULT:<retailerId>`) cover every item's quantity, warehouses first,
 * then by location ref; without any, the fulfilment has no `fromAddress`; all remaining items go.
 * Quantities covered by fulfilments outside `excludedFulfilmentStatuses` are not requested again
 * (a PARTIALLY_FULFILLED one covers its filled quantity); when nothing remains, nothing is created.
 * Without `fulfilmentType`, the type is `<order type>_PFS` from a STORE location, else `<order type>_PFDC`
 * (the reference types CC_PFS, CC_PFDC, HD_PFS, HD_PFDC named on the same page).
 */
import { z } from 'zod';
import type { DomainReader, EntityView, OrchestrationEvent } from '../port.js';
import { defineRule } from '../port.js';
import { walk } from './support/json-path.js';
import { fulfilmentInput, fulfilmentItemInputs, proposalOf, remainingItems, type RemainingItem } from './support/order-sourcing.js';
import { statusList } from './support/props.js';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);

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
 * Used only when no proposed fulfilment or location is given (the default workflows source
 * with GetLocationsForNetwork … SelectProposedFulfilment).
 */
function sourceLocation(read: DomainReader, order: Readonly<EntityView>, items: readonly RemainingItem[]): string | undefined {
  // Positions by product (an index lookup), so an order costs items × their positions.
  const catalogueRef = `DEFAULT:${order.retailerId ?? '1'}`;
  let covering: string[] | undefined;
  for (const { productRef, remaining } of items) {
    if (productRef === undefined) return undefined;
    const enough = new Set(
      read
        .inventoryPositions(catalogueRef, productRef)
        .filter((p) => Number(p['onHand'] ?? 0) >= remaining)
        .map((p) => String(p['locationRef'])),
    );
    covering = (covering ?? [...enough].sort()).filter((loc) => enough.has(loc));
  }
  const typeOf = (ref: string): string | undefined => read.find({ entityType: 'LOCATION', ref })?.subtype;
  return covering?.find((ref) => typeOf(ref) === 'WAREHOUSE') ?? covering?.[0];
}

/** The remaining items, limited to the proposal's quantities when there is a proposal. */
function itemsToCreate(event: Readonly<OrchestrationEvent>, remaining: readonly RemainingItem[]) {
  const proposal = proposalOf(event.attributes);
  const proposed = proposal && new Map(proposal.items.map((item) => [item.orderItemId, item.quantity]));
  return remaining
    .map((item) => ({ id: item.id, ref: item.ref, quantity: proposed ? Math.min(item.remaining, proposed.get(item.id) ?? 0) : item.remaining }))
    .filter((item) => item.quantity > 0);
}

export const createFulfilment = defineRule({
  name: 'commonv2.CreateFulfilment',
  aliases: ['order.CreateFulfilment'],
  description: 'Creates one fulfilment (props.fulfilmentType) from the proposed location for the order quantity not yet in a live fulfilment.',
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
    const remaining = remainingItems(order, read, props.excludedFulfilmentStatuses ?? []);
    const locationRef = locationRefFor(event, order, props.locationRef) ?? sourceLocation(read, order, remaining);
    const location = locationRef === undefined ? undefined : read.find({ entityType: 'LOCATION', ref: locationRef });
    if (locationRef !== undefined && location === undefined) {
      throw new Error(`commonv2.CreateFulfilment: location "${locationRef}" does not exist; create it or fix the location ref.`);
    }
    const items = itemsToCreate(event, remaining);
    if (items.length === 0) return [];
    const type =
      props.fulfilmentType ??
      text(walk(event.attributes, ['proposedFulfilment', 'fulfilmentType'])) ??
      `${order.subtype ?? 'HD'}_${location?.subtype === 'STORE' ? 'PFS' : 'PFDC'}`;
    return [{ type: 'mutate', mutation: 'createFulfilment', input: fulfilmentInput(order, read, { type, location, items: fulfilmentItemInputs(items) }) }];
  },
});
