/**
 * `order.SendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice` (Order Reference Module): when
 * every fulfilment of a fulfilment choice is in one of props.status, sends props.eventName to the
 * choice; otherwise nothing. Accepts ORDER, FULFILMENT, FULFILMENT_CHOICE
 * (https://docs.fluentcommerce.com/building-blocks/sendeventonverifyingallfulfilmentstatesbyfulfilmentchoice).
 *
 * [inferred]: the choice is the entity itself, a fulfilment's own choice, or attribute
 * `fulfilmentChoiceRef` on an order; a choice with no fulfilments does not pass.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { choiceRefOf, choicesOf, fulfilmentsOfChoice } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';
import { eventName, statusList } from './support/props.js';

const NAME = 'order.SendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice';

export const sendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventOnVerifyingAllFulfilmentStatesByFulfilmentChoice'],
  inferred: 'how the choice is found; a choice without fulfilments does not pass',
  description: 'Sends props.eventName to the fulfilment choice when all its fulfilments are in one of props.status.',
  props: z.object({ eventName, status: statusList }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    const attribute = event.attributes['fulfilmentChoiceRef'];
    const ref =
      entity.entityType === 'FULFILMENT_CHOICE'
        ? entity.ref
        : entity.entityType === 'FULFILMENT'
          ? choiceRefOf(entity.fields)
          : typeof attribute === 'string'
            ? attribute
            : undefined;
    const choice = ref === undefined ? undefined : choicesOf(read, order).find((c) => c.ref === ref);
    if (!choice?.ref) throw new IllegalArgumentException(`${NAME}: ${entity.entityType} "${entity.ref ?? entity.id}" names no fulfilment choice of its order.`);
    const fulfilments = fulfilmentsOfChoice(read, order, choice.ref);
    const allDone = fulfilments.length > 0 && fulfilments.every((f) => f.status !== undefined && props.status.includes(f.status));
    return allDone ? [emit(eventFor(choice, props.eventName, event))] : [];
  },
});
