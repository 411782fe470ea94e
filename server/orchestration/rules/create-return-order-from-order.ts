/**
 * `order.CreateReturnOrderFromOrder` (Order Reference Module): creates a RETURN_ORDER for items of
 * the order through `createReturnOrder` (workflow-contracts.md §9.1, H;
 * https://docs.fluentcommerce.com/building-blocks/createreturnorderfromorder). Attributes:
 * `returnItems` and `type` required; `ref`, `pickupLocation`, `lodgedLocation`,
 * `destinationLocation`, `returnAuthorisationKey`, `returnAuthorisationKeyExpiry`,
 * `returnAuthorisationDisposition`, `returnVerifications`, `currency`, `taxType`,
 * `subTotalAmount`, `totalTax`, `totalAmount` optional. Settings DEFAULT_TAX_TYPE and
 * DEFAULT_RETURN_DESTINATION_LOCATION are required (a 422 in Fluent when missing).
 *
 * The quantities are checked by ValidateReturnQty and the order items' returnable quantities
 * updated by UpdateOrderItemAttribute, run around it in the same ruleset.
 *
 * [inferred] (the item shape and defaults are not retrievable): the item shape of
 * support/return-items.ts; `ref` names the return order (default `<order ref>-RET<n>`); amounts
 * default to the items' price × quantity with the tariff's tax included.
 */
import { z } from 'zod';
import type { DomainReader, EntityView } from '../port.js';
import { defineRule } from '../port.js';
import { customerOf, defaultTaxType, includedTax, orderCurrency, roundMoney, type TaxType, taxRate } from './support/billing.js';
import { IllegalArgumentException, parseAttributes } from './support/event-attributes.js';
import { walk } from './support/json-path.js';
import { orderOf } from './support/order-of.js';
import { currentLines, type OrderLine } from './support/order-lines.js';
import { lineFor, type ReturnItem, returnItemsOf, valueLabel } from './support/return-items.js';

const NAME = 'order.CreateReturnOrderFromOrder';
const text = z.string().trim().min(1);
const amount = z.object({ amount: z.coerce.number() });

const verification = z.object({ ref: text, type: text, verificationDetails: text });
const attributes = z.object({
  type: text,
  ref: text.nullish(),
  pickupLocation: z.record(z.string(), z.unknown()).nullish(),
  lodgedLocation: text.nullish(),
  destinationLocation: text.nullish(),
  returnAuthorisationKey: z.string().nullish(),
  returnAuthorisationKeyExpiry: z.string().nullish(),
  returnAuthorisationDisposition: valueLabel.nullish(),
  returnVerifications: z.union([verification, z.array(verification)]).nullish(),
  currency: z.object({ alphabeticCode: text }).nullish(),
  taxType: z.object({ country: text, group: text, tariff: text }).nullish(),
  subTotalAmount: amount.nullish(),
  totalTax: amount.nullish(),
  totalAmount: amount.nullish(),
});

const ADDRESS_FIELDS = ['companyName', 'name', 'street', 'city', 'state', 'postcode', 'region', 'country', 'latitude', 'longitude', 'timeZone'];

function returnRef(read: DomainReader, order: Readonly<EntityView>): string {
  let n = 1;
  while (read.find({ entityType: 'RETURN_ORDER', ref: `${order.ref ?? order.id}-RET${n}` })) n += 1;
  return `${order.ref ?? order.id}-RET${n}`;
}

function catalogueOf(read: DomainReader, line: OrderLine): string {
  const ref = line.productCatalogueRef ?? walk(read.find({ entityType: 'PRODUCT', ref: line.productRef })?.fields['catalogue'], ['ref']);
  if (typeof ref !== 'string') throw new IllegalArgumentException(`${NAME}: product "${line.productRef}" is in no product catalogue.`);
  return ref;
}

