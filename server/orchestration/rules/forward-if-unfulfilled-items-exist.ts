/**
 * `commonv2.ForwardIfUnfulfilledItemsExist` (Order Reference Module, accepts ORDER): forwards the
 * event as props.eventName when some order quantity is not covered by a fulfilment outside
 * props.excludedFulfilmentStatuses (a PARTIALLY_FULFILLED one covers its filled quantity); the
 * reference HD workflow loops back to FindAndCreateOrderFulfilment with it (workflow-contracts.md §5.2).
 * Default excluded statuses CANCELLED, REJECTED, EXPIRED, ESCALATED [inferred].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { sourcingScope } from './support/fulfilment-choice.js';
import { NOT_LIVE, remainingItems } from './support/order-sourcing.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'commonv2.ForwardIfUnfulfilledItemsExist';

export const forwardIfUnfulfilledItemsExist = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfUnfulfilledItemsExist'],
  inferred: 'default excludedFulfilmentStatuses',
  description: 'Forwards props.eventName when some order quantity is in no live fulfilment.',
  props: z.object({ eventName, excludedFulfilmentStatuses: statusList.optional() }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = sourcingScope(entity, read, NAME);
    return remainingItems(order, scoped, props.excludedFulfilmentStatuses ?? NOT_LIVE).length > 0 ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});
