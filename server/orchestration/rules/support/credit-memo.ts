/**
 * Building a `createCreditMemo` input (CreateCreditMemoInput of the schema; fields listed in
 * workflow-contracts.md §9.2) for the credit memo rules: appeasement, revised order, return order.
 * See support/billing.ts for what is [inferred] (tax included from the tariff, refs).
 */
import { z } from 'zod';
import type { DomainReader, Effect, EntityView } from '../../port.js';
import {
  billingAccountFor,
  customerOf,
  defaultTaxType,
  type entityReference,
  includedTax,
  orderCurrency,
  roundMoney,
  taxRate,
  creditMemoRef,
} from './billing.js';
import { IllegalArgumentException } from './event-attributes.js';
import { walk } from './json-path.js';

/** Props of every credit memo rule: the memo and item types, with Fluent's defaults. */
export const creditMemoTypes = z
  .object({ creditMemoType: z.string().trim().min(1).optional(), creditMemoItemType: z.string().trim().min(1).optional() })
  .nullish()
  .transform((p) => ({ creditMemoType: p?.creditMemoType ?? 'CREDIT_MEMO', creditMemoItemType: p?.creditMemoItemType ?? 'CREDIT_MEMO_ITEM' }));
export type CreditMemoTypes = z.infer<typeof creditMemoTypes>;

export type MemoTarget = { subject: EntityView; account: { ref: string; subtype: string }; create: Effect[] };

/**
 * The entity the memo is for (`entityReference`: an ORDER or RETURN_ORDER, by id or ref) and the
 * billing account it goes on: the event's own when the rule runs on a BILLING_ACCOUNT, else the
 * customer's (created when missing).
 */
export function memoTarget(input: {
  entity: Readonly<EntityView>;
  reference: z.infer<typeof entityReference>;
  read: DomainReader;
  ruleName: string;
  entityType?: string;
}): MemoTarget {
  const { entity, reference, read, ruleName } = input;
  const entityType = input.entityType ?? 'ORDER';
  const subject =
    entity.entityType === entityType && reference.entityId === undefined && reference.entityRef === undefined
      ? entity
      : read.find({ entityType, id: reference.entityId, ref: reference.entityRef });
  if (!subject) throw new IllegalArgumentException(`${ruleName}: ${entityType} ${reference.entityRef ?? reference.entityId ?? '?'} was not found.`);
  if (entity.entityType === 'BILLING_ACCOUNT' && entity.ref !== undefined) {
    return { subject, account: { ref: entity.ref, subtype: entity.subtype ?? 'CUSTOMER' }, create: [] };
  }
  const account = billingAccountFor(read, customerOf(subject, ruleName), subject.retailerId, ruleName);
  return { subject, account: { ref: account.ref, subtype: account.subtype }, create: account.create };
}

/** One credit memo line: a gross unit amount times a quantity. */
export type MemoLine = {
  quantity: number;
  unitGross: number;
  description?: string | undefined;
  creditReasonCode?: { value: string; label?: string } | undefined;
  orderItem?: { ref: string } | undefined;
  returnOrderItem?: { ref: string } | undefined;
  product?: { ref: string; catalogue: { ref: string } } | undefined;
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

function currencyOf(read: DomainReader, subject: Readonly<EntityView>, ruleName: string): string {
  if (subject.entityType === 'ORDER') return orderCurrency(read, subject, ruleName);
  const code = text(walk(subject.fields['currency'], ['alphabeticCode']));
  if (code === undefined) throw new IllegalArgumentException(`${ruleName}: ${subject.entityType} "${subject.ref}" has no currency.`);
  return code;
}

/** The createCreditMemo input for `lines` on the target's billing account, linked to its order or return order. */
export function creditMemoInput(input: MemoTarget & { read: DomainReader; now: Date; props: CreditMemoTypes; ruleName: string; lines: MemoLine[] }) {
  const { subject, account, read, now, props, ruleName, lines } = input;
  const retailer = { id: subject.retailerId ?? '1' };
  const taxType = defaultTaxType(read, subject.retailerId, ruleName);
  const rate = taxRate(read, subject.retailerId, taxType.tariff);
  const ref = creditMemoRef(read, subject.ref ?? subject.id);
  const orderRef = subject.entityType === 'ORDER' ? subject.ref : text(walk(subject.fields['order'], ['ref']));
  const items = lines.map((line, i) => {
    const amount = roundMoney(line.unitGross * line.quantity);
    const tax = includedTax(amount, rate);
    return {
      ref: `${ref}-${i + 1}`,
      type: props.creditMemoItemType,
      ...(line.description ? { description: line.description } : {}),
      ...(line.creditReasonCode ? { creditReasonCode: line.creditReasonCode } : {}),
      ...(line.orderItem && orderRef ? { orderItem: { ref: line.orderItem.ref, order: { ref: orderRef, retailer } } } : {}),
      ...(line.returnOrderItem && subject.ref ? { returnOrderItem: { ref: line.returnOrderItem.ref, returnOrder: { ref: subject.ref, retailer } } } : {}),
      ...(line.product ? { product: line.product } : {}),
      unitQuantity: { quantity: line.quantity },
      unitTaxType: taxType,
      unitAmount: { amount: roundMoney(line.unitGross) },
      amount: { amount },
      taxAmount: { amount: tax },
    };
  });
  const total = roundMoney(items.reduce((sum, item) => sum + item.amount.amount, 0));
  const tax = roundMoney(items.reduce((sum, item) => sum + item.taxAmount.amount, 0));
  return {
    ref,
    type: props.creditMemoType,
    billingAccount: { ref: account.ref },
    ...(orderRef ? { order: { ref: orderRef, retailer } } : {}),
    ...(subject.entityType === 'RETURN_ORDER' && subject.ref ? { returnOrder: { ref: subject.ref, retailer } } : {}),
    issueDate: now.toISOString(),
    currency: { alphabeticCode: currencyOf(read, subject, ruleName) },
    defaultTaxType: taxType,
    subTotalAmount: { amount: roundMoney(total - tax) },
    totalTax: { amount: tax },
    totalAmount: { amount: total },
    totalBalance: { amount: total },
    items,
  };
}
