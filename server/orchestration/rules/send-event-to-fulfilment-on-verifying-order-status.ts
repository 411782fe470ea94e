/**
 * `commonv2.SendEventToFulfilmentOnVerifyingOrderStatus`: forwards the current fulfilment event as
 * `eventName` when the fulfilment's order is in one of `orderStatus`; otherwise does nothing.
 *
 * "Sends an event with the event name provided in the incoming parameter to the fulfilment
 * entity, if the parent order is in any of the statuses provided"; accepts FULFILMENT.
 * https://docs.fluentcommerce.com/building-blocks/sendeventtofulfilmentonverifyingorderstatus
 * Real ORDER::HD workflows use it as `commonv2.…` with `orderStatus: ["BOOKED","PICK_PACK"]`
 * (real-world-usage.md).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName, statusList } from './support/props.js';

export const sendEventToFulfilmentOnVerifyingOrderStatus = defineRule({
  name: 'commonv2.SendEventToFulfilmentOnVerifyingOrderStatus',
  aliases: ['order.SendEventToFulfilmentOnVerifyingOrderStatus'],
  description: 'Forwards the fulfilment event as props.eventName when its order is in one of props.orderStatus.',
  props: z.object({ eventName, orderStatus: statusList }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') {
      throw new Error(`commonv2.SendEventToFulfilmentOnVerifyingOrderStatus runs on FULFILMENT, not ${entity.entityType}.`);
    }
    const order = orderOf(entity, read, 'SendEventToFulfilmentOnVerifyingOrderStatus');
    return order.status !== undefined && props.orderStatus.includes(order.status) ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});
