/**
 * The legacy v4.1 writes after create: `PUT` of an order, fulfilment, location, return or
 * consignment, an order transaction, and an order's attributes. Fluent's Order API page lists
 * `PUT` and the paths `/order/{orderId}`, `/order/{orderId}/attribute` and
 * `/order/{orderId}/cancel`; the Location API lists `PUT`; the Fulfilment, Return, Consignment
 * and Transaction Order API pages say their objects "can be updated". The bodies are not in the
 * published excerpts, so they are [inferred] (docs/legacy-rest.md): a PUT body is the entity as
 * its GET answers it, with the fields to change. Each runs the GraphQL update mutation of the
 * entity in process (`updateOrder`, …), which raises no event, as over GraphQL.
 *
 * A field that cannot be updated over REST may still be sent unchanged (a client that GETs,
 * edits and PUTs the whole body); sent with another value it is a 400 naming it, so a client
 * expecting a change that does not happen hears about it [simulator choice].
 */
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { EntityRecord } from '../domain/store/store.js';
import type { AuthUser } from '../graphql/context.js';
import { isObject } from '../lib/is-object.js';
import { transactionOf } from './entity-searches.js';
import { findForUser } from './legacy-entities.js';
import { ORDER_NESTED } from './order-update.js';
import { runLegacyMutation, runLegacySteps, type LegacyStep } from './run-legacy-mutation.js';
import { sameValue, type NestedField } from './update-fields.js';
import { retailerIdOf, toLegacyConsignment, toLegacyFulfilment, toLegacyLocation, toLegacyOrder, toLegacyReturn, toLegacyTransaction } from './views.js';

type Body = Record<string, unknown>;

export type UpdateSpec = {
  typename: string;
  /** The entity's name in paths and messages. */
  label: string;
  mutation: string;
  /** Legacy body field → the update input's field. */
  updatable: Readonly<Record<string, string>>;
  /** Fields of related records changed along (an order's items and addresses): see `update-fields.ts`. */
  nested?: Readonly<Record<string, NestedField>>;
  /** The GET answer (what a PUT body may repeat unchanged). */
  view(account: Account, record: EntityRecord): Body;
  /** The fields that name the record in the update input. */
  key(record: EntityRecord): Body;
};

const byId = (record: EntityRecord): Body => ({ id: record.id });

const ORDER: UpdateSpec = {
  typename: 'Order',
  label: 'Order',
  mutation: 'updateOrder',
  updatable: { status: 'status', attributes: 'attributes', totalPrice: 'totalPrice', totalTaxPrice: 'totalTaxPrice' },
  nested: ORDER_NESTED,
  view: toLegacyOrder,
  key: byId,
};

const FULFILMENT: UpdateSpec = {
  typename: 'Fulfilment',
  label: 'Fulfilment',
  mutation: 'updateFulfilment',
  updatable: { status: 'status', attributes: 'attributes', fulfilmentType: 'type', deliveryType: 'deliveryType', eta: 'eta', expiryTime: 'expiryTime' },
  view: toLegacyFulfilment,
  key: byId,
};

const LOCATION: UpdateSpec = {
  typename: 'Location',
  label: 'Location',
  mutation: 'updateLocation',
  updatable: {
    status: 'status',
    attributes: 'attributes',
    name: 'name',
    type: 'type',
    supportPhoneNumber: 'supportPhoneNumber',
    defaultCarrier: 'defaultCarrier',
  },
  view: toLegacyLocation,
  key: byId,
};

const RETURN: UpdateSpec = {
  typename: 'ReturnOrder',
  label: 'Return',
  mutation: 'updateReturnOrder',
  updatable: { status: 'status', attributes: 'attributes' },
  view: toLegacyReturn,
  // UpdateReturnOrderInput names the return by ref and retailer, not id.
  key: (record) => ({ ref: record['ref'], retailer: { id: retailerIdOf(record) } }),
};

