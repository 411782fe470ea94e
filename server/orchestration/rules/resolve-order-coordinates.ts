/**
 * `order.ResolveOrderCoordinates` (Order Reference Module, accepts ORDER): places the order's
 * delivery address and sends props.validAddress with attributes `latitude` and `longitude`, or
 * props.invalidAddress when it cannot (https://docs.fluentcommerce.com/building-blocks/resolveordercoordinates;
 * workflow-contracts.md §5.2: CheckOrderDeliveryAddress → ResolveOrderCoordinates →
 * UpdateOrderCoordinates → ProcessOrder).
 * Fluent asks Google (setting `GEOCODER.API`); the simulator geocodes offline from the account's
 * locations and a small table [inferred: support/offline-geocoder.ts]. An order without a delivery
 * address is invalid.
 * On a FULFILMENT_CHOICE (ORDER::MULTI) it reads that choice's delivery address [inferred:
 * support/fulfilment-choice.ts orderScope; workflow-contracts.md §5.4].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { orderDeliveryAddress } from './support/delivery-address.js';
import { emit, forwardEvent } from './support/events.js';
import { orderScope } from './support/fulfilment-choice.js';
import { geocode } from './support/offline-geocoder.js';
import { eventName } from './support/props.js';

const NAME = 'order.ResolveOrderCoordinates';

export const resolveOrderCoordinates = defineRule({
  name: NAME,
  aliases: ['commonv2.ResolveOrderCoordinates'],
  inferred: "offline geocoding: postcode, then city, of the account locations, then a built-in city table; on a FULFILMENT_CHOICE, the choice's address",
  description: 'Sends props.validAddress with latitude and longitude of the order delivery address, or props.invalidAddress when it cannot be placed.',
  props: z.object({ validAddress: eventName, invalidAddress: eventName }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = orderScope(entity, read, NAME);
    const address = orderDeliveryAddress(order, scoped);
    const coordinates = address && geocode(address, read.locations());
    if (!coordinates) return [emit(forwardEvent(event, entity, props.invalidAddress))];
    const forwarded = forwardEvent(event, entity, props.validAddress);
    return [emit({ ...forwarded, attributes: { ...forwarded.attributes, ...coordinates } })];
  },
});
