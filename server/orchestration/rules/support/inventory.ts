/**
 * Shared pieces of the inventory rules (Inventory Reference Module, workflow-contracts.md §2):
 * positions of an inventory catalogue by product and location, their quantities, and the
 * `inventoryQuantity` list events carry between the catalogue and its positions
 * (`[{ref, type, qty, status}]`, the InventoryQuantity sub-attribute of
 * https://docs.fluentcommerce.com/building-blocks/updateinventoryquantity).
 */
import { z } from 'zod';
import { isRecord } from '../../../lib/guards.js';
import type { DomainReader, EntityView } from '../../port.js';

/** The ref the Batch API gives a position: `<skuRef>:<locationRef>` (apply-inventory-record.ts). */
export const positionRefOf = (skuRef: string, locationRef: string): string => `${skuRef}:${locationRef}`;

/** The position of `skuRef` at `locationRef` in the catalogue, by its batch ref or by its fields (index lookups both). */
export function findPosition(read: DomainReader, catalogue: Readonly<EntityView>, skuRef: string, locationRef: string): EntityView | undefined {
  const root = { entityType: catalogue.entityType, id: catalogue.id, ref: catalogue.ref };
  const byRef = read.findUnder(root, { entityType: 'INVENTORY_POSITION', ref: positionRefOf(skuRef, locationRef) });
  if (byRef) return byRef;
  const other = read.inventoryPositions(catalogue.ref ?? '', skuRef).find((p) => p['locationRef'] === locationRef);
  return typeof other?.['ref'] === 'string' ? read.findUnder(root, { entityType: 'INVENTORY_POSITION', ref: other['ref'] }) : undefined;
}

/** One entry of an event's `inventoryQuantity` list. */
export const quantityEntry = z.object({
  ref: z.string().trim().min(1),
  type: z.string().trim().min(1),
  qty: z.coerce.number().int().optional(),
  status: z.string().trim().min(1).optional(),
});
export type QuantityEntry = z.infer<typeof quantityEntry>;
export const quantityEntries = z.array(quantityEntry);

/**
 * The stored quantities of a position, as their own scalars (`id`, `ref`, `type`, `quantity`,
 * `status`, …; links not expanded), read-only. A position gathers a quantity per fulfilment, so
 * this is read without copying any of them.
 */
export function quantitiesOf(read: DomainReader, position: Readonly<EntityView>): readonly Readonly<Record<string, unknown>>[] {
  return read.related({ entityType: 'INVENTORY_POSITION', id: position.id, ref: position.ref }, 'quantities', { expandLinks: false });
}

/**
 * Whether the position holds a quantity with this ref: an index lookup on the ref within the
 * position's catalogue (quantity refs are unique per catalogue), whatever the number of quantities.
 */
export function hasQuantity(read: DomainReader, position: Readonly<EntityView>, ref: string): boolean {
  const quantity = read.findUnder(position.root, { entityType: 'INVENTORY_QUANTITY', ref });
  const owner = quantity?.fields['position'];
  return isRecord(owner) && String(owner['id']) === String(position.id);
}

/**
 * onHand = LAST_ON_HAND + the quantities of `filterTypes` (stored negative), counting only those
 * in `filterStatuses` (workflow-contracts.md §2.3). [inferred]: the latest LAST_ON_HAND in those
 * statuses counts; none counts as 0.
 */
export function onHandOf(
  quantities: readonly Record<string, unknown>[],
  filter: { filterTypes: readonly string[]; filterStatuses: readonly string[] },
): number {
  const amount = (q: Record<string, unknown>): number => Number(q['quantity'] ?? 0) || 0;
  let lastOnHand: Record<string, unknown> | undefined;
  let adjustments = 0;
  for (const q of quantities) {
    if (!filter.filterStatuses.includes(String(q['status']))) continue;
    if (q['type'] === 'LAST_ON_HAND') lastOnHand = q;
    else if (filter.filterTypes.includes(String(q['type']))) adjustments += amount(q);
  }
  return (lastOnHand ? amount(lastOnHand) : 0) + adjustments;
}
