/**
 * `commonv2.ForwardIfOrderCoordinatesNotPresent` (Order Reference Module `order.…`): forwards the
 * event as props.eventName when the order's delivery address lacks latitude or longitude.
 * https://docs.fluentcommerce.com/building-blocks/forwardifordercoordinatesnotpresent
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderCoordinates } from './support/order-coordinates.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.ForwardIfOrderCoordinatesNotPresent';

export const forwardIfOrderCoordinatesNotPresent = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfOrderCoordinatesNotPresent'],
  description: 'Forwards props.eventName when the order delivery address has no latitude or longitude.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => (orderCoordinates(orderOf(entity, read, NAME), read) ? [] : [emit(forwardEvent(event, entity, props.eventName))]),
});
