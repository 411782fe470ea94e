/**
 * `base.CreateCreditMemoFromReturnOrder` (legacy FLUENTRETAIL.base library, known by name from real
 * BILLING_ACCOUNT workflows, real-world-usage.md): a credit memo on the billing account for a
 * return order, linked to it (`returnOrder`) and to its order (workflow-contracts.md §9.2).
 * Accepts BILLING_ACCOUNT and RETURN_ORDER; attribute `entityReference` (the return order) is
 * required; props as CreateCreditMemoFromAppeasement. Setting DEFAULT_TAX_TYPE is required.
 *
 * [inferred] (no Fluent page documents it): one item per return order item, unit amount × quantity,
 * tax of the tariff included, ref `<return ref>-CM<n>`.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityReference } from './support/billing.js';
import { creditMemoInput, creditMemoTypes, memoTarget } from './support/credit-memo.js';
import { parseAttributes } from './support/event-attributes.js';
import { walk } from './support/json-path.js';

const NAME = 'base.CreateCreditMemoFromReturnOrder';
/** The event attributes read here, built once (a zod schema compiles on first use). */
const entityReferenceAttribute = z.object({ entityReference });

export const createCreditMemoFromReturnOrder = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateCreditMemoFromReturnOrder', 'order.CreateCreditMemoFromReturnOrder'],
  inferred: 'props, attributes and items (one per return order item)',
  description: 'Creates a credit memo for the return order in entityReference, one item per returned item.',
  props: creditMemoTypes,
  run: ({ event, entity, props, read, now }) => {
    const { entityReference: reference } = parseAttributes(event, entityReferenceAttribute, NAME);
    const target = memoTarget({ entity, reference, read, ruleName: NAME, entityType: 'RETURN_ORDER' });
    const ret = target.subject;
    const lines = read.related({ entityType: 'RETURN_ORDER', id: ret.id, ref: ret.ref }, 'returnOrderItems').map((item) => ({
      quantity: Number(walk(item['unitQuantity'], ['quantity']) ?? 0),
      unitGross: Number(walk(item['unitAmount'], ['amount']) ?? 0),
      description: `Return ${ret.ref}`,
      returnOrderItem: { ref: String(item['ref']) },
      ...(typeof walk(item['returnReason'], ['value']) === 'string' ? { creditReasonCode: { value: String(walk(item['returnReason'], ['value'])) } } : {}),
    }));
    return [...target.create, { type: 'mutate', mutation: 'createCreditMemo', input: creditMemoInput({ ...target, read, now, props, ruleName: NAME, lines }) }];
  },
});
