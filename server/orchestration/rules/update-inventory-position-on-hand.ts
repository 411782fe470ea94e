/**
 * `globalinventory.UpdateInventoryPositionOnHand` [simulator name]: on `InventoryChanged` sent to the
 * inventory catalogue, sets the record's position `onHand` = LAST_ON_HAND + its quantities of
 * props.filterTypes in props.filterStatuses (RESERVED, SALE, CORRECTION, DELTA, stored negative;
 * workflow-contracts.md §2.3) and makes the position ACTIVE.
 * [inferred]: stands for the reference chain `CalculateOnHand` → `CheckOnHandChanged` →
 * `UpdateOnHand` (forwarded events on the position) in one rule, so a record costs one event; the
 * position becomes ACTIVE here, as the platform's bulk-threshold fallback makes it (§2.3).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { batchPositionIn, batchPositionOf, requireCatalogue } from './support/batch-position.js';
import { onHandOf, quantitiesOf } from './support/inventory.js';
import { statusList } from './support/props.js';

const NAME = 'globalinventory.UpdateInventoryPositionOnHand';

export const updateInventoryPositionOnHand = defineRule({
  name: NAME,
  inferred: 'a simulator rule: CalculateOnHand, CheckOnHandChanged and UpdateOnHand in one step; the position becomes ACTIVE',
  description: "Sets the record's position onHand = LAST_ON_HAND + quantities of props.filterTypes, and makes it ACTIVE.",
  props: z.object({ filterTypes: statusList, filterStatuses: statusList }),
  run: ({ event, entity, props, read }) => {
    requireCatalogue(entity, NAME);
    const record = batchPositionOf(event, NAME);
    const position = batchPositionIn(read, entity, record);
    if (!position) throw new Error(`${NAME}: the catalogue has no position ${record.ref}; run globalinventory.CreateInventoryPosition before this rule.`);
    const onHand = onHandOf(quantitiesOf(read, position), props);
    if (position.fields['onHand'] === onHand && position.status === 'ACTIVE') return [];
    return [{ type: 'mutate', mutation: 'updateInventoryPosition', input: { ref: position.ref, catalogue: { ref: entity.ref }, onHand, status: 'ACTIVE' } }];
  },
});
