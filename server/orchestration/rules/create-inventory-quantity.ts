/**
 * `commongi.CreateInventoryQuantity` (Inventory Reference Module `globalinventory.…`, accepts
 * INVENTORY_POSITION): creates an inventory quantity of type props.type on the position named by
 * event attribute `inventoryPositionRef`, with quantity `qty` (both required) and the optional
 * `condition`, `expectedOn`, `storageAreaRef`, through `createInventoryQuantity`.
 * https://docs.fluentcommerce.com/building-blocks/createinventoryquantity
 *
 * The quantity's ref is the `ref` of the entry of type props.type in event attribute
 * `inventoryQuantity`, else `<inventoryPositionRef>:<type>` [inferred: the docs do not say].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException, optionalText, requiredText } from './support/event-attributes.js';

const NAME = 'commongi.CreateInventoryQuantity';

const entrySchema = z.array(z.looseObject({ ref: z.string().optional(), type: z.string().optional(), status: z.string().optional() }));

export const createInventoryQuantity = defineRule({
  name: NAME,
  aliases: ['globalinventory.CreateInventoryQuantity'],
  inferred: 'the quantity ref when the event gives none: <inventoryPositionRef>:<type>',
  description: 'Creates an inventory quantity of props.type on the position (event attributes inventoryPositionRef, qty).',
  props: z.object({ type: z.string().trim().min(1) }),
  run: ({ event, entity, props }) => {
    if (entity.entityType !== 'INVENTORY_POSITION') throw new Error(`${NAME} runs on INVENTORY_POSITION, not ${entity.entityType}.`);
    const positionRef = requiredText(event, 'inventoryPositionRef', NAME);
    const quantity = Number(requiredText(event, 'qty', NAME));
    if (!Number.isInteger(quantity)) {
      throw new IllegalArgumentException(`${NAME}: event attribute "qty" must be a whole number, got ${JSON.stringify(event.attributes['qty'])}.`);
    }
    const entries = entrySchema.safeParse(event.attributes['inventoryQuantity']);
    const entry = entries.success ? entries.data.find((e) => e.type === props.type) : undefined;
    const input: Record<string, unknown> = {
      ref: entry?.ref ?? `${positionRef}:${props.type}`,
      catalogue: { ref: entity.root.ref },
      position: { ref: positionRef, catalogue: { ref: entity.root.ref } },
      type: props.type,
      quantity,
    };
    for (const name of ['condition', 'expectedOn', 'storageAreaRef']) {
      const value = optionalText(event, name);
      if (value !== undefined) input[name] = value;
    }
    return [{ type: 'mutate', mutation: 'createInventoryQuantity', input }];
  },
});
