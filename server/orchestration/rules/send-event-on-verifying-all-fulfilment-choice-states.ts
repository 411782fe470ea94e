/**
 * `order.SendEventOnVerifyingAllFulfilmentChoiceStates` (Order Reference Module): sends
 * props.eventName to the order when all its fulfilment choices are in one of props.status, e.g.
 * VerifyAllFulfilmentChoicesStates when all are COMPLETE (workflow-contracts.md §5.4;
 * https://docs.fluentcommerce.com/building-blocks/sendeventonverifyingallfulfilmentchoicestates).
 * Accepts ORDER and FULFILMENT; the page's example spells it …FulfilmentChoicesStates, an alias.
 *
 * [inferred]: the event goes to the order from any entity of it; an order without choices does not pass.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { choicesOf } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'order.SendEventOnVerifyingAllFulfilmentChoiceStates';

export const sendEventOnVerifyingAllFulfilmentChoiceStates = defineRule({
  name: NAME,
  aliases: ['order.SendEventOnVerifyingAllFulfilmentChoicesStates', 'commonv2.SendEventOnVerifyingAllFulfilmentChoiceStates'],
  inferred: 'sent to the order from any of its entities; an order without choices does not pass',
  description: 'Sends props.eventName to the order when all its fulfilment choices are in one of props.status.',
  props: z.object({ eventName, status: statusList }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    const choices = choicesOf(read, order);
    const allDone = choices.length > 0 && choices.every((c) => c.status !== undefined && props.status.includes(c.status));
    return allDone ? [emit(eventFor(order, props.eventName, event))] : [];
  },
});
