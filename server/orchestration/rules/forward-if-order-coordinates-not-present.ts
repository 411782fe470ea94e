/**
 * `commonv2.ForwardIfOrderCoordinatesNotPresent` (Order Reference Module `order.…`): forwards the
 * event as props.eventName when the order's delivery address lacks latitude or longitude.
 * https://docs.fluentcommerce.com/building-blocks/forwardifordercoordinatesnotpresent
 * On a FULFILMENT_CHOICE (ORDER::MULTI) it reads that choice's delivery address [inferred:
 * support/fulfilment-choice.ts orderScope; workflow-contracts.md §5.4].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderScope } from './support/fulfilment-choice.js';
import { orderCoordinates } from './support/order-coordinates.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.ForwardIfOrderCoordinatesNotPresent';

export const forwardIfOrderCoordinatesNotPresent = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfOrderCoordinatesNotPresent'],
  inferred: "on a FULFILMENT_CHOICE, the choice's delivery address",
  description: 'Forwards props.eventName when the order delivery address has no latitude or longitude.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = orderScope(entity, read, NAME);
    return orderCoordinates(order, scoped) ? [] : [emit(forwardEvent(event, entity, props.eventName))];
  },
});
