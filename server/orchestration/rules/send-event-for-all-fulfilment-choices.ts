/**
 * `order.SendEventForAllFulfilmentChoices` [inferred: name and behaviour]: sends props.eventName to
 * every FULFILMENT_CHOICE of the current order, e.g. `CancelFulfilmentChoice` when a mixed-basket
 * order is cancelled (a choice is CANCELLED when its parent order is, workflow-contracts.md §5.4).
 * No retrievable rule page names the reference MULTI workflow's way to reach every choice; this
 * mirrors base.SendEventForAllFulfilments. Each event carries the current event's attributes.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { choicesOf } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'order.SendEventForAllFulfilmentChoices';

export const sendEventForAllFulfilmentChoices = defineRule({
  name: NAME,
  inferred: 'name and behaviour (mirrors base.SendEventForAllFulfilments)',
  description: 'Sends props.eventName to each FULFILMENT_CHOICE of the current order.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => choicesOf(read, orderOf(entity, read, NAME)).map((choice) => emit(eventFor(choice, props.eventName, event))),
});
