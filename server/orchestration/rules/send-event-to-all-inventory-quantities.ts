/**
 * `globalinventory.SendEventToAllInventoryQuantities` (Inventory Reference Module, accepts
 * INVENTORY_POSITION; `commongi.…` in real workflows, real-world-usage.md): sends props.eventName,
 * with the current event's attributes, to each quantity of the position whose type is one of
 * props.inventoryQuantityTypes. https://docs.fluentcommerce.com/building-blocks/sendeventtoallinventoryquantities
 *
 * Fluent reads the position from event attribute `inventoryPosition`; the simulator reads the
 * event's own position and does not require that attribute [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit } from './support/events.js';
import { quantitiesOf } from './support/inventory.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'globalinventory.SendEventToAllInventoryQuantities';

export const sendEventToAllInventoryQuantities = defineRule({
  name: NAME,
  aliases: ['commongi.SendEventToAllInventoryQuantities'],
  inferred: 'the position is the event entity; attribute inventoryPosition is not required',
  description: "Sends props.eventName to each of the position's quantities of props.inventoryQuantityTypes.",
  props: z.object({ eventName, inventoryQuantityTypes: statusList }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    return quantitiesOf(read, entity)
      .filter((q) => props.inventoryQuantityTypes.includes(String(q['type'])))
      .map((q) =>
        emit({
          name: props.eventName,
          retailerId: event.retailerId,
          entityType: 'INVENTORY_QUANTITY',
          entityId: String(q['id']),
          entityRef: typeof q['ref'] === 'string' ? q['ref'] : undefined,
          entitySubtype: String(q['type']),
          rootEntityType: entity.root.entityType,
          rootEntityId: entity.root.id,
          rootEntityRef: entity.root.ref,
          attributes: { ...event.attributes },
        }),
      );
  },
});
