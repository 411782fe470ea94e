/**
 * `commonv2.ForwardIfOrderCoordinatesPresent` (Order Reference Module `order.…`): when the order's
 * delivery address has both latitude and longitude, forwards the event as props.eventName with
 * attributes `latitude` and `longitude` added.
 * https://docs.fluentcommerce.com/building-blocks/forwardifordercoordinatespresent
 * On a FULFILMENT_CHOICE (ORDER::MULTI) it reads that choice's delivery address [inferred:
 * support/fulfilment-choice.ts orderScope; workflow-contracts.md §5.4].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { orderScope } from './support/fulfilment-choice.js';
import { orderCoordinates } from './support/order-coordinates.js';
import { eventName } from './support/props.js';

const NAME = 'commonv2.ForwardIfOrderCoordinatesPresent';

export const forwardIfOrderCoordinatesPresent = defineRule({
  name: NAME,
  aliases: ['order.ForwardIfOrderCoordinatesPresent'],
  inferred: "on a FULFILMENT_CHOICE, the choice's delivery address",
  description: 'Forwards props.eventName, with latitude and longitude, when the order delivery address has coordinates.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = orderScope(entity, read, NAME);
    const coordinates = orderCoordinates(order, scoped);
    if (!coordinates) return [];
    const forwarded = forwardEvent(event, entity, props.eventName);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, ...coordinates } })];
  },
});
