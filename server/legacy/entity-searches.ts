/**
 * The paged searches of the legacy v4.1 entity endpoints (`GET /api/v4.1/{order|fulfilment|
 * location|return|consignment}`) and an order's transactions. Every search takes `retailerId`,
 * `start` and `count` (the Location API page's parameters, `legacy-search.ts`); the filters beyond
 * the Location API's `agentStatuses` are not in the published excerpts and are [inferred]: they
 * take the names the entity's own API page gives its fields (`status`, `fulfilmentType`,
 * `orderId`, …), and `from`/`to` bound `createdOn` as on the Event API (docs/legacy-rest.md).
 */
import type { Request } from 'express';
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { isLinkRef, type EntityRecord } from '../domain/store/store.js';
import type { AuthUser } from '../graphql/context.js';
import { findForUser } from './legacy-entities.js';
import { searchRecords, type SearchPage } from './legacy-search.js';
import { allOf, createdOnFilter, valueFilter } from './search-filters.js';
import { retailerIdOf, toLegacyConsignment, toLegacyFulfilment, toLegacyLocation, toLegacyOrder, toLegacyReturn, toLegacyTransaction } from './views.js';

type Query = Request['query'];
type Body = Record<string, unknown>;

const linkId = (value: unknown): string | undefined => (isLinkRef(value) ? value.id : undefined);

function linkedRecord(account: Account, record: EntityRecord, field: string): EntityRecord | undefined {
  const value = record[field];
  return isLinkRef(value) ? account.store.resolve(value) : undefined;
}

/** `GET /api/v4.1/order`: `status`, `type`, `from`, `to` [inferred]. */
export function searchLegacyOrders(account: Account, user: AuthUser, query: Query): SearchPage<Body> {
  const keep = allOf([valueFilter(query, 'status', (o) => o['status']), valueFilter(query, 'type', (o) => o['type']), createdOnFilter(query)]);
  return searchRecords(account, user, query, { typename: 'Order', keep }, (order) => toLegacyOrder(account, order));
}

/**
 * `GET /api/v4.1/fulfilment`: `status`, `fulfilmentType`, `deliveryType`, `orderId`, `orderRef`,
 * `from`, `to` [inferred]. A fulfilment belongs to its order's retailer.
 */
export function searchLegacyFulfilments(account: Account, user: AuthUser, query: Query): SearchPage<Body> {
  const orderOf = (fulfilment: EntityRecord): EntityRecord | undefined => linkedRecord(account, fulfilment, 'order');
  const keep = allOf([
    valueFilter(query, 'status', (f) => f['status']),
    valueFilter(query, 'fulfilmentType', (f) => f['type']),
    valueFilter(query, 'deliveryType', (f) => f['deliveryType']),
    valueFilter(query, 'orderId', (f) => linkId(f['order'])),
    valueFilter(query, 'orderRef', (f) => orderOf(f)?.['ref']),
    createdOnFilter(query),
  ]);
  const owner = (fulfilment: EntityRecord): string | undefined => {
    const order = orderOf(fulfilment);
    return order ? retailerIdOf(order) : undefined;
  };
  return searchRecords(account, user, query, { typename: 'Fulfilment', keep, owner }, (fulfilment) => toLegacyFulfilment(account, fulfilment));
}

/** `GET /api/v4.1/location`: `agentStatuses` (Location API page). */
export function searchLegacyLocations(account: Account, user: AuthUser, query: Query): SearchPage<Body> {
  const keep = valueFilter(query, 'agentStatuses', (location) => location['status']);
  return searchRecords(account, user, query, { typename: 'Location', keep }, (location) => toLegacyLocation(account, location));
}

/** `GET /api/v4.1/return`: `status`, `type`, `orderId`, `from`, `to` [inferred]. */
export function searchLegacyReturns(account: Account, user: AuthUser, query: Query): SearchPage<Body> {
  const keep = allOf([
    valueFilter(query, 'status', (r) => r['status']),
    valueFilter(query, 'type', (r) => r['type']),
    valueFilter(query, 'orderId', (r) => linkId(r['order'])),
    createdOnFilter(query),
  ]);
  return searchRecords(account, user, query, { typename: 'ReturnOrder', keep }, (returnOrder) => toLegacyReturn(account, returnOrder));
}

/** `GET /api/v4.1/consignment`: `status`, `carrierId`, `from`, `to` [inferred]. */
export function searchLegacyConsignments(account: Account, user: AuthUser, query: Query): SearchPage<Body> {
  const keep = allOf([valueFilter(query, 'status', (c) => c['status']), valueFilter(query, 'carrierId', (c) => linkId(c['carrier'])), createdOnFilter(query)]);
  return searchRecords(account, user, query, { typename: 'Consignment', keep }, (consignment) => toLegacyConsignment(account, consignment));
}

/** `GET /api/v4.1/order/{orderId}/transaction`: the order's transactions, oldest first [inferred]. */
export function listLegacyTransactions(account: Account, user: AuthUser, orderId: string): SearchPage<Body> {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  const results = account.store
    .linkedFrom({ __link: 'Order', id: order.id }, 'FinancialTransaction')
    .filter((transaction) => linkId(transaction['order']) === order.id)
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((transaction) => toLegacyTransaction(account, transaction));
  return { start: 0, count: results.length, total: results.length, results };
}

/** `GET /api/v4.1/order/{orderId}/transaction/{transactionId}`: one of the order's transactions. */
export function findLegacyTransaction(account: Account, user: AuthUser, orderId: string, transactionId: string): Body {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  const transaction = transactionOf(account, order, transactionId);
  return toLegacyTransaction(account, transaction);
}

/** A transaction of the order, or the 404 a transaction of another order gets too. */
export function transactionOf(account: Account, order: EntityRecord, transactionId: string): EntityRecord {
  const transaction = /^\d+$/.test(transactionId) ? account.store.get('FinancialTransaction', transactionId) : undefined;
  if (!transaction || linkId(transaction['order']) !== order.id) {
    throw new SimError('NOT_FOUND', `Transaction ${transactionId} not found on order ${order.id}`);
  }
  return transaction;
}
