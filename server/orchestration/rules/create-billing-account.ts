/**
 * `order.CreateBillingAccount` (Order Reference Module): on an order or return order, creates the
 * customer's billing account (type props.billingAccountType, default CUSTOMER) and forwards the
 * event as props.eventName with the account's ref
 * (https://docs.fluentcommerce.com/building-blocks/createbillingaccount; workflow-contracts.md §9.2).
 *
 * [inferred]: the ref is `BA-<customer ref>`, the name the customer's; the forwarded event keeps
 * the entity and attributes and adds `billingAccountRef`; a customer who has one already gets none more.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { billingAccountFor, customerOf } from './support/billing.js';
import { emit, forwardEvent } from './support/events.js';
import { eventName } from './support/props.js';

const NAME = 'order.CreateBillingAccount';

export const createBillingAccount = defineRule({
  name: NAME,
  aliases: ['base.CreateBillingAccount', 'commonv2.CreateBillingAccount'],
  inferred: 'ref BA-<customer ref>; billingAccountRef on the forwarded event; none when one exists',
  description: "Creates the customer's billing account (props.billingAccountType) and forwards the event as props.eventName.",
  props: z.object({ eventName, billingAccountType: z.string().trim().min(1).optional() }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'ORDER' && entity.entityType !== 'RETURN_ORDER')
      throw new Error(`${NAME} runs on ORDER or RETURN_ORDER, not ${entity.entityType}.`);
    const account = billingAccountFor(read, customerOf(entity, NAME), entity.retailerId, NAME, props.billingAccountType);
    const next = forwardEvent(event, entity, props.eventName);
    return [...account.create, emit({ ...next, attributes: { ...next.attributes, billingAccountRef: account.ref } })];
  },
});
