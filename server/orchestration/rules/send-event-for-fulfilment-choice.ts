/**
 * `order.SendEventForFulfilmentChoice` (Order Reference Module): sends props.eventName to the
 * fulfilment choice `fulfilmentChoiceRef` of the order (accepts ORDER, FULFILMENT, ARTICLE)
 * (https://docs.fluentcommerce.com/building-blocks/sendeventforfulfilmentchoice; workflow-contracts.md §5.4).
 *
 * [inferred]: on a FULFILMENT without the attribute, the fulfilment's own `fulfilmentChoiceRef`;
 * an unknown choice is an error.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { EventAttributeNotFoundException, IllegalArgumentException } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { choiceRefOf, choicesOf } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'order.SendEventForFulfilmentChoice';

export const sendEventForFulfilmentChoice = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventForFulfilmentChoice'],
  inferred: "a fulfilment's own fulfilmentChoiceRef when the attribute is absent",
  description: 'Sends props.eventName to the fulfilment choice fulfilmentChoiceRef of the order.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    const attribute = event.attributes['fulfilmentChoiceRef'];
    const ref = typeof attribute === 'string' && attribute.length > 0 ? attribute : entity.entityType === 'FULFILMENT' ? choiceRefOf(entity.fields) : undefined;
    if (ref === undefined)
      throw new EventAttributeNotFoundException(`${NAME}: event "${event.name}" needs the attribute "fulfilmentChoiceRef" (missing or empty).`);
    const choice = choicesOf(read, order).find((c) => c.ref === ref);
    if (!choice) throw new IllegalArgumentException(`${NAME}: order "${order.ref ?? order.id}" has no fulfilment choice "${ref}".`);
    return [emit(eventFor(choice, props.eventName, event))];
  },
});
