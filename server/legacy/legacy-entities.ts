/**
 * The legacy v4.1 entity operations, transport-free: each write runs the GraphQL mutation of the
 * same name in process (`runMutation`, the path the resolvers, seeds and the engine use), so a
 * REST-created order is validated, stored and orchestrated (its CREATE event) exactly as a
 * `createOrder` over GraphQL. Reads go to the same store.
 */
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import { propertyOf } from '../lib/guards.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { AuthUser } from '../graphql/context.js';
import { runLegacyMutation } from './run-legacy-mutation.js';
import { parseLegacyFulfilmentOptions, toCreateFulfilmentOptionInput } from './fulfilment-options-input.js';
import { parseLegacyOrder, toCreateOrderInput } from './order-input.js';
import { assertRetailerAccess } from './retailer-access.js';
import { parseLegacyReturn, toCreateReturnOrderInput } from './return-input.js';
import { toCreateFinancialTransactionInput } from './transaction-input.js';
import { retailerIdOf, toLegacyFulfilmentOptions } from './views.js';

/** `POST /api/v4.1/order` → `{id}` of the new order [inferred answer]. */
export function createLegacyOrder(account: Account, user: AuthUser, body: unknown): { id: string } {
  const order = parseLegacyOrder(body);
  assertRetailerAccess(account, user, order.retailerId);
  const created = runLegacyMutation(account, 'createOrder', { input: toCreateOrderInput(account, order) }, user.username);
  return { id: created.id };
}

/** `POST /api/v4.1/order/{orderId}/transaction` → `{id}` of the new transaction [inferred answer]. */
export function createLegacyTransaction(account: Account, user: AuthUser, orderId: string, body: unknown): { id: string } {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  const input = toCreateFinancialTransactionInput(order.id, body);
  const created = runLegacyMutation(account, 'createFinancialTransaction', { input }, user.username);
  return { id: created.id };
}

/** `POST /api/v4.1/fulfilmentOptions` → the option with the plans its workflow produced. */
export function createLegacyFulfilmentOptions(account: Account, user: AuthUser, body: unknown): Record<string, unknown> {
  const options = parseLegacyFulfilmentOptions(body);
  assertRetailerAccess(account, user, options.retailerId);
  const input = toCreateFulfilmentOptionInput(options, account.ids.uuid());
  const created = runLegacyMutation(account, 'createFulfilmentOption', { input, executionMode: 'AWAIT_ORCHESTRATION' }, user.username);
  return toLegacyFulfilmentOptions(account, account.store.get('FulfilmentOption', created.id) ?? created, options.limit ?? undefined);
}

/** `POST /api/v4.1/return` → `{id}` of the new return order [inferred answer]. */
export function createLegacyReturn(account: Account, user: AuthUser, body: unknown): { id: string } {
  const legacy = parseLegacyReturn(body);
  assertRetailerAccess(account, user, legacy.retailerId);
  const created = runLegacyMutation(account, 'createReturnOrder', { input: toCreateReturnOrderInput(account, legacy) }, user.username);
  return { id: created.id };
}

/**
 * One record by id for a legacy GET: 404 when unknown (body [inferred]), 403 when it belongs
 * to a retailer the user has no role for.
 */
export function findForUser(account: Account, user: AuthUser, typename: string, id: string, label: string): EntityRecord {
  const record = /^\d+$/.test(id) ? account.store.get(typename, id) : undefined;
  if (!record) throw new SimError('NOT_FOUND', `${label} ${id} not found`);
  const owner = ownerOf(account, record);
  if (owner !== undefined) assertRetailerAccess(account, user, owner);
  return record;
}

/** The retailer a record belongs to: its `retailer` link, its plain `retailerId` (a fulfilment option), or its order's. */
function ownerOf(account: Account, record: EntityRecord): string | undefined {
  const plainId = record['retailerId'];
  if (typeof plainId === 'number' || typeof plainId === 'string') return retailerIdOf(record) ?? String(plainId);
  const order = orderOf(account, record);
  return retailerIdOf(record) ?? (order ? retailerIdOf(order) : undefined);
}

function orderOf(account: Account, record: EntityRecord): EntityRecord | undefined {
  const order = record['order'];
  const id = propertyOf(order, 'id');
  return id === undefined ? undefined : account.store.get('Order', String(id));
}
