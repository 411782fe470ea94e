/**
 * `commongi.ChangeStateForUnfulfilableFulfilment` (accepts FULFILMENT; workflow-contracts.md §6.1):
 * sets the fulfilment to props.status (the reference: ESCALATED) when it ships from
 * props.systemRejectedLocationRef, i.e. it is the system-rejected fulfilment of
 * CreateFulfilmentForUnfulfillableItems; any other fulfilment is left as it is.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { locationRefOf } from './support/order-sourcing.js';

const NAME = 'commongi.ChangeStateForUnfulfilableFulfilment';

export const changeStateForUnfulfilableFulfilment = defineRule({
  name: NAME,
  aliases: ['order.ChangeStateForUnfulfilableFulfilment', 'commonv2.ChangeStateForUnfulfilableFulfilment'],
  description: 'Sets props.status on a fulfilment at props.systemRejectedLocationRef (a system-rejected one).',
  props: z.object({ status: z.string().trim().min(1), systemRejectedLocationRef: z.string().trim().min(1) }),
  run: ({ entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    if (locationRefOf(entity, read) !== props.systemRejectedLocationRef) return [];
    return [{ type: 'setStatus', target: { entityType: 'FULFILMENT', id: entity.id, ref: entity.ref }, status: props.status }];
  },
});
