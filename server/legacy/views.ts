/**
 * Stored records → the bodies the legacy v4.1 entity endpoints answer. Names documented on
 * Fluent's Order, Order Item and Fulfilment API pages are used (`orderId`, `orderRef`,
 * `skuRef`, `requestedQty`, `fulfilmentId`, `fulfilmentRef`, `fulfilmentType`, …); everything
 * else keeps its GraphQL name (docs/legacy-rest.md lists which is which).
 */
import type { Account } from '../account.js';
import { isLinkRef, type EntityRecord } from '../domain/store/store.js';

type Body = Record<string, unknown>;

const INTERNAL = new Set(['__typename']);

/** A record's own values; links become `{id}` or, for `inline` fields, the linked record's values. */
export function plain(account: Account, record: EntityRecord | undefined, inline: readonly string[] = []): Body | null {
  if (!record) return null;
  const out: Body = {};
  for (const [key, value] of Object.entries(record)) {
    if (INTERNAL.has(key)) continue;
    if (isLinkRef(value)) out[key] = inline.includes(key) ? plain(account, account.store.resolve(value)) : { id: value.id };
    else if (Array.isArray(value) && value.some(isLinkRef)) continue;
    else out[key] = value;
  }
  return out;
}

function linked(account: Account, record: EntityRecord, field: string): EntityRecord | undefined {
  const value = record[field];
  return isLinkRef(value) ? account.store.resolve(value) : undefined;
}

function children(account: Account, record: EntityRecord, field: string): EntityRecord[] {
  const value = record[field];
  return Array.isArray(value) ? value.filter(isLinkRef).flatMap((link) => account.store.resolve(link) ?? []) : [];
}

export function retailerIdOf(record: EntityRecord): string | undefined {
  const retailer = record['retailer'];
  return isLinkRef(retailer) ? retailer.id : undefined;
}

export function toLegacyOrder(account: Account, order: EntityRecord): Body {
  const customer = linked(account, order, 'customer');
  return {
    orderId: order.id,
    orderRef: order['ref'],
    type: order['type'],
    status: order['status'],
    retailerId: retailerIdOf(order) ?? null,
    createdOn: order['createdOn'],
    updatedOn: order['updatedOn'],
    totalPrice: order['totalPrice'] ?? null,
    totalTaxPrice: order['totalTaxPrice'] ?? null,
    workflowRef: order['workflowRef'],
    workflowVersion: order['workflowVersion'],
    attributes: order['attributes'] ?? [],
    customer: customer
      ? {
          customerId: customer.id,
          customerRef: customer['ref'],
          firstName: customer['firstName'] ?? null,
          lastName: customer['lastName'] ?? null,
          email: customer['primaryEmail'] ?? null,
          mobile: customer['primaryPhone'] ?? null,
        }
      : null,
    items: children(account, order, 'items').map((item) => toLegacyOrderItem(account, item)),
    fulfilmentChoice: plain(account, linked(account, order, 'fulfilmentChoice'), ['deliveryAddress']),
    billingAddress: plain(account, linked(account, order, 'billingAddress')),
  };
}

function toLegacyOrderItem(account: Account, item: EntityRecord): Body {
  return {
    id: item.id,
    ref: item['ref'],
    skuRef: item['productRef'],
    productId: linked(account, item, 'product')?.id ?? null,
    requestedQty: item['quantity'],
    skuPrice: item['price'] ?? null,
    skuTaxPrice: item['taxPrice'] ?? null,
    totalPrice: item['totalPrice'] ?? null,
    taxType: item['taxType'] ?? null,
    currency: item['currency'] ?? null,
    status: item['status'] ?? null,
  };
}

export function toLegacyFulfilment(account: Account, fulfilment: EntityRecord): Body {
  const order = linked(account, fulfilment, 'order');
  return {
    fulfilmentId: fulfilment.id,
    fulfilmentRef: fulfilment['ref'],
    orderId: order?.id ?? null,
    orderRef: order?.['ref'] ?? null,
    fulfilmentType: fulfilment['type'],
    status: fulfilment['status'],
    deliveryType: fulfilment['deliveryType'] ?? null,
    eta: fulfilment['eta'] ?? null,
    expiryTime: fulfilment['expiryTime'] ?? null,
    createdOn: fulfilment['createdOn'],
    updatedOn: fulfilment['updatedOn'],
    fromAddress: plain(account, linked(account, fulfilment, 'fromAddress')),
    toAddress: plain(account, linked(account, fulfilment, 'toAddress')),
    items: children(account, fulfilment, 'items').map((item) => ({
      id: item.id,
      ref: item['ref'],
      skuRef: linked(account, item, 'orderItem')?.['productRef'] ?? null,
      requestedQuantity: item['requestedQuantity'] ?? null,
      filledQuantity: item['filledQuantity'] ?? null,
      rejectedQuantity: item['rejectedQuantity'] ?? null,
      status: item['status'] ?? null,
    })),
  };
}

