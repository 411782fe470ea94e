/**
 * What the Order Reference Module's sourcing rules share (workflow-contracts.md §5.2): which order
 * quantities live fulfilments already cover, what remains to source, where the order's
 * fulfilments are, and the event attributes the sourcing chain passes along
 * (`locations`, `virtualPositions`, `proposedFulfilment`).
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../../port.js';
import { walk } from './json-path.js';

/**
 * Fulfilments in these statuses cover nothing: their quantities are sourced again [inferred: the
 * list the reference HD workflow passes as excludedFulfilmentStatuses, plus REJECTED].
 */
export const NOT_LIVE: readonly string[] = ['CANCELLED', 'REJECTED', 'EXPIRED', 'ESCALATED'];

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);
const count = (value: unknown): number => (Number.isFinite(Number(value)) ? Number(value) : 0);

export const idOf = (value: unknown): string | undefined => {
  const id = walk(value, ['id']);
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
};

const orderKey = (order: Readonly<EntityView>) => ({ entityType: 'ORDER', id: order.id, ref: order.ref });

export const fulfilmentsOf = (order: Readonly<EntityView>, read: DomainReader): EntityView[] => read.children(orderKey(order), 'FULFILMENT');

/** The location a fulfilment ships from (derived from its `fromAddress`), if any. */
export const locationRefOf = (fulfilment: Readonly<EntityView>, read: DomainReader): string | undefined =>
  text(read.related({ entityType: 'FULFILMENT', id: fulfilment.id, ref: fulfilment.ref }, 'fromLocation')[0]?.['ref']);

/** Whether a fulfilment still covers its items; by default, when its status is not in `excluded`. */
export type Covers = (fulfilment: Readonly<EntityView>) => boolean;
export const outside =
  (excluded: readonly string[]): Covers =>
  (fulfilment) =>
    fulfilment.status === undefined || !excluded.includes(fulfilment.status);

/**
 * Quantity per order item id that the order's fulfilments cover: none for a fulfilment `covers`
 * refuses, the filled quantity for a PARTIALLY_FULFILLED one, the requested quantity otherwise.
 */
export function coveredQuantities(order: Readonly<EntityView>, read: DomainReader, covers: Covers): Map<string, number> {
  const covered = new Map<string, number>();
  for (const fulfilment of fulfilmentsOf(order, read)) {
    if (!covers(fulfilment)) continue;
    const field = fulfilment.status === 'PARTIALLY_FULFILLED' ? 'filledQuantity' : 'requestedQuantity';
    for (const item of read.related({ entityType: 'FULFILMENT', id: fulfilment.id, ref: fulfilment.ref }, 'items')) {
      const orderItemId = idOf(item['orderItem']) ?? text(item['orderItemId']);
      if (orderItemId !== undefined) covered.set(orderItemId, (covered.get(orderItemId) ?? 0) + count(item[field]));
    }
  }
  return covered;
}

export type RemainingItem = { id: string; ref: string; productRef: string | undefined; remaining: number };

/** The order items with quantity no covering fulfilment covers, and how much (`excluded`: statuses that do not cover). */
export function remainingItems(order: Readonly<EntityView>, read: DomainReader, excluded: readonly string[] | Covers): RemainingItem[] {
  const covered = coveredQuantities(order, read, typeof excluded === 'function' ? excluded : outside(excluded));
  return read
    .related(orderKey(order), 'items')
    .map((item) => {
      const id = String(item['id']);
      return {
        id,
        ref: String(item['ref'] ?? item['id']),
        productRef: text(walk(item['product'], ['ref'])) ?? text(item['productRef']),
        remaining: count(item['quantity']) - (covered.get(id) ?? 0),
      };
    })
    .filter((item) => item.remaining > 0);
}

/** One candidate location of the `locations` attribute (GetLocationsForNetwork, CalculateLocationsDistances). */
export const candidateLocation = z.object({
  ref: z.string().min(1),
  type: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  distance: z.number().optional(),
});
export type CandidateLocation = z.infer<typeof candidateLocation>;

/** Stock of one product at one location (the `virtualPositions` attribute of SearchInventoryAtLocations). */
export const stockAtLocation = z.object({ productRef: z.string().min(1), locationRef: z.string().min(1), quantity: z.number() });
export type StockAtLocation = z.infer<typeof stockAtLocation>;

/** The `proposedFulfilment` attribute: one location and the quantity per order item it can give. */
export const proposedFulfilment = z.object({
  locationRef: z.string().min(1),
  fulfilmentType: z.string().optional(),
  items: z.array(z.object({ orderItemId: z.string().min(1), productRef: z.string().optional(), quantity: z.number().int().positive() })).min(1),
});
export type ProposedFulfilment = z.infer<typeof proposedFulfilment>;

/** The event's proposed fulfilment when it has a usable one. */
export const proposalOf = (attributes: Readonly<Record<string, unknown>>): ProposedFulfilment | undefined => {
  const parsed = proposedFulfilment.safeParse(attributes['proposedFulfilment']);
  return parsed.success ? parsed.data : undefined;
};

/** The items of a new fulfilment, as `createFulfilment` takes them. */
export const fulfilmentItemInputs = (items: readonly { id: string; ref: string; quantity: number }[], rejected = false) =>
  items.map((item) => ({
    ref: item.ref,
    requestedQuantity: item.quantity,
    filledQuantity: 0,
    rejectedQuantity: rejected ? item.quantity : 0,
    orderItem: { id: item.id },
  }));

const withoutUndefined = (input: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));

/**
 * The `createFulfilment` input for `order`: ref `<orderRef>-F<n>` (n = the order's fulfilment
 * count + 1, deterministic by design), from the location's primary address, to the delivery
 * address, with the order's fulfilment choice and customer.
 */
export function fulfilmentInput(
  order: Readonly<EntityView>,
  read: DomainReader,
  fulfilment: { type: string; location: Readonly<EntityView> | undefined; items: Record<string, unknown>[] },
): Record<string, unknown> {
  const fromAddressId = idOf(fulfilment.location?.fields['primaryAddress']);
  // The delivery address sits two links away (order → fulfilment choice → address).
  const toAddressId =
    idOf(walk(order.fields, ['fulfilmentChoice', 'deliveryAddress'])) ?? idOf(read.related(orderKey(order), 'fulfilmentChoice')[0]?.['deliveryAddress']);
  const customerId = idOf(order.fields['customer']);
  return withoutUndefined({
    ref: `${order.ref ?? order.id}-F${fulfilmentsOf(order, read).length + 1}`,
    type: fulfilment.type,
    deliveryType: text(walk(order.fields, ['fulfilmentChoice', 'deliveryType'])),
    order: { id: order.id },
    fulfilmentChoiceRef: text(walk(order.fields, ['fulfilmentChoice', 'ref'])),
    fromAddress: fromAddressId === undefined ? undefined : { id: fromAddressId },
    toAddress: toAddressId === undefined ? undefined : { id: toAddressId },
    customer: customerId === undefined ? undefined : { id: customerId },
    items: fulfilment.items,
  });
}
