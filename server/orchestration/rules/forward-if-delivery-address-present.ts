/**
 * `order.ForwardIfDeliveryAddressPresent` (Order Reference Module, accepts ORDER; `commonv2.…` in
 * real workflows, real-world-usage.md): forwards the event as props.eventName when the order has a
 * delivery address. https://docs.fluentcommerce.com/building-blocks/forwardifdeliveryaddressnotpresent
 * (the Present rule is its documented counterpart).
 * On a FULFILMENT_CHOICE (ORDER::MULTI) it reads that choice's delivery address [inferred:
 * support/fulfilment-choice.ts orderScope; workflow-contracts.md §5.4].
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { orderDeliveryAddress } from './support/delivery-address.js';
import { emit, forwardEvent } from './support/events.js';
import { orderScope } from './support/fulfilment-choice.js';
import { eventName } from './support/props.js';

const NAME = 'order.ForwardIfDeliveryAddressPresent';

export const forwardIfDeliveryAddressPresent = defineRule({
  name: NAME,
  aliases: ['commonv2.ForwardIfDeliveryAddressPresent'],
  inferred: "an address is present when it has at least one non-empty field; on a FULFILMENT_CHOICE, the choice's address",
  description: 'Forwards props.eventName when the order has a delivery address.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const { order, read: scoped } = orderScope(entity, read, NAME);
    return orderDeliveryAddress(order, scoped) ? [emit(forwardEvent(event, entity, props.eventName))] : [];
  },
});
