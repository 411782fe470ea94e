/**
 * `base.SendEventForAllFulfilments`: sends `eventName` to every fulfilment of the current order,
 * e.g. `CancelFulfilment` when the order is cancelled.
 *
 * Legacy name `FLUENTRETAIL.base.SendEventForAllFulfilments` with prop `eventName`
 * (fluent-platform.md §5.4); the same name under `commonv2` appears in real ORDER::HD workflows
 * (real-world-usage.md, ruleset OrderCancel). Each event carries the current event's attributes.
 * An order without fulfilments produces no events.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

export const sendEventForAllFulfilments = defineRule({
  name: 'base.SendEventForAllFulfilments',
  aliases: ['commonv2.SendEventForAllFulfilments'],
  description: 'Sends props.eventName to each FULFILMENT of the current order.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, 'SendEventForAllFulfilments');
    return read
      .children({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'FULFILMENT')
      .map((fulfilment) => emit(eventFor(fulfilment, props.eventName, event)));
  },
});
