/**
 * `order.SendEventForAppeasementToBillingAccount` (Order Reference Module): the OrderAppeasement
 * event of the HD and CC contracts (workflow-contracts.md §5.1, H: `appeasementAmount` and
 * `appeasementReason` required, `comment` optional) goes on to the customer's billing account as
 * props.eventName, to create a credit memo with the refund amount
 * (https://docs.fluentcommerce.com/building-blocks/sendeventforappeasementtobillingaccount).
 *
 * The event to the billing account carries `entityReference` (the order) and `appeasementInfo`
 * ({appeasementAmount, appeasementReason, comment}), the attributes CreateCreditMemoFromAppeasement
 * requires. [inferred]: a missing required attribute fails the event naming it; the amount must be
 * a positive number; a customer without a billing account gets one (support/billing.ts).
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { appeasementAttributes, billingAccountEvent, billingAccountFor, customerOf, entityReferenceOf } from './support/billing.js';
import { parseAttributes, requiredText } from './support/event-attributes.js';
import { emit } from './support/events.js';
import { orderOf } from './support/order-of.js';
import { eventName } from './support/props.js';

const NAME = 'order.SendEventForAppeasementToBillingAccount';

export const sendEventForAppeasementToBillingAccount = defineRule({
  name: NAME,
  aliases: ['base.SendEventForAppeasementToBillingAccount', 'commonv2.SendEventForAppeasementToBillingAccount'],
  inferred: 'attribute shapes; the billing account is created when the customer has none',
  description: "Sends props.eventName with the order's appeasement (OrderAppeasement) to the customer's billing account.",
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    const order = orderOf(entity, read, NAME);
    for (const name of ['appeasementAmount', 'appeasementReason']) requiredText(event, name, NAME);
    const info = parseAttributes(event, appeasementAttributes, NAME);
    const account = billingAccountFor(read, customerOf(order, NAME), order.retailerId, NAME);
    const attributes = {
      entityReference: entityReferenceOf(order),
      appeasementInfo: { appeasementAmount: info.appeasementAmount, appeasementReason: info.appeasementReason, comment: info.comment ?? null },
    };
    return [...account.create, emit(billingAccountEvent(props.eventName, account, event, attributes))];
  },
});
