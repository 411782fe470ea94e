/**
 * `base.SendEventForCreditMemoToReturn` (legacy FLUENTRETAIL.base library): from a CREDIT_MEMO,
 * sends props.eventName to the return order the credit memo was issued for (`returnOrder`).
 *
 * Known by name from real RETURN_ORDER / BILLING_ACCOUNT workflows (real-world-usage.md); no Fluent
 * page documents it. Its single prop `eventName` and the target are [inferred] from the name and
 * the CreditMemo schema (`returnOrder`). A credit memo without a return order is an error.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { emit, eventFor } from './support/events.js';
import { walk } from './support/json-path.js';
import { eventName } from './support/props.js';

const NAME = 'base.SendEventForCreditMemoToReturn';

export const sendEventForCreditMemoToReturn = defineRule({
  name: NAME,
  aliases: ['commonv2.SendEventForCreditMemoToReturn'],
  inferred: "props (eventName) and target (the credit memo's returnOrder)",
  description: 'Sends props.eventName from a credit memo to its return order.',
  props: z.object({ eventName }),
  run: ({ event, entity, props, read }) => {
    if (entity.entityType !== 'CREDIT_MEMO') throw new Error(`${NAME} runs on CREDIT_MEMO, not ${entity.entityType}.`);
    const ref = walk(entity.fields['returnOrder'], ['ref']);
    const id = walk(entity.fields['returnOrder'], ['id']);
    const returnOrder =
      typeof id === 'string' || typeof ref === 'string'
        ? read.find({ entityType: 'RETURN_ORDER', id: typeof id === 'string' ? id : undefined, ref: typeof ref === 'string' ? ref : undefined })
        : undefined;
    if (!returnOrder) throw new Error(`${NAME}: credit memo "${entity.ref ?? entity.id}" has no return order.`);
    return [emit(eventFor(returnOrder, props.eventName, event))];
  },
});
