/**
 * `base.SendEventToUpdateOrderItemAttribute` (legacy FLUENTRETAIL.base library;
 * real-world-usage.md): from a return order, sends props.eventName to the order it was raised
 * against, with `returnItems` (`{orderItemRef, quantity}` per return order item) for that order's
 * `UpdateOrderItemAttribute`. No Fluent page documents it: prop, target and attribute are
 * [inferred] from the name and from UpdateOrderItemAttribute's documented `returnItems`.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { walk } from './support/json-path.js';
import { eventName } from './support/props.js';

const NAME = 'base.SendEventToUpdateOrderItemAttribute';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

export const sendEventToUpdateOrderItemAttribute = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventToUpdateOrderItemAttribute'],
  inferred: "props (eventName), target (the return order's order) and the returnItems attribute",
  description: "Sends props.eventName to the return order's order with returnItems ({orderItemRef, quantity}) from its items.",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'RETURN_ORDER') throw new Error(`${NAME} runs on RETURN_ORDER, not ${entity.entityType}.`);
    const link = entity.fields['order'];
    const order = read.find({ entityType: 'ORDER', id: text(walk(link, ['id'])), ref: text(walk(link, ['ref'])) });
    if (!order) throw new Error(`${NAME}: return order "${entity.ref ?? entity.id}" has no order.`);
    const returnItems = read.related({ entityType: 'RETURN_ORDER', id: entity.id, ref: entity.ref }, 'returnOrderItems').map((item) => ({
      orderItemRef: text(walk(item['orderItem'], ['ref'])),
      quantity: Number(walk(item['unitQuantity'], ['quantity']) ?? 0),
    }));
    const sent = eventFor(order, props.eventName, event);
    return [emit({ ...sent, attributes: { ...sent.attributes, returnItems } })];
  },
});