/** The Consignment API reads and updates a consignment's status; the carrier's reference and label here too. */
const CONSIGNMENT: UpdateSpec = {
  typename: 'Consignment',
  label: 'Consignment',
  mutation: 'updateConsignment',
  updatable: {
    status: 'status',
    consignmentRef: 'consignmentReference',
    labelUrl: 'labelUrl',
    trackingLabel: 'trackingLabel',
    orderSummaryUrl: 'orderSummaryUrl',
  },
  view: toLegacyConsignment,
  key: byId,
};

/** `UpdateFinancialTransactionInput` has `id` and `status` only. */
export const TRANSACTION: UpdateSpec = {
  typename: 'FinancialTransaction',
  label: 'Transaction',
  mutation: 'updateFinancialTransaction',
  updatable: { status: 'status' },
  view: toLegacyTransaction,
  key: byId,
};

export const LEGACY_UPDATES = { order: ORDER, fulfilment: FULFILMENT, location: LOCATION, return: RETURN, consignment: CONSIGNMENT } as const;

/** The steps of a PUT body: the entity's update (renamed updatable fields), then its nested ones. */
function updateSteps(account: Account, spec: UpdateSpec, record: EntityRecord, body: unknown): LegacyStep[] {
  if (!isObject(body)) {
    throw new SimError('VALIDATION_FAILED', `The request body must be a JSON object: the fields of the ${spec.label.toLowerCase()} to change`);
  }
  const shown = spec.view(account, record);
  const input: Body = { ...spec.key(record) };
  const steps: LegacyStep[] = [{ mutation: spec.mutation, input }];
  for (const [field, value] of Object.entries(body)) {
    const target = spec.updatable[field];
    const nested = spec.nested?.[field];
    if (target !== undefined) input[target] = value;
    else if (nested !== undefined) steps.push(...nested({ account, record, shown: shown[field], sent: value, input, path: field }));
    else if (!Object.hasOwn(shown, field) || !sameValue(shown[field], value)) {
      const allowed = [...Object.keys(spec.updatable), ...Object.keys(spec.nested ?? {})].join(', ');
      throw new SimError('VALIDATION_FAILED', `'${field}' cannot be updated over the ${spec.label} API; send only ${allowed} (use GraphQL for the rest)`);
    }
  }
  return steps;
}

function updateRecord(account: Account, user: AuthUser, spec: UpdateSpec, record: EntityRecord, body: unknown): { id: string } {
  runLegacySteps(account, updateSteps(account, spec, record, body), user.username);
  return { id: record.id };
}

/** `PUT /api/v4.1/{order|fulfilment|location|return|consignment}/{id}` → `{id}` [inferred answer]. */
export function updateLegacyEntity(account: Account, user: AuthUser, spec: UpdateSpec, id: string, body: unknown): { id: string } {
  return updateRecord(account, user, spec, findForUser(account, user, spec.typename, id, spec.label), body);
}

/** `PUT /api/v4.1/order/{orderId}/transaction/{transactionId}` → `{id}` [inferred]: the status. */
export function updateLegacyTransaction(account: Account, user: AuthUser, orderId: string, transactionId: string, body: unknown): { id: string } {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  return updateRecord(account, user, TRANSACTION, transactionOf(account, order, transactionId), body);
}

/**
 * `PUT` (or `POST`) `/api/v4.1/order/{orderId}/attribute`: adds or replaces attributes by name
 * (`updateOrder`'s upsert). Body: a list of `{name, type, value}` or `{"attributes": [...]}`
 * [inferred]. Answers the order's attributes after the change.
 */
export function setLegacyOrderAttributes(account: Account, user: AuthUser, orderId: string, body: unknown): unknown[] {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  const attributes = Array.isArray(body) ? body : isObject(body) ? body['attributes'] : undefined;
  if (!Array.isArray(attributes)) {
    throw new SimError('VALIDATION_FAILED', 'The request body must be a list of attributes [{"name", "type", "value"}] or {"attributes": [...]}');
  }
  runLegacyMutation(account, 'updateOrder', { input: { id: order.id, attributes } }, user.username);
  const stored = account.store.get('Order', order.id)?.['attributes'];
  return Array.isArray(stored) ? stored : [];
}
