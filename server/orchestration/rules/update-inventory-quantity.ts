/**
 * `globalinventory.UpdateInventoryQuantity` (Inventory Reference Module, accepts INVENTORY_POSITION):
 * updates the quantities of type props.type named in the event's `inventoryQuantity` entries
 * (`ref`, `qty`, `status`), through `updateInventoryQuantity`.
 * https://docs.fluentcommerce.com/building-blocks/updateinventoryquantity
 * An entry naming a quantity the position does not have is skipped [inferred]; the page's required
 * `qty` / `condition` attributes apply to its single-quantity form, which is not simulated.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { hasQuantity, quantityEntries } from './support/inventory.js';

const NAME = 'globalinventory.UpdateInventoryQuantity';
/** The event attributes read here, built once (a zod schema compiles on first use). */
const inventoryQuantityAttribute = z.object({ inventoryQuantity: quantityEntries });

export const updateInventoryQuantity = defineRule({
  name: NAME,
  aliases: ['commongi.UpdateInventoryQuantity'],
  inferred: 'only the inventoryQuantity-list form; entries for unknown quantities are skipped',
  description: "Updates quantity and status of the event's inventoryQuantity entries of props.type on the position.",
  props: z.object({ type: z.string().trim().min(1) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const { inventoryQuantity } = parseAttributes(event, inventoryQuantityAttribute, NAME);
    const catalogue = { ref: entity.root.ref };
    return inventoryQuantity
      .filter((entry) => entry.type === props.type && hasQuantity(read, entity, entry.ref))
      .map((entry) => ({
        type: 'mutate' as const,
        mutation: 'updateInventoryQuantity',
        input: { ref: entry.ref, catalogue, quantity: entry.qty, status: entry.status },
      }));
  },
});
