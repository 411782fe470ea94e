/**
 * `order.UpdateOrderItemAttribute` (Order Reference Module): after a return request, sets each
 * returned order item's attribute `returnableQTY` to what is left to return, through the
 * `updateOrder` mutation (https://docs.fluentcommerce.com/building-blocks/updateorderitemattribute;
 * workflow-contracts.md §9.1). Attribute `returnItems` required; no props.
 *
 * [inferred]: the attribute is an INTEGER; before any return it counts as the ordered quantity.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { currentLines, RETURNABLE_QTY } from './support/order-lines.js';
import { orderOf } from './support/order-of.js';
import { requestedPerLine, returnItemsOf } from './support/return-items.js';

const NAME = 'order.UpdateOrderItemAttribute';

export const updateOrderItemAttribute = defineRule({
  name: NAME,
  aliases: ['base.UpdateOrderItemAttribute', 'commonv2.UpdateOrderItemAttribute'],
  inferred: 'attribute type INTEGER; the ordered quantity before any return',
  description: 'Sets attribute returnableQTY on the returned order items (updateOrder) to what is left to return.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const requested = requestedPerLine(currentLines(read, order), returnItemsOf(event, NAME), order, NAME);
    const items = [...requested].map(([line, quantity]) => ({
      id: line.id,
      attributes: [{ name: RETURNABLE_QTY, type: 'INTEGER', value: Math.max(0, (line.returnable ?? line.quantity) - quantity) }],
    }));
    return [{ type: 'mutate', mutation: 'updateOrder', input: { id: order.id, items } }];
  },
});
