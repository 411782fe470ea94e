/**
 * `order.ValidateRevisedOrder` (Order Reference Module): checks an OrderRevision before the order is
 * cancelled (workflow-contracts.md §5.1): `revisedItems` is required, and the event fails unless at
 * least one product or quantity changes
 * (https://docs.fluentcommerce.com/building-blocks/validaterevisedorder). No props.
 *
 * [inferred]: the item shape (support/revised-order.ts); a revision that leaves no item with a
 * quantity fails too (that is an OrderCancel).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException } from './support/event-attributes.js';
import { orderOf } from './support/order-of.js';
import { currentLines } from './support/order-lines.js';
import { reviseLines, revisedItemsOf } from './support/revised-order.js';

const NAME = 'order.ValidateRevisedOrder';

export const validateRevisedOrder = defineRule({
  name: NAME,
  aliases: ['commonv2.ValidateRevisedOrder'],
  inferred: 'item shape; a revision leaving no quantity fails',
  description: 'Fails the OrderRevision unless revisedItems changes a product or a quantity of the order.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const { lines, changed } = reviseLines(currentLines(read, order), revisedItemsOf(event, NAME));
    if (!changed) throw new IllegalArgumentException(`${NAME}: the revision of order "${order.ref ?? order.id}" changes no product and no quantity.`);
    if (lines.length === 0)
      throw new IllegalArgumentException(`${NAME}: the revision of order "${order.ref ?? order.id}" leaves no item; send OrderCancel instead.`);
    return [];
  },
});
