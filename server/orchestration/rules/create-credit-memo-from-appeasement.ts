/**
 * `order.CreateCreditMemoFromAppeasement` (Order Reference Module): creates a credit memo on the
 * billing account for an order's appeasement
 * (https://docs.fluentcommerce.com/building-blocks/createcreditmemofromappeasement; workflow-contracts.md §9.2).
 * Accepts BILLING_ACCOUNT (the billing account of the event) and ORDER (the customer's billing
 * account). Attributes `entityReference` (the order) and `appeasementInfo` are required; props
 * `creditMemoType` (default CREDIT_MEMO) and `creditMemoItemType` (default CREDIT_MEMO_ITEM). Fails
 * when the order is unknown, its items have no currency, or setting DEFAULT_TAX_TYPE is missing.
 *
 * [inferred]: one item for the whole amount, `creditReasonCode` = the reason; the amount is
 * gross, with the tax of DEFAULT_TAX_TYPE's tariff included (support/billing.ts); the ref is
 * `<order ref>-CM<n>`; status CREATED as the platform gives every new entity.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { creditMemoInput, creditMemoTypes, memoTarget } from './support/credit-memo.js';
import { parseAttributes } from './support/event-attributes.js';
import { appeasementAttributes, entityReference } from './support/billing.js';

const NAME = 'order.CreateCreditMemoFromAppeasement';
const attributes = z.object({ entityReference, appeasementInfo: appeasementAttributes });

export const createCreditMemoFromAppeasement = defineRule({
  name: NAME,
  aliases: ['base.CreateCreditMemoFromAppeasement', 'commonv2.CreateCreditMemoFromAppeasement'],
  inferred: 'one item for the whole amount; tax included from the tariff setting; the ref',
  description: 'Creates a credit memo (props.creditMemoType) for the appeasement of the order in entityReference.',
  props: creditMemoTypes,
  run: ({ event, entity, props, read, now }) => {
    const { entityReference: reference, appeasementInfo: info } = parseAttributes(event, attributes, NAME);
    const target = memoTarget({ entity, reference, read, ruleName: NAME });
    const reason = { value: info.appeasementReason, label: info.appeasementReason };
    const input = creditMemoInput({
      ...target,
      read,
      now,
      props,
      ruleName: NAME,
      lines: [{ description: info.comment ?? info.appeasementReason, creditReasonCode: reason, quantity: 1, unitGross: info.appeasementAmount }],
    });
    return [...target.create, { type: 'mutate', mutation: 'createCreditMemo', input }];
  },
});
