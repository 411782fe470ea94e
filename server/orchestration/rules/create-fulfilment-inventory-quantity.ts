/**
 * `globalinventory.CreateFulfilmentInventoryQuantity` (Inventory Reference Module, accepts
 * INVENTORY_POSITION): creates the quantities of type props.inventoryQuantityType listed in the
 * event's `inventoryQuantity` entries (`ref`, `type`, `qty`, `status`); an entry whose quantity
 * already exists updates it. Condition and storage area default to props.defaultCondition and
 * props.defaultStorageAreaRef. https://docs.fluentcommerce.com/building-blocks/createfulfilmentinventoryquantity
 * The entries' attribute name and shape are [inferred] (the page's payload example is not
 * retrievable); a created quantity gets the entry's status right after (the create input has none).
 */
import { z } from 'zod';
import { defineRule, type Effect } from '../port.js';
import { parseAttributes } from './support/event-attributes.js';
import { hasQuantity, quantityEntries } from './support/inventory.js';

const NAME = 'globalinventory.CreateFulfilmentInventoryQuantity';
/** The event attributes read here, built once (a zod schema compiles on first use). */
const inventoryQuantityAttribute = z.object({ inventoryQuantity: quantityEntries });
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const createFulfilmentInventoryQuantity = defineRule({
  name: NAME,
  aliases: ['commongi.CreateFulfilmentInventoryQuantity'],
  inferred: 'the event attribute inventoryQuantity ([{ref, type, qty, status}]) it reads',
  description: "Creates (or updates) the event's inventoryQuantity entries of props.inventoryQuantityType on the position.",
  props: z.object({
    inventoryQuantityType: z.string().trim().min(1),
    defaultType: optionalText,
    defaultCondition: optionalText,
    defaultStorageAreaRef: optionalText,
  }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const { inventoryQuantity } = parseAttributes(event, inventoryQuantityAttribute, NAME);
    const catalogue = { ref: entity.root.ref };
    return inventoryQuantity
      .filter((entry) => entry.type === props.inventoryQuantityType)
      .flatMap((entry): Effect[] => {
        if (hasQuantity(read, entity, entry.ref)) {
          return [{ type: 'mutate', mutation: 'updateInventoryQuantity', input: { ref: entry.ref, catalogue, quantity: entry.qty, status: entry.status } }];
        }
        const input: Record<string, unknown> = {
          ref: entry.ref,
          catalogue,
          position: { ref: entity.ref, catalogue },
          type: entry.type,
          quantity: entry.qty ?? 0,
        };
        if (props.defaultCondition) input['condition'] = props.defaultCondition;
        if (props.defaultStorageAreaRef) input['storageAreaRef'] = props.defaultStorageAreaRef;
        const created: Effect = { type: 'mutate', mutation: 'createInventoryQuantity', input };
        return entry.status
          ? [created, { type: 'mutate', mutation: 'updateInventoryQuantity', input: { ref: entry.ref, catalogue, status: entry.status } }]
          : [created];
      });
  },
});
