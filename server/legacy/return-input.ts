/**
 * `POST /api/v4.1/return` body → the `CreateReturnOrderInput` of the GraphQL `createReturnOrder`
 * mutation. Fluent's "Return API" page documents the top level — `returnRef`, `orderRef` /
 * `orderId`, `retailerId`, `type` (`CUSTOMER_RETURN`, `CANCELLATION`, `CANNOT_FULFIL`),
 * `customer` (`customerId`, `customerRef`, …) — but not, in the published excerpts, the items
 * or amounts; for those the GraphQL input's own names are taken as they are (`returnOrderItems`,
 * `currency`, `defaultTaxType`, `subTotalAmount`, `totalTax`, `totalAmount`, locations, …), and
 * the domain validates them as it validates the mutation (docs/legacy-rest.md).
 */
import { z } from 'zod';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { idText, parseBody } from './parse-body.js';

const id = z.union([z.string(), z.number()], { error: 'expected a string or a number' }).transform(idText);

const returnSchema = z.looseObject({
  returnRef: z.string({ error: 'expected a string' }),
  retailerId: id,
  type: z.string({ error: 'expected a string' }),
  orderRef: z.string().nullish(),
  orderId: id.nullish(),
  customer: z.object({ customerId: id.nullish(), customerRef: z.string().nullish() }, { error: 'expected an object' }),
});

export type LegacyReturn = z.output<typeof returnSchema>;

/** CreateReturnOrderInput fields a legacy body may carry under their GraphQL names. */
const GRAPHQL_FIELDS = [
  'attributes',
  'returnVerifications',
  'returnAuthorisationKey',
  'returnAuthorisationDisposition',
  'returnAuthorisationKeyExpiry',
  'pickupAddress',
  'lodgedLocation',
  'destinationLocation',
  'returnOrderItems',
  'exchangeOrder',
  'creditMemo',
  'currency',
  'defaultTaxType',
  'subTotalAmount',
  'totalTax',
  'totalAmount',
] as const;

const EXAMPLE =
  '{"returnRef": "…", "retailerId": "1", "type": "CUSTOMER_RETURN", "orderId": "…", "customer": {"customerId": "1"}, "returnOrderItems": [ … ], …}';

export function parseLegacyReturn(body: unknown): LegacyReturn {
  return parseBody(body, returnSchema, ['returnRef', 'retailerId', 'type', 'customer'], EXAMPLE);
}

export function toCreateReturnOrderInput(account: Account, legacy: LegacyReturn): Record<string, unknown> {
  const input: Record<string, unknown> = {
    ref: legacy.returnRef,
    retailer: { id: legacy.retailerId },
    type: legacy.type,
    customer: { ref: customerRefOf(account, legacy.customer) },
  };
  const orderRef = legacy.orderRef ?? (legacy.orderId ? orderRefOf(account, legacy.orderId) : undefined);
  if (orderRef) input['order'] = { ref: orderRef, retailer: { id: legacy.retailerId } };
  for (const field of GRAPHQL_FIELDS) if (legacy[field] != null) input[field] = legacy[field];
  return input;
}

function customerRefOf(account: Account, customer: LegacyReturn['customer']): string {
  if (customer.customerRef) return customer.customerRef;
  const found = customer.customerId ? account.store.get('Customer', customer.customerId) : undefined;
  if (!found)
    throw new SimError(
      'ENTITY_NOT_FOUND',
      customer.customerId ? `No customer with customerId "${customer.customerId}"` : "'customer.customerId' or 'customer.customerRef' is required",
    );
  return String(found['ref']);
}

function orderRefOf(account: Account, orderId: string): string {
  const order = account.store.get('Order', orderId);
  if (!order) throw new SimError('ENTITY_NOT_FOUND', `No order with orderId "${orderId}"`);
  return String(order['ref']);
}
