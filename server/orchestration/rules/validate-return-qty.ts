/**
 * `order.ValidateReturnQty` (Order Reference Module): fails a return request on an order whose
 * `returnItems` ask back more of an order item than is left to return
 * (https://docs.fluentcommerce.com/building-blocks/validatereturnqty; workflow-contracts.md §9.1
 * names it ValidateOrderQty, an alias here). Attribute `returnItems` required; no props.
 *
 * [inferred]: what is left is the item attribute `returnableQTY` that UpdateOrderItemAttribute
 * keeps, the ordered quantity before any return (support/order-lines.ts).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException } from './support/event-attributes.js';
import { currentLines } from './support/order-lines.js';
import { orderOf } from './support/order-of.js';
import { requestedPerLine, returnItemsOf } from './support/return-items.js';

const NAME = 'order.ValidateReturnQty';

export const validateReturnQty = defineRule({
  name: NAME,
  aliases: ['order.ValidateOrderQty', 'commonv2.ValidateReturnQty'],
  inferred: 'what is left to return is the returnableQTY attribute, else the ordered quantity',
  description: 'Fails a return request asking back more of an order item than is left to return (returnableQTY).',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    for (const [line, quantity] of requestedPerLine(currentLines(read, order), returnItemsOf(event, NAME), order, NAME)) {
      const left = line.returnable ?? line.quantity;
      if (quantity > left) throw new IllegalArgumentException(`${NAME}: item "${line.ref}" has ${left} left to return, not ${quantity}.`);
    }
    return [];
  },
});