export function toLegacyLocation(account: Account, location: EntityRecord): Body {
  return {
    locationId: location.id,
    locationRef: location['ref'],
    ...plain(account, location, ['primaryAddress']),
    retailerId: retailerIdOf(location) ?? null,
  };
}

/**
 * A fulfilment option as the Fulfillment Options API page names it: `id`, `status`, `limit`,
 * `count` and `total` of plans, `orderType`, `locationRef`, `plans`. Plans are the
 * `FulfilmentPlan`s the option's workflow created (none unless a loaded workflow creates them).
 */
export function toLegacyFulfilmentOptions(account: Account, option: EntityRecord, limit: number | undefined): Body {
  const plans = account.store.linkedFrom({ __link: 'FulfilmentOption', id: option.id }, 'FulfilmentPlan');
  const shown = limit === undefined ? plans : plans.slice(0, limit);
  return {
    id: option.id,
    ref: option['ref'],
    type: option['type'],
    status: option['status'],
    retailerId: option['retailerId'],
    orderType: option['orderType'] ?? null,
    locationRef: option['locationRef'] ?? null,
    limit: limit ?? null,
    count: shown.length,
    total: plans.length,
    createdOn: option['createdOn'],
    plans: shown.map((plan) => plain(account, plan)),
  };
}

/** A return order: `returnId`, `returnRef`, `retailerId` as the Return API names them, then its GraphQL fields. */
export function toLegacyReturn(account: Account, returnOrder: EntityRecord): Body {
  return {
    returnId: returnOrder.id,
    returnRef: returnOrder['ref'],
    retailerId: retailerIdOf(returnOrder) ?? null,
    ...plain(account, returnOrder),
    returnOrderItems: children(account, returnOrder, 'returnOrderItems').map((item) => plain(account, item)),
  };
}

/**
 * An order transaction as the Transaction Order API page names it: `orderId`, `transactionId`,
 * `transactionRef`, `transactionType`, `amount`, `currency`, `paymentMethod`, `cardType`,
 * `paymentProvider`; GraphQL names for the rest.
 */
export function toLegacyTransaction(account: Account, transaction: EntityRecord): Body {
  return {
    orderId: linked(account, transaction, 'order')?.id ?? null,
    transactionId: transaction.id,
    transactionRef: transaction['ref'] ?? null,
    transactionType: transaction['type'],
    amount: transaction['total'] ?? null,
    currency: transaction['currency'] ?? null,
    paymentMethod: transaction['paymentMethod'] ?? null,
    cardType: transaction['cardType'] ?? null,
    paymentProvider: transaction['paymentProviderName'] ?? null,
    status: transaction['status'] ?? null,
    externalTransactionCode: transaction['externalTransactionCode'] ?? null,
    externalTransactionId: transaction['externalTransactionId'] ?? null,
    createdOn: transaction['createdOn'],
    updatedOn: transaction['updatedOn'],
    attributes: transaction['attributes'] ?? [],
  };
}

/**
 * A consignment as the Consignment API page names it: `consignmentId`, `carrierId`,
 * `carrierName`, `consignmentRef` (the carrier's reference, GraphQL `consignmentReference`),
 * `labelUrl`, `status`; GraphQL names for the rest, with the articles it carries.
 */
export function toLegacyConsignment(account: Account, consignment: EntityRecord): Body {
  const carrier = linked(account, consignment, 'carrier');
  const articles = children(account, consignment, 'consignmentArticles').flatMap((link) => linked(account, link, 'article') ?? []);
  return {
    consignmentId: consignment.id,
    carrierId: carrier?.id ?? null,
    carrierName: carrier?.['name'] ?? null,
    consignmentRef: consignment['consignmentReference'] ?? null,
    labelUrl: consignment['labelUrl'] ?? null,
    status: consignment['status'] ?? null,
    ref: consignment['ref'] ?? null,
    trackingLabel: consignment['trackingLabel'] ?? null,
    orderSummaryUrl: consignment['orderSummaryUrl'] ?? null,
    retailerId: retailerIdOf(consignment) ?? null,
    createdOn: consignment['createdOn'],
    updatedOn: consignment['updatedOn'],
    attributes: consignment['attributes'] ?? [],
    articles: articles.map((article) => ({ articleId: article.id, articleRef: article['ref'] ?? null, status: article['status'] ?? null })),
  };
}
