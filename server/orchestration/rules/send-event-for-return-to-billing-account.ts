/**
 * `base.SendEventForReturnToBillingAccount` (legacy FLUENTRETAIL.base library, known by name from
 * real RETURN_ORDER workflows, real-world-usage.md): from a return order, sends props.eventName to
 * the customer's billing account with the return order in `entityReference`, for its credit memo
 * (workflow-contracts.md §9.2).
 *
 * [inferred] (no Fluent page documents it): the prop, the attribute shape, and a customer without
 * a billing account gets one (support/billing.ts).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { billingAccountEvent, billingAccountFor, customerOf, entityReferenceOf } from './support/billing.js';
import { emit } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'base.SendEventForReturnToBillingAccount';

export const sendEventForReturnToBillingAccount = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventForReturnToBillingAccount', 'order.SendEventForReturnToBillingAccount'],
  inferred: 'props, attribute shape; the billing account is created when the customer has none',
  description: "Sends props.eventName with the return order's reference to the customer's billing account.",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'RETURN_ORDER') throw new Error(`${NAME} runs on RETURN_ORDER, not ${entity.entityType}.`);
    const account = billingAccountFor(read, customerOf(entity, NAME), entity.retailerId, NAME);
    return [...account.create, emit(billingAccountEvent(props.eventName, account, event, { entityReference: entityReferenceOf(entity) }))];
  },
});
