/**
 * `order.CancelFulfilment` (documented under the Core Reference Module with the `order.` name,
 * accepts FULFILMENT; `commonv2.…` in real workflows, real-world-usage.md): sets every item's filled
 * quantity to 0 and rejected quantity to its requested quantity (`updateFulfilment`), then the
 * fulfilment's status to CANCELLED. No props. https://docs.fluentcommerce.com/building-blocks/cancelfulfilment
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { rejectAllItems } from './support/reject-all-items.js';

const NAME = 'order.CancelFulfilment';

export const cancelFulfilment = defineRule({
  name: NAME,
  aliases: ['commonv2.CancelFulfilment', 'core.CancelFulfilment'],
  description: 'Rejects every item of the fulfilment in full (filled 0) and sets it to CANCELLED.',
  props: z.looseObject({}).nullish(),
  run: ({ entity, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const target = { entityType: 'FULFILMENT', id: entity.id, ref: entity.ref };
    return [...rejectAllItems(read, entity, NAME), { type: 'setStatus', target, status: 'CANCELLED' }];
  },
});
