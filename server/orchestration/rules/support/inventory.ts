/**
 * Shared pieces of the inventory rules (Inventory Reference Module, workflow-contracts.md §2):
 * positions of an inventory catalogue by product and location, their quantities, and the
 * `inventoryQuantity` list events carry between the catalogue and its positions
 * (`[{ref, type, qty, status}]`, the InventoryQuantity sub-attribute of
 * https://docs.fluentcommerce.com/building-blocks/updateinventoryquantity).
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../../port.js';

/** The ref the Batch API gives a position: `<skuRef>:<locationRef>` (apply-inventory-record.ts). */
export const positionRefOf = (skuRef: string, locationRef: string): string => `${skuRef}:${locationRef}`;

/**
 * The position of `skuRef` at `locationRef` in the catalogue, by its batch ref or by its fields.
 * The fields are searched among the SKU's positions (the productRef index): walking the whole
 * catalogue for each item at a location without the SKU made `--seed large` 6× slower.
 */
export function findPosition(read: DomainReader, catalogue: Readonly<EntityView>, skuRef: string, locationRef: string): EntityView | undefined {
  const ref = positionRefOf(skuRef, locationRef);
  const quick = read.find({ entityType: 'INVENTORY_POSITION', ref });
  if (quick && quick.root.id === catalogue.id) return quick;
  if (catalogue.ref === undefined) {
    return read
      .children({ entityType: 'INVENTORY_CATALOGUE', id: catalogue.id, ref: catalogue.ref }, 'INVENTORY_POSITION')
      .find((p) => p.fields['productRef'] === skuRef && p.fields['locationRef'] === locationRef);
  }
  const match = read.inventoryPositions(catalogue.ref, skuRef).find((p) => p['locationRef'] === locationRef);
  return match ? read.find({ entityType: 'INVENTORY_POSITION', id: String(match['id']) }) : undefined;
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

/** The stored quantities of a position, as plain records (`ref`, `type`, `quantity`, `status`). */
export function quantitiesOf(read: DomainReader, position: Readonly<EntityView>): Record<string, unknown>[] {
  return read.related({ entityType: 'INVENTORY_POSITION', id: position.id, ref: position.ref }, 'quantities');
}
