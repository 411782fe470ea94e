/**
 * `base.SendEventToReturns` (legacy FLUENTRETAIL.base library; real-world-usage.md): from an order
 * (or an entity of one), sends props.eventName, with the current attributes, to each return order
 * raised against the order. No Fluent page documents it: the prop and the targets are [inferred]
 * from the name and the ReturnOrder schema (`order`).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'base.SendEventToReturns';

export const sendEventToReturns = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventToReturns'],
  inferred: "props (eventName) and targets (every return order of the entity's order)",
  description: "Sends props.eventName to each return order of the entity's order.",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    return read.children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'RETURN_ORDER').map((r) => emit(eventFor(r, props.eventName, event)));
  },
});
