/**
 * `order.UpdateRevisedOrderAttribute` (Order Reference Module): links the original order to its
 * revision with the attribute RevisedOrderLink (workflow-contracts.md §5.1, M). No props.
 *
 * [inferred]: the attribute is a STRING holding the revised order's ref, the latest `<ref>-REV<n>`
 * (support/revised-order.ts); an order with no revision is an error.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException } from './support/event-attributes.js';
import { orderOf } from './support/order-of.js';
import { latestRevisionRef, REVISED_ORDER_LINK } from './support/revised-order.js';

const NAME = 'order.UpdateRevisedOrderAttribute';

export const updateRevisedOrderAttribute = defineRule({
  name: NAME,
  aliases: ['commonv2.UpdateRevisedOrderAttribute'],
  inferred: 'attribute type and value (the revised ref)',
  description: 'Sets attribute RevisedOrderLink on the order to the ref of its revised order.',
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const revised = latestRevisionRef(read, order);
    if (revised === undefined) throw new IllegalArgumentException(`${NAME}: order "${order.ref ?? order.id}" has no revised order.`);
    const target = { entityType: 'ORDER', id: order.id, ref: order.ref };
    return [{ type: 'setAttributes', target, attributes: [{ name: REVISED_ORDER_LINK, type: 'STRING', value: revised }] }];
  },
});
