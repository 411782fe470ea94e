/**
 * `globalinventory.UpdateInventoryPositionOnHand` [simulator name]: on `InventoryChanged` sent to the
 * inventory catalogue, sets the record's position `onHand` = LAST_ON_HAND + its quantities of
 * props.filterTypes in props.filterStatuses (RESERVED, SALE, CORRECTION, DELTA, stored negative;
 * workflow-contracts.md §2.3), when it changed; in any status ("also trigger on IP status CREATED,
 * so onHand is right when inventory arrives before the product", §2.1). The status is left alone.
 * [inferred]: stands for the reference chain `CalculateOnHand` → `CheckOnHandChanged` →
 * `UpdateOnHand` (forwarded events on the position) in one rule, so a record costs one event.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { batchPositionIn, batchPositionOf, requireCatalogue } from './support/batch-position.js';
import { onHandOf, quantitiesOf } from './support/inventory.js';
import { statusList } from './support/props.js';

const NAME = 'globalinventory.UpdateInventoryPositionOnHand';

export const updateInventoryPositionOnHand = defineRule({
  name: NAME,
  inferred: 'a simulator rule: CalculateOnHand, CheckOnHandChanged and UpdateOnHand in one step',
  description: "Sets the record's position onHand = LAST_ON_HAND + quantities of props.filterTypes when it changed.",
  props: z.object({ filterTypes: statusList, filterStatuses: statusList }),
  run: ({ event, entity, props, read }) => {
    requireCatalogue(entity, NAME);
    const record = batchPositionOf(event, NAME);
    const position = batchPositionIn(read, entity, record);
    if (!position) throw new Error(`${NAME}: the catalogue has no position ${record.ref}; run globalinventory.CreateInventoryPosition before this rule.`);
    const onHand = onHandOf(quantitiesOf(read, position), props);
    if (position.fields['onHand'] === onHand) return [];
    return [{ type: 'mutate', mutation: 'updateInventoryPosition', input: { ref: position.ref, catalogue: { ref: entity.ref }, onHand } }];
  },
});
