/**
 * `globalinventory.UpsertInventoryQuantity` (Inventory Reference Module): on `InventoryChanged` sent to
 * the inventory catalogue (workflow-contracts.md §2.1, H), makes the record's quantity on its
 * position equal to the record: the `inventoryPosition.inventoryQuantity {ref, type, qty, status}`
 * when given (any quantity type, module 2.2.0), else the LAST_ON_HAND quantity with `qty`.
 * Created when missing (CREATED, or the record's status; the platform's CREATE event for the
 * quantity runs next), updated otherwise (ACTIVE unless the record names a status).
 * [inferred]: the LAST_ON_HAND ref `<position ref>:LAST_ON_HAND`; an updated quantity becomes
 * ACTIVE (the platform activates quantities through its bulk-threshold fallback); the position must
 * exist (run `CreateInventoryPosition` first).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { batchPositionIn, batchPositionOf, requireCatalogue } from './support/batch-position.js';

const NAME = 'globalinventory.UpsertInventoryQuantity';

export const upsertInventoryQuantity = defineRule({
  name: NAME,
  aliases: ['commongi.UpsertInventoryQuantity'],
  inferred: 'LAST_ON_HAND ref <position ref>:LAST_ON_HAND; an updated quantity becomes ACTIVE unless the record names a status',
  description: "Creates or updates the record's inventory quantity (LAST_ON_HAND = qty, or inventoryPosition.inventoryQuantity).",
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    requireCatalogue(entity, NAME);
    const record = batchPositionOf(event, NAME);
    const position = batchPositionIn(read, entity, record);
    if (!position) throw new Error(`${NAME}: the catalogue has no position ${record.ref}; run globalinventory.CreateInventoryPosition before this rule.`);
    const { quantity } = record;
    const catalogue = { ref: entity.ref };
    const existing = read.findUnder({ entityType: entity.entityType, id: entity.id }, { entityType: 'INVENTORY_QUANTITY', ref: quantity.ref });
    const attributes = quantity.attributes === undefined ? {} : { attributes: quantity.attributes };
    if (existing) {
      return [
        {
          type: 'mutate',
          mutation: 'updateInventoryQuantity',
          input: { ref: quantity.ref, catalogue, quantity: quantity.qty, status: quantity.status ?? 'ACTIVE', ...attributes },
        },
      ];
    }
    const input = { ref: quantity.ref, catalogue, position: { ref: position.ref, catalogue }, type: quantity.type, quantity: quantity.qty, ...attributes };
    const created = { type: 'mutate' as const, mutation: 'createInventoryQuantity', input };
    // CreateInventoryQuantityInput has no status: a record's own status is set right after.
    if (quantity.status === undefined) return [created];
    return [created, { type: 'mutate', mutation: 'updateInventoryQuantity', input: { ref: quantity.ref, catalogue, status: quantity.status } }];
  },
});
