/**
 * `commonv2.SendEventForOrder`: sends `eventName` to the order the current entity belongs to
 * (its root ORDER), e.g. from a fulfilment to tell the order it moved on.
 *
 * Known from real ORDER::HD workflows (real-world-usage.md; saibalajimamindla/FluentCommerceRepo
 * `lastworking_order.txt`, rulesets FulfilmentExpiry, WaveCreate, AllArticlesCollected), where it
 * takes the single prop `eventName`. The event carries the current event's attributes.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

export const sendEventForOrder = defineRule({
  name: 'commonv2.SendEventForOrder',
  description: 'Sends props.eventName to the root ORDER of the current entity.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => [emit(eventFor(orderOf(entity, read, 'commonv2.SendEventForOrder'), props.eventName, event))],
});
