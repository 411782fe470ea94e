/**
 * `order.VerifyBillingAccount` (Order Reference Module): on an order or return order, forwards the
 * event as props.BillingAccountExistsEventName when the customer has a billing account, else as
 * props.NoBillingAccountExistsEventName (whose ruleset creates one, CreateBillingAccount); more
 * than one billing account is an error
 * (https://docs.fluentcommerce.com/building-blocks/verifybillingaccount; workflow-contracts.md §9.2).
 *
 * [inferred]: the forwarded event keeps the entity and attributes (same context) and, when the
 * account exists, adds its ref as `billingAccountRef`.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { billingAccountFor, customerOf } from './support/billing.js';
import { emit, forwardEvent } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'order.VerifyBillingAccount';

export const verifyBillingAccount = defineRule({
  name: NAME,
  aliases: ['base.VerifyBillingAccount', 'commonv2.VerifyBillingAccount'],
  inferred: 'same context; billingAccountRef added when the account exists',
  description: "Forwards the event as BillingAccountExistsEventName or NoBillingAccountExistsEventName after looking up the customer's billing account.",
  props: z.object({ BillingAccountExistsEventName: eventName, NoBillingAccountExistsEventName: eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'ORDER' && entity.entityType !== 'RETURN_ORDER')
      throw new Error(`${NAME} runs on ORDER or RETURN_ORDER, not ${entity.entityType}.`);
    const account = billingAccountFor(read, customerOf(entity, NAME), entity.retailerId, NAME);
    if (account.create.length > 0) return [emit(forwardEvent(event, entity, props.NoBillingAccountExistsEventName))];
    const next = forwardEvent(event, entity, props.BillingAccountExistsEventName);
    return [emit({ ...next, attributes: { ...next.attributes, billingAccountRef: account.ref } })];
  },
});
