/**
 * `globalinventory.UpdateOnHand`: sets the current inventory position's `onHand` through the
 * `updateInventoryPosition` mutation (keyed by `ref` + `catalogue`, fluent-platform.md §2.5).
 *
 * "Update the onHand value of the Inventory Position according to the event attribute
 * {InventoryPositionOnHandCalculated}"; no props; a missing attribute is an error.
 * https://docs.fluentcommerce.com/building-blocks/updateonhand
 * @note Besides `InventoryPositionOnHandCalculated` (and its camel-case spelling), the simulator
 * reads `qty`, the stock-on-hand field of an inventory batch record (§4.4), so that the
 * `InventoryChanged` events a batch raises can set onHand without Fluent's quantity machinery.
 */
import { z } from 'zod';
import { propertyOf } from '../../lib/guards.js';
import { defineRule } from '../port.js';

const SOURCES = ['InventoryPositionOnHandCalculated', 'inventoryPositionOnHandCalculated', 'qty'] as const;

export const updateOnHand = defineRule({
  name: 'globalinventory.UpdateOnHand',
  aliases: ['commongi.UpdateOnHand'],
  description: 'Sets the inventory position onHand from event attribute InventoryPositionOnHandCalculated (or a batch record qty).',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') {
      throw new Error(`globalinventory.UpdateOnHand runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    }
    const source = SOURCES.find((name) => event.attributes[name] !== undefined && event.attributes[name] !== null);
    if (source === undefined) {
      throw new Error(
        `globalinventory.UpdateOnHand: event "${event.name}" has none of the attributes ${SOURCES.join(', ')}; send the new on-hand quantity in one of them.`,
      );
    }
    const onHand = Number(event.attributes[source]);
    if (!Number.isInteger(onHand)) {
      throw new Error(`globalinventory.UpdateOnHand: attribute ${source} must be a whole number, got ${JSON.stringify(event.attributes[source])}.`);
    }
    const ref = propertyOf(entity.fields['catalogue'], 'ref');
    const catalogueRef = typeof ref === 'string' ? ref : entity.root.ref;
    return [{ type: 'mutate', mutation: 'updateInventoryPosition', input: { ref: entity.ref, catalogue: { ref: catalogueRef }, onHand } }];
  },
});
