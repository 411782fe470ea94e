/**
 * `order.VerifyingFulfilmentItems` (Order Reference Module, accepts FULFILMENT; also
 * `commonv2.VerifyingFulfilmentItems`, real-world-usage.md): "Verifies the quantity (ALL, PARTIAL or
 * NONE) of items fulfilled in the incoming fulfilment entity and sends an event with the
 * corresponding event name when it matches the quantity from the input parameter."
 * https://docs.fluentcommerce.com/building-blocks/verifyingfulfilmentitems
 *
 * Props `eventName`, `quantity` (ALL | PARTIAL | NONE). ALL: every item filled to its requested
 * quantity; NONE: nothing filled; PARTIAL: anything between. A fulfilment without items fails the
 * event, as documented. The event goes to the same fulfilment, with the same attributes.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, forwardEvent } from './support/events.js';
import { filledQuantity, fulfilmentItems } from './support/fulfilment-items.js';
import { eventName } from './support/props.js';

const NAME = 'order.VerifyingFulfilmentItems';

export const verifyingFulfilmentItems = defineRule({
  name: NAME,
  aliases: ['commonv2.VerifyingFulfilmentItems'],
  description: 'Sends props.eventName to the fulfilment when its items are filled as props.quantity says (ALL, PARTIAL or NONE).',
  props: z.object({ eventName, quantity: z.enum(['ALL', 'PARTIAL', 'NONE']) }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'FULFILMENT') throw new Error(`${NAME} runs on FULFILMENT, not ${entity.entityType}.`);
    const items = fulfilmentItems(read, entity, NAME);
    if (items.length === 0) throw new Error(`${NAME}: fulfilment "${entity.ref ?? entity.id}" has no items.`);
    return filledQuantity(items) === props.quantity ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});
