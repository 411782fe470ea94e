/**
 * `order.RejectFulfilment` (Order Reference Module, accepts FULFILMENT; `commongi.…` in real
 * workflows, real-world-usage.md): rejects the fulfilment by setting each item's rejected quantity
 * to its requested quantity — one `updateFulfilment` mutation. No props.
 * https://docs.fluentcommerce.com/building-blocks/rejectfulfilment
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { rejectAllItems } from './support/reject-all-items.js';

const NAME = 'order.RejectFulfilment';

export const rejectFulfilment = defineRule({
  name: NAME,
  aliases: ['commongi.RejectFulfilment', 'commonv2.RejectFulfilment'],
  inferred: 'filled quantities set to 0 (as CancelFulfilment documents)',
  description: "Sets each fulfilment item's rejected quantity to its requested quantity (filled 0).",
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    return rejectAllItems(read, entity, NAME);
  },
});
