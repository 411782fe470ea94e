/**
 * `globalinventory.DeactivateRelatedInventoryQuantities` (Inventory Reference Module): on
 * `InventoryChanged` sent to the inventory catalogue, a LAST_ON_HAND record supersedes the
 * position's past quantities of props.filterTypes in props.filterStatuses, which get
 * props.status (workflow-contracts.md §2.1: "a LAST_ON_HAND update deactivates related
 * SALE/CORRECTION/DELTA"; §2.3: "Next batch LAST_ON_HAND: past SALE and CORRECTION → INACTIVE;
 * ACTIVE RESERVED still counted"). A record of another quantity type changes nothing.
 * [inferred]: the types and statuses are props, so the default workflow can follow §2.3.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { batchPositionIn, batchPositionOf, LAST_ON_HAND, requireCatalogue } from './support/batch-position.js';
import { quantitiesOf } from './support/inventory.js';
import { statusList } from './support/props.js';

const NAME = 'globalinventory.DeactivateRelatedInventoryQuantities';

export const deactivateRelatedInventoryQuantities = defineRule({
  name: NAME,
  aliases: ['commongi.DeactivateRelatedInventoryQuantities'],
  inferred: 'the superseded types and statuses are props',
  description: "On a LAST_ON_HAND record, sets props.status on the position's quantities of props.filterTypes in props.filterStatuses.",
  props: z.object({ status: z.string().trim().min(1), filterTypes: statusList, filterStatuses: statusList }),
  run: ({ event, entity, props, read }) => {
    requireCatalogue(entity, NAME);
    const record = batchPositionOf(event, NAME);
    if (record.quantity.type !== LAST_ON_HAND) return [];
    const position = batchPositionIn(read, entity, record);
    if (!position) return [];
    const catalogue = { ref: entity.ref };
    return quantitiesOf(read, position)
      .filter((q) => props.filterTypes.includes(String(q['type'])) && props.filterStatuses.includes(String(q['status'])))
      .map((q) => ({ type: 'mutate' as const, mutation: 'updateInventoryQuantity', input: { ref: q['ref'], catalogue, status: props.status } }));
  },
});
