/**
 * `order.SendEventForRevisedOrderToBillingAccount` (Order Reference Module): sends props.eventName
 * to the customer's billing account with the order in `entityReference`, so the billing workflow
 * credits what the revision took off
 * (https://docs.fluentcommerce.com/building-blocks/sendeventforrevisedordertobillingaccount).
 *
 * [inferred]: the attribute shape; a customer without a billing account gets one (support/billing.ts).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { billingAccountEvent, billingAccountFor, customerOf, entityReferenceOf } from './support/billing.js';
import { emit } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'order.SendEventForRevisedOrderToBillingAccount';

export const sendEventForRevisedOrderToBillingAccount = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventForRevisedOrderToBillingAccount'],
  inferred: 'attribute shape; the billing account is created when the customer has none',
  description: "Sends props.eventName with the revised order's reference to the customer's billing account.",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    const account = billingAccountFor(read, customerOf(order, NAME), order.retailerId, NAME);
    return [...account.create, emit(billingAccountEvent(props.eventName, account, event, { entityReference: entityReferenceOf(order) }))];
  },
});
