/**
 * `order.RejectFulfilment` (Order Reference Module, accepts FULFILMENT; `commongi.…` in real
 * workflows, real-world-usage.md): rejects the fulfilment by setting each item's rejected quantity
 * to its requested quantity — one `updateFulfilment` mutation. No props.
 * https://docs.fluentcommerce.com/building-blocks/rejectfulfilment
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { fulfilmentItems } from './support/fulfilment-items.js';

const NAME = 'order.RejectFulfilment';

export const rejectFulfilment = defineRule({
  name: NAME,
  aliases: ['commongi.RejectFulfilment', 'commonv2.RejectFulfilment'],
  inferred: 'filled quantities set to 0',
  description: "Sets each fulfilment item's rejected quantity to its requested quantity (filled 0).",
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const items = fulfilmentItems(read, entity, NAME).map((i) => ({
      id: i.id,
      requestedQuantity: i.requestedQuantity,
      filledQuantity: 0,
      rejectedQuantity: i.requestedQuantity,
    }));
    return items.length === 0 ? [] : [{ type: 'mutate', mutation: 'updateFulfilment', input: { id: entity.id, items } }];
  },
});
