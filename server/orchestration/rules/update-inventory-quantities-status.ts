/**
 * `globalinventory.UpdateInventoryQuantitiesStatus` (Inventory Reference Module, accepts
 * INVENTORY_POSITION): sets props.status on the position's quantities whose type is in
 * props.filterTypes and status in props.filterStatuses — e.g. SALE and CORRECTION in CREATED or
 * ACTIVE → INACTIVE when a new LAST_ON_HAND arrives (workflow-contracts.md §2.3: "past SALE and
 * CORRECTION → INACTIVE"). One `updateInventoryQuantity` per quantity.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { quantitiesOf } from './support/inventory.js';
import { statusList } from './support/props.js';

const NAME = 'globalinventory.UpdateInventoryQuantitiesStatus';

export const updateInventoryQuantitiesStatus = defineRule({
  name: NAME,
  aliases: ['commongi.UpdateInventoryQuantitiesStatus'],
  description: "Sets props.status on the position's quantities of props.filterTypes in props.filterStatuses.",
  props: z.object({ status: z.string().trim().min(1), filterTypes: statusList, filterStatuses: statusList }),
  run: ({ entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const catalogue = { ref: entity.root.ref };
    return quantitiesOf(read, entity)
      .filter((q) => props.filterTypes.includes(String(q['type'])) && props.filterStatuses.includes(String(q['status'])))
      .map((q) => ({ type: 'mutate' as const, mutation: 'updateInventoryQuantity', input: { ref: q['ref'], catalogue, status: props.status } }));
  },
});
