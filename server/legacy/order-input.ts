/**
 * `POST /api/v4.1/order` body (Fluent's "Order API" page, docs.fluentcommerce.com/essential-
 * knowledge/order-api, and its "Order Item API" page) → the `CreateOrderInput` of the GraphQL
 * `createOrder` mutation, so the order is created by the same domain code (one domain, two
 * façades). Documented fields: `orderRef`, `type`, `retailerId`, `customer` (`customerId` or
 * `customerRef`), `items[]` (`skuRef`, `requestedQty`, `skuPrice`, `skuTaxPrice`, `totalPrice`,
 * `taxType`, `currency`), `totalPrice`. Where the page gives no shape (`fulfilmentChoice`, `billingAddress`,
 * `attributes`, an item's own ref) the GraphQL input's names are kept (docs/legacy-rest.md).
 */
import { z } from 'zod';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { idText, parseBody } from './parse-body.js';

const id = z.union([z.string(), z.number()], { error: 'expected a string or a number' }).transform(idText);
const money = z.number({ error: 'expected a number' }).nullish();
const attributes = z
  .array(z.looseObject({ name: z.string(), type: z.string(), value: z.unknown() }), { error: 'expected a list of {name, type, value}' })
  .nullish();

const orderSchema = z.object({
  orderRef: z.string({ error: 'expected a string' }),
  type: z.string({ error: 'expected a string' }),
  retailerId: id,
  customer: z.object({ customerId: id.nullish(), customerRef: z.string().nullish() }, { error: 'expected an object' }),
  items: z
    .array(
      z.object({
        ref: z.string().nullish(),
        skuRef: z.string({ error: 'expected a string' }),
        requestedQty: z.coerce.number().int('expected a whole number').positive('expected a quantity above 0'),
        skuPrice: money,
        skuTaxPrice: money,
        totalPrice: money,
        totalTaxPrice: money,
        taxType: z.string().nullish(),
        currency: z.string().nullish(),
        catalogueRef: z.string().nullish(),
        attributes,
      }),
      { error: 'expected a list of items' },
    )
    .min(1, 'an order needs at least one item'),
  fulfilmentChoice: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
  billingAddress: z.record(z.string(), z.unknown(), { error: 'expected an object' }).nullish(),
  totalPrice: money,
  totalTaxPrice: money,
  attributes,
});

export type LegacyOrder = z.output<typeof orderSchema>;

const REQUIRED = ['orderRef', 'type', 'retailerId', 'customer', 'items'] as const;
const EXAMPLE = '{"orderRef": "…", "type": "HD", "retailerId": "1", "customer": {"customerId": "1"}, "items": [{"skuRef": "…", "requestedQty": 1}]}';

export function parseLegacyOrder(body: unknown): LegacyOrder {
  return parseBody(body, orderSchema, REQUIRED, EXAMPLE);
}

/** The `createOrder` input; the customer must exist (by id, or by ref = its username). */
export function toCreateOrderInput(account: Account, order: LegacyOrder): Record<string, unknown> {
  const input: Record<string, unknown> = {
    ref: order.orderRef,
    type: order.type,
    retailer: { id: order.retailerId },
    customer: { id: customerIdOf(account, order.customer) },
    items: order.items.map((item, index) =>
      compact({
        // The page gives items no ref of their own [inferred]: "{orderRef}-{line number}".
        ref: item.ref ?? `${order.orderRef}-${index + 1}`,
        productRef: item.skuRef,
        productCatalogueRef: item.catalogueRef,
        quantity: item.requestedQty,
        price: item.skuPrice,
        taxPrice: item.skuTaxPrice,
        totalPrice: item.totalPrice,
        totalTaxPrice: item.totalTaxPrice,
        taxType: item.taxType,
        currency: item.currency,
        attributes: item.attributes,
      }),
    ),
  };
  return compact({
    ...input,
    totalPrice: order.totalPrice,
    totalTaxPrice: order.totalTaxPrice,
    attributes: order.attributes,
    fulfilmentChoice: order.fulfilmentChoice,
    billingAddress: order.billingAddress,
  });
}

function customerIdOf(account: Account, customer: LegacyOrder['customer']): string {
  if (customer.customerId) return customer.customerId;
  if (!customer.customerRef) throw new SimError('REQUIRED_FIELD_MISSING', "'customer.customerId' or 'customer.customerRef' is required");
  const found = account.entities.findByKey(account.view, 'Customer', { ref: customer.customerRef });
  if (!found)
    throw new SimError(
      'ENTITY_NOT_FOUND',
      `No customer with customerRef "${customer.customerRef}": create it first (GraphQL createCustomer); the simulator does not create customers from an order`,
    );
  return found.id;
}

function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));
}
