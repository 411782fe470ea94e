/**
 * `globalinventory.CalculateOnHand` (Inventory Reference Module, accepts INVENTORY_POSITION):
 * onHand = LAST_ON_HAND + the quantities of props.filterTypes in props.filterStatuses (stored
 * negative: RESERVED, SALE, CORRECTION, DELTA), then forwards props.eventName inline with
 * attribute `inventoryPositionOnHandCalculated` (and `inventoryPositionOnHand`, the value before).
 * https://docs.fluentcommerce.com/building-blocks/calculateonhand; the formula:
 * workflow-contracts.md §2.3 (inventory-quantity-types).
 * [inferred]: LAST_ON_HAND counts when its status is in props.filterStatuses (the latest one if
 * several); a position without one starts from 0.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { onHandOf, quantitiesOf } from './support/inventory.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'globalinventory.CalculateOnHand';

export const calculateOnHand = defineRule({
  name: NAME,
  aliases: ['commongi.CalculateOnHand'],
  inferred: 'LAST_ON_HAND filtered by the same statuses; none counts as 0',
  description: 'Sends props.eventName with inventoryPositionOnHandCalculated = LAST_ON_HAND + quantities of props.filterTypes.',
  props: z.object({ eventName, filterTypes: statusList, filterStatuses: statusList }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const calculated = onHandOf(quantitiesOf(read, entity), props);
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [
      emit({
        ...forwarded,
        attributes: { ...forwarded.attributes, inventoryPositionOnHandCalculated: calculated, inventoryPositionOnHand: entity.fields['onHand'] ?? null },
      }),
    ];
  },
});
