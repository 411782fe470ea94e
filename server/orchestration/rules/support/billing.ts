/**
 * Shared by the billing rules of the Order Reference Module (workflow-contracts.md §9.2): the
 * customer's billing account, the DEFAULT_TAX_TYPE setting, the entity reference the order and
 * return workflows send to the billing account, and money arithmetic on credit memos.
 *
 * [inferred] (the rule pages do not say): a customer without a billing account gets one on demand,
 * type CUSTOMER (CreateBillingAccount's default), ref `BA-<customer ref>`, so that an appeasement,
 * revision or return needs no set-up step; `entityReference` is `{entityType, entityId, entityRef,
 * entitySubtype}` of the order or return order; DEFAULT_TAX_TYPE is JSON `{country, group, tariff}`
 * in `lobValue` or `value`, and the setting named by `tariff` (e.g. GST), when numeric, is the tax
 * rate (0.1 or 10 for 10 %) included in credited amounts.
 */
import { z } from 'zod';
import type { DomainReader, Effect, EntityView, OrchestrationEvent } from '../../port.js';
import type { NewEvent } from './events.js';
import { IllegalArgumentException } from './event-attributes.js';
import { walk } from './json-path.js';

export const BILLING_ACCOUNT_TYPE = 'CUSTOMER';

export type Customer = { id: string; ref: string; name: string };

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);

/** The customer of an order or return order (its `customer` link, expanded one level). */
export function customerOf(entity: Readonly<EntityView>, ruleName: string): Customer {
  const customer = entity.fields['customer'];
  const id = walk(customer, ['id']);
  const ref = text(walk(customer, ['ref'])) ?? text(walk(customer, ['username']));
  if ((typeof id !== 'string' && typeof id !== 'number') || ref === undefined) {
    throw new IllegalArgumentException(`${ruleName}: ${entity.entityType} "${entity.ref ?? entity.id}" has no customer.`);
  }
  const name = [text(walk(customer, ['firstName'])), text(walk(customer, ['lastName']))].filter(Boolean).join(' ');
  return { id: String(id), ref, name: name || ref };
}

/**
 * The customer's billing account, or the effect creating it and its ref. More than one billing
 * account for the customer is an error (VerifyBillingAccount, workflow-contracts.md §9.2).
 */
export function billingAccountFor(
  read: DomainReader,
  customer: Customer,
  retailerId: string | undefined,
  ruleName: string,
  type: string = BILLING_ACCOUNT_TYPE,
): { ref: string; subtype: string; create: Effect[] } {
  const accounts = read.children({ entityType: 'CUSTOMER', id: customer.id }, 'BILLING_ACCOUNT');
  if (accounts.length > 1) {
    throw new IllegalArgumentException(`${ruleName}: customer "${customer.ref}" has ${accounts.length} billing accounts; expected one.`);
  }
  const [account] = accounts;
  if (account?.ref !== undefined) return { ref: account.ref, subtype: account.subtype ?? BILLING_ACCOUNT_TYPE, create: [] };
  const ref = `BA-${customer.ref}`;
  const input = { ref, type, name: customer.name, retailer: { id: retailerId ?? '1' }, customer: { ref: customer.ref } };
  return { ref, subtype: type, create: [{ type: 'mutate', mutation: 'createBillingAccount', input }] };
}

/** `{entityType, entityId, entityRef, entitySubtype}` of an entity, as billing events carry it. */
export const entityReferenceOf = (entity: Readonly<EntityView>) => ({
  entityType: entity.entityType,
  entityId: entity.id,
  entityRef: entity.ref,
  entitySubtype: entity.subtype,
});

export const entityReference = z.object({
  entityType: z.string().optional(),
  entityId: z.union([z.string(), z.number()]).transform(String).optional(),
  entityRef: z.string().optional(),
  entitySubtype: z.string().nullish(),
});

/** An event to the billing account `ref` (a root entity) carrying `attributes`. */
export function billingAccountEvent(
  name: string,
  account: { ref: string; subtype: string },
  event: Readonly<OrchestrationEvent>,
  attributes: Record<string, unknown>,
): NewEvent {
  return {
    name,
    retailerId: event.retailerId,
    entityType: 'BILLING_ACCOUNT',
    entityRef: account.ref,
    entitySubtype: account.subtype,
    rootEntityType: 'BILLING_ACCOUNT',
    rootEntityRef: account.ref,
    attributes,
  };
}

/** The appeasement of OrderAppeasement (workflow-contracts.md §5.1): amount and reason required. */
export const appeasementAttributes = z.object({
  appeasementAmount: z.union([z.string(), z.number()]).pipe(z.coerce.number<string | number>().positive()),
  appeasementReason: z.string().trim().min(1),
  comment: z.string().nullish(),
});

export type TaxType = { country: string; group: string; tariff: string };
const taxTypeSchema = z.object({ country: z.string().min(1), group: z.string().min(1), tariff: z.string().min(1) });

const parseJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/** The DEFAULT_TAX_TYPE setting (required by the credit memo and return rules: a 422 in Fluent). */
export function defaultTaxType(read: DomainReader, retailerId: string | undefined, ruleName: string): TaxType {
  const setting = read.setting('DEFAULT_TAX_TYPE', retailerId);
  if (!setting) throw new IllegalArgumentException(`${ruleName}: setting DEFAULT_TAX_TYPE is missing; create it ({"country","group","tariff"}).`);
  const parsed = taxTypeSchema.safeParse(parseJson(setting.lobValue) ?? parseJson(setting.value));
  if (!parsed.success) throw new IllegalArgumentException(`${ruleName}: setting DEFAULT_TAX_TYPE is not {"country","group","tariff"}.`);
  return parsed.data;
}

/** The tax rate of `tariff` (a setting of that name holding 0.1 or 10), 0 when there is none. */
export function taxRate(read: DomainReader, retailerId: string | undefined, tariff: string): number {
  const value = Number(read.setting(tariff, retailerId)?.value);
  if (!Number.isFinite(value) || value <= 0) return 0;
  return value >= 1 ? value / 100 : value;
}

export const roundMoney = (amount: number): number => Math.round(amount * 100) / 100;

/** The tax included in a gross amount at `rate`. */
export const includedTax = (gross: number, rate: number): number => roundMoney(rate > 0 ? gross - gross / (1 + rate) : 0);

/** The currency of the order's items (the rule pages: an order item without currency is an error). */
export function orderCurrency(read: DomainReader, order: Readonly<EntityView>, ruleName: string): string {
  const items = read.related({ entityType: 'ORDER', id: order.id, ref: order.ref }, 'items');
  const currency = items.map((item) => text(item['currency'])).find((c) => c !== undefined);
  if (currency === undefined) throw new IllegalArgumentException(`${ruleName}: order "${order.ref ?? order.id}" has no item with a currency.`);
  return currency;
}

/** A unique credit memo ref: `<prefix>-CM<n>`, n one more than the memos of that prefix so far. */
export function creditMemoRef(read: DomainReader, prefix: string): string {
  let n = 1;
  while (read.find({ entityType: 'CREDIT_MEMO', ref: `${prefix}-CM${n}` })) n += 1;
  return `${prefix}-CM${n}`;
}
