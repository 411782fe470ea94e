/**
 * `commonv2.ForwardIfOrderCoordinatesPresent` (Order Reference Module `order.…`): when the order's
 * delivery address has both latitude and longitude, forwards the event as props.eventName with
 * attributes `latitude` and `longitude` added.
 * https://docs.fluentcommerce.com/building-blocks/forwardifordercoordinatespresent
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderCoordinates } from './support/order-coordinates.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.ForwardIfOrderCoordinatesPresent';

export const forwardIfOrderCoordinatesPresent = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfOrderCoordinatesPresent'],
  description: 'Forwards props.eventName, with latitude and longitude, when the order delivery address has coordinates.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const coordinates = orderCoordinates(orderOf(entity, read, NAME), read);
    if (!coordinates) return [];
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, ...coordinates } })];
  },
});
