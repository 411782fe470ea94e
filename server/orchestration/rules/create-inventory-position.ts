/**
 * `globalinventory.CreateInventoryPosition` (Inventory Reference Module): on `InventoryChanged` sent to
 * the inventory catalogue (workflow-contracts.md §2.1, H), creates the position the
 * `inventoryPosition` attribute names when the catalogue has none for that product and location —
 * ref `<productRef>:<locationRef>`, type = the catalogue's subtype ("IP type = IC subtype"), the
 * product named by ref only (it need not exist: inventory may arrive before the product), onHand
 * = the record's `qty` for a LAST_ON_HAND record (a new position has no other quantity), status
 * CREATED: the platform's CREATE event for the position activates it (the default workflow's CREATE
 * ruleset, which also notifies the virtual catalogues).
 * [inferred]: the platform checks first (`LoadInventoryPositionData` → `CheckInventoryPositionExists`,
 * forwarded events); here this rule checks and creates, so a record costs one event. Fluent's
 * rule reads top-level attributes (inventoryPositionRef, type, productRef, locationRef, qty); this
 * one reads the `inventoryPosition` record.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { batchPositionIn, batchPositionOf, LAST_ON_HAND, requireCatalogue } from './support/batch-position.js';

const NAME = 'globalinventory.CreateInventoryPosition';

export const createInventoryPosition = defineRule({
  name: NAME,
  aliases: ['commongi.CreateInventoryPosition'],
  inferred: 'checks and creates in one rule, reading the inventoryPosition record; ref <productRef>:<locationRef>',
  description: 'Creates the inventory position of event attribute inventoryPosition (productRef, locationRef) when the catalogue has none.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    requireCatalogue(entity, NAME);
    const position = batchPositionOf(event, NAME);
    if (batchPositionIn(read, entity, position)) return [];
    const input = {
      ref: position.ref,
      catalogue: { ref: entity.ref },
      type: entity.subtype ?? 'DEFAULT',
      productRef: position.productRef,
      locationRef: position.locationRef,
      onHand: position.quantity.type === LAST_ON_HAND ? position.quantity.qty : 0,
    };
    return [{ type: 'mutate', mutation: 'createInventoryPosition', input }];
  },
});
