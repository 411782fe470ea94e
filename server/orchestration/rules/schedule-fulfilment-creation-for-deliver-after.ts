/**
 * `order.ScheduleFulfilmentCreationForDeliverAfter` (Order Reference Module): on a fulfilment
 * choice, sends props.eventName at the choice's `deliverAfter` minus the setting
 * `fc.order.sourcing.reservation.time` (hours); without the setting or `deliverAfter`, or when that
 * time has passed, at once (workflow-contracts.md §5.4;
 * https://docs.fluentcommerce.com/building-blocks/schedulefulfilmentcreationfordeliverafter,
 * …/fc-order-sourcing-reservation-time). The event keeps the choice's context and attributes.
 *
 * [inferred]: the choice is the event's entity (the page names attribute `fulfilmentChoiceRef`;
 * on an ORDER the rule takes the choice it names).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { IllegalArgumentException } from './support/event-attributes.js';
import { emit, eventFor } from './support/events.js';
import { choicesOf } from './support/fulfilment-choice.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'order.ScheduleFulfilmentCreationForDeliverAfter';
const RESERVATION_TIME = 'fc.order.sourcing.reservation.time';
const HOUR_MS = 3_600_000;

export const scheduleFulfilmentCreationForDeliverAfter = defineRule({
  name: NAME,
  aliases: ['commonv2.ScheduleFulfilmentCreationForDeliverAfter'],
  inferred: 'the choice is the event entity (or fulfilmentChoiceRef on an order)',
  description: `Sends props.eventName to the fulfilment choice at its deliverAfter minus ${RESERVATION_TIME} hours, or at once.`,
  props: z.object({ eventName }),
  run: ({ event, entity, props, read, now }) => {
    const ref = entity.entityType === 'FULFILMENT_CHOICE' ? entity.ref : event.attributes['fulfilmentChoiceRef'];
    const choice = entity.entityType === 'FULFILMENT_CHOICE' ? entity : choicesOf(read, orderOf(entity, read, NAME)).find((c) => c.ref === ref);
    if (!choice)
      throw new IllegalArgumentException(`${NAME}: no fulfilment choice "${String(ref ?? '')}" on ${entity.entityType} "${entity.ref ?? entity.id}".`);
    const hours = Number(read.setting(RESERVATION_TIME, choice.retailerId)?.value);
    const deliverAfter = Date.parse(String(choice.fields['deliverAfter'] ?? ''));
    const wakeUp = deliverAfter - hours * HOUR_MS;
    const next = eventFor(choice, props.eventName, event);
    return Number.isFinite(wakeUp) && wakeUp > now.getTime() ? [{ type: 'sendEvent', event: { ...next, delayMs: wakeUp - now.getTime() } }] : [emit(next)];
  },
});
