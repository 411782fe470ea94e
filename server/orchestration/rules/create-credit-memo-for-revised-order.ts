/**
 * `order.CreateCreditMemoForRevisedOrder` (Order Reference Module): a credit memo on the billing
 * account from the revised order and the old one
 * (https://docs.fluentcommerce.com/building-blocks/createcreditmemoforrevisedorder; workflow-contracts.md §9.2).
 * Accepts BILLING_ACCOUNT and ORDER; attribute `entityReference` (the old order) is required;
 * props `creditMemoType` / `creditMemoItemType` (defaults CREDIT_MEMO / CREDIT_MEMO_ITEM). Fails
 * when either order is unknown or setting DEFAULT_TAX_TYPE is missing.
 *
 * [inferred]: the revised order is the one the old order's RevisedOrderLink names; one item per
 * product whose quantity went down (price × the quantity taken off); no memo when nothing went down.
 */
import { z } from 'zod';
import { defineRule } from '../port.js';
import { entityReference } from './support/billing.js';
import { creditMemoInput, creditMemoTypes, type MemoLine, memoTarget } from './support/credit-memo.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { currentLines } from './support/order-lines.js';
import { REVISED_ORDER_LINK } from './support/revised-order.js';

const NAME = 'order.CreateCreditMemoForRevisedOrder';
/** The event attributes read here, built once (a zod schema compiles on first use). */
const entityReferenceAttribute = z.object({ entityReference });

const linkOf = (attributes: unknown): string | undefined => {
  const found = Array.isArray(attributes) ? attributes.find((a) => a?.name === REVISED_ORDER_LINK) : undefined;
  return typeof found?.value === 'string' ? found.value : undefined;
};

export const createCreditMemoForRevisedOrder = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateCreditMemoForRevisedOrder'],
  inferred: 'one item per quantity taken off; no memo when nothing went down',
  description: 'Creates a credit memo for what the revision of the order in entityReference took off.',
  props: creditMemoTypes,
  run: ({ event, entity, props, read, now }) => {
    const { entityReference: reference } = parseAttributes(event, entityReferenceAttribute, NAME);
    const target = memoTarget({ entity, reference, read, ruleName: NAME });
    const old = target.subject;
    const revisedRef = linkOf(old.fields['attributes']);
    const revised = revisedRef === undefined ? undefined : read.find({ entityType: 'ORDER', ref: revisedRef });
    if (!revised) throw new IllegalArgumentException(`${NAME}: order "${old.ref ?? old.id}" has no revised order (attribute ${REVISED_ORDER_LINK}).`);
    const after = new Map(currentLines(read, revised).map((l) => [l.productRef, l.quantity]));
    const lines: MemoLine[] = currentLines(read, old)
      .map((l) => ({ line: l, off: l.quantity - (after.get(l.productRef) ?? 0) }))
      .filter(({ off }) => off > 0)
      .map(({ line, off }) => ({ quantity: off, unitGross: line.price ?? 0, description: `Revised order ${revised.ref}`, orderItem: { ref: line.ref } }));
    if (lines.length === 0) return [];
    return [...target.create, { type: 'mutate', mutation: 'createCreditMemo', input: creditMemoInput({ ...target, read, now, props, ruleName: NAME, lines }) }];
  },
});