/** The createReturnOrder items, priced from their order items (quantities are ValidateReturnQty's job). */
function returnOrderItems(input: { read: DomainReader; order: Readonly<EntityView>; ref: string; returnItems: ReturnItem[]; taxType: TaxType; rate: number }) {
  const { read, order, ref, taxType, rate } = input;
  const lines = currentLines(read, order);
  const retailer = { id: order.retailerId ?? '1' };
  return input.returnItems.map((item, i) => {
    const line = lineFor(lines, item, order, NAME);
    const itemAmount = roundMoney((line.price ?? 0) * item.quantity);
    const { quantity: _q, orderItemRef: _o, productRef: _p, ref: itemRef, type, ...reasons } = item;
    return {
      ref: itemRef ?? `${ref}-${i + 1}`,
      type: type ?? 'DEFAULT',
      product: { ref: line.productRef, catalogue: { ref: catalogueOf(read, line) } },
      orderItem: { ref: line.ref, order: { ref: order.ref, retailer } },
      ...Object.fromEntries(Object.entries(reasons).filter(([, v]) => v !== undefined && v !== null)),
      unitQuantity: { quantity: item.quantity },
      unitAmount: { amount: line.price ?? 0 },
      unitTaxType: taxType,
      itemAmount: { amount: itemAmount },
      itemTaxAmount: { amount: includedTax(itemAmount, rate) },
    };
  });
}

export const createReturnOrderFromOrder = defineRule({
  name: NAME,
  aliases: ['commonv2.CreateReturnOrderFromOrder'],
  inferred: 'return item shape; ref and amount defaults',
  description: 'Creates a return order (createReturnOrder) for the event attribute returnItems of the order.',
  props: z.looseObject({}).nullish(),
  run: ({ event, entity, read }) => {
    const order = orderOf(entity, read, NAME);
    const returnItems = returnItemsOf(event, NAME);
    const a = parseAttributes(event, attributes, NAME);
    const taxType = a.taxType ?? defaultTaxType(read, order.retailerId, NAME);
    const destination = a.destinationLocation ?? read.setting('DEFAULT_RETURN_DESTINATION_LOCATION', order.retailerId)?.value ?? undefined;
    if (!destination) throw new IllegalArgumentException(`${NAME}: setting DEFAULT_RETURN_DESTINATION_LOCATION is missing; create it (a location ref).`);
    const ref = a.ref ?? returnRef(read, order);
    const retailer = { id: order.retailerId ?? '1' };
    const items = returnOrderItems({ read, order, ref, returnItems, taxType, rate: taxRate(read, order.retailerId, taxType.tariff) });
    const total = a.totalAmount?.amount ?? roundMoney(items.reduce((sum, item) => sum + item.itemAmount.amount, 0));
    const tax = a.totalTax?.amount ?? roundMoney(items.reduce((sum, item) => sum + item.itemTaxAmount.amount, 0));
    const verifications = a.returnVerifications ? [a.returnVerifications].flat() : undefined;
    const pickup = a.pickupLocation
      ? Object.fromEntries(ADDRESS_FIELDS.filter((f) => a.pickupLocation?.[f] != null).map((f) => [f, a.pickupLocation?.[f]]))
      : undefined;
    const input = {
      ref,
      type: a.type,
      retailer,
      customer: { ref: customerOf(order, NAME).ref },
      order: { ref: order.ref, retailer },
      ...(verifications ? { returnVerifications: verifications } : {}),
      ...(a.returnAuthorisationKey ? { returnAuthorisationKey: a.returnAuthorisationKey } : {}),
      ...(a.returnAuthorisationKeyExpiry ? { returnAuthorisationKeyExpiry: a.returnAuthorisationKeyExpiry } : {}),
      ...(a.returnAuthorisationDisposition ? { returnAuthorisationDisposition: a.returnAuthorisationDisposition } : {}),
      ...(pickup ? { pickupAddress: pickup } : {}),
      ...(a.lodgedLocation ? { lodgedLocation: { ref: a.lodgedLocation } } : {}),
      destinationLocation: { ref: destination },
      returnOrderItems: items,
      currency: { alphabeticCode: a.currency?.alphabeticCode ?? orderCurrency(read, order, NAME) },
      defaultTaxType: taxType,
      subTotalAmount: { amount: a.subTotalAmount?.amount ?? roundMoney(total - tax) },
      totalTax: { amount: tax },
      totalAmount: { amount: total },
    };
    return [{ type: 'mutate', mutation: 'createReturnOrder', input }];
  },
});
