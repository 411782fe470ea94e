/**
 * `commonv2.SelectProposedFulfilment` (Order Reference Module, accepts ORDER; H: reads attributes
 * `locations` and `virtualPositions`): chooses one location for the order's remaining quantity and
 * forwards the event as props.eventName with attribute `proposedFulfilment`
 * `{locationRef, items[{orderItemId, productRef, quantity}]}`, or without it when no location has
 * any of the items (workflow-contracts.md §5.2).
 * Choice [inferred]: the first location, in the order of `locations` (nearest first), with stock
 * for every remaining item; else the one that can give the most units (earlier on a tie), each
 * item up to its stock, so the order splits. Locations where the order already has a fulfilment,
 * whatever its status, are skipped: a rejected or expired fulfilment's location is not asked again,
 * and a live one already gave what it could. Remaining = order quantity not covered by fulfilments
 * outside props.excludedFulfilmentStatuses (default CANCELLED, REJECTED, EXPIRED, ESCALATED).
 */
import { z } from 'zod';
import { defineRule, type EntityView } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { emit, forwardEvent } from './support/events.js';
import { choiceRefOf, sourcingScope } from './support/fulfilment-choice.js';
import {
  candidateLocation,
  fulfilmentsOf,
  locationRefOf,
  NOT_LIVE,
  remainingItems,
  stockAtLocation,
  type ProposedFulfilment,
  type RemainingItem,
  type StockAtLocation,
} from './support/order-sourcing.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'commonv2.SelectProposedFulfilment';

/** What `locationRef` can give of each remaining item. */
function offerAt(locationRef: string, items: readonly RemainingItem[], stock: ReadonlyMap<string, number>): ProposedFulfilment['items'] {
  return items.flatMap((item) => {
    const quantity = Math.min(item.remaining, item.productRef === undefined ? 0 : (stock.get(`${item.productRef}\u0000${locationRef}`) ?? 0));
    return quantity > 0 ? [{ orderItemId: item.id, productRef: item.productRef, quantity }] : [];
  });
}

function selectLocation(
  locationRefs: readonly string[],
  items: readonly RemainingItem[],
  positions: readonly StockAtLocation[],
): ProposedFulfilment | undefined {
  const stock = new Map(positions.map((p) => [`${p.productRef}\u0000${p.locationRef}`, p.quantity]));
  const wanted = items.reduce((sum, item) => sum + item.remaining, 0);
  let best: ProposedFulfilment | undefined;
  let bestUnits = 0;
  for (const locationRef of locationRefs) {
    const offer = offerAt(locationRef, items, stock);
    const units = offer.reduce((sum, item) => sum + item.quantity, 0);
    if (units === wanted) return { locationRef, items: offer };
    if (units > bestUnits) [best, bestUnits] = [{ locationRef, items: offer }, units];
  }
  return best;
}

export const selectProposedFulfilment = defineRule({
  name: NAME,
  aliases: ['order.SelectProposedFulfilment'],
  inferred: 'the choice (nearest with all, else most units) and the proposedFulfilment shape',
  description: 'Forwards props.eventName with attribute proposedFulfilment: the location (nearest with all items, else most) for the remaining quantity.',
  props: z.object({ eventName, excludedFulfilmentStatuses: statusList.optional() }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = sourcingScope(entity, read, NAME);
    const { locations, virtualPositions } = parseAttributes(
      event,
      z.object({ locations: z.array(candidateLocation), virtualPositions: z.array(stockAtLocation) }),
      NAME,
    );
    // On a choice, only its own fulfilments' locations are used up.
    const ownChoice = (f: Readonly<EntityView>) => entity.entityType !== 'FULFILMENT_CHOICE' || choiceRefOf(f.fields) === entity.ref;
    const used = new Set(
      fulfilmentsOf(order, scoped)
        .filter(ownChoice)
        .map((f) => locationRefOf(f, scoped)),
    );
    const candidates = locations.map((l) => l.ref).filter((ref) => !used.has(ref));
    const proposal = selectLocation(candidates, remainingItems(order, scoped, props.excludedFulfilmentStatuses ?? NOT_LIVE), virtualPositions);
    const forwarded = forwardEvent(event, entity, props.eventName);
    const { proposedFulfilment: _previous, ...attributes } = forwarded.attributes;
    return [emit({ ...forwarded, attributes: proposal ? { ...attributes, proposedFulfilment: proposal } : attributes })];
  },
});
