/**
 * `commonv2.SendEventOnVerifyingAllFulfilmentStates`: sends `eventName` to the order when every
 * one of its fulfilments is in one of the given statuses; otherwise does nothing.
 *
 * "The rule verifies if all fulfilments for order are in defined statuses. If yes then send an
 * event to order, else no processing." Accepts ORDER and FULFILMENT.
 * https://docs.fluentcommerce.com/building-blocks/sendeventonverifyingallfulfilmentstates
 * Props `eventName` and `status` (a list in real workflows, e.g. `["COMPLETE","REJECTED"]`).
 * An order with no fulfilments at all does not pass the check [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName, statusList } from './support/props.js';

export const sendEventOnVerifyingAllFulfilmentStates = defineRule({
  name: 'commonv2.SendEventOnVerifyingAllFulfilmentStates',
  aliases: ['order.SendEventOnVerifyingAllFulfilmentStates'],
  description: 'Sends props.eventName to the order when all its fulfilments are in one of props.status.',
  props: z.object({ eventName, status: statusList }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, 'SendEventOnVerifyingAllFulfilmentStates');
    const fulfilments = read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT');
    const allDone = fulfilments.length > 0 && fulfilments.every((f) => f.status !== undefined && props.status.includes(f.status));
    return allDone ? [emit(eventFor(order, props.eventName, event))] : [];
  },
});
