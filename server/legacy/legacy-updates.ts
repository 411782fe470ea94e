/**
 * The legacy v4.1 writes after create: `PUT` of an order, fulfilment, location or return, and an
 * order's attributes. Fluent's Order API page lists `PUT` and the paths `/order/{orderId}`,
 * `/order/{orderId}/attribute` and `/order/{orderId}/cancel`; the Location API lists `PUT`; the
 * Fulfilment and Return API pages say their objects "can be updated". The bodies are not in the
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
import { findForUser } from './legacy-entities.js';
import { runLegacyMutation } from './run-legacy-mutation.js';
import { retailerIdOf, toLegacyFulfilment, toLegacyLocation, toLegacyOrder, toLegacyReturn } from './views.js';

type Body = Record<string, unknown>;

type UpdateSpec = {
  typename: string;
  /** The entity's name in paths and messages. */
  label: string;
  mutation: string;
  /** Legacy body field → the update input's field. */
  updatable: Readonly<Record<string, string>>;
  /** The GET answer (what a PUT body may repeat unchanged). */
  view(account: Account, record: EntityRecord): Body;
  /** The fields that name the record in the update input. */
  key(record: EntityRecord): Body;
};

const ORDER: UpdateSpec = {
  typename: 'Order',
  label: 'Order',
  mutation: 'updateOrder',
  updatable: { status: 'status', attributes: 'attributes', totalPrice: 'totalPrice', totalTaxPrice: 'totalTaxPrice' },
  view: toLegacyOrder,
  key: (record) => ({ id: record.id }),
};

const FULFILMENT: UpdateSpec = {
  typename: 'Fulfilment',
  label: 'Fulfilment',
  mutation: 'updateFulfilment',
  updatable: { status: 'status', attributes: 'attributes', fulfilmentType: 'type', deliveryType: 'deliveryType', eta: 'eta', expiryTime: 'expiryTime' },
  view: toLegacyFulfilment,
  key: (record) => ({ id: record.id }),
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
  key: (record) => ({ id: record.id }),
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

export const LEGACY_UPDATES = { order: ORDER, fulfilment: FULFILMENT, location: LOCATION, return: RETURN } as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The update input from a PUT body: updatable fields renamed, the others only when unchanged. */
function updateInput(account: Account, spec: UpdateSpec, record: EntityRecord, body: unknown): Body {
  if (!isObject(body)) {
    throw new SimError('VALIDATION_FAILED', `The request body must be a JSON object: the fields of the ${spec.label.toLowerCase()} to change`);
  }
  const shown = spec.view(account, record);
  const input: Body = { ...spec.key(record) };
  for (const [field, value] of Object.entries(body)) {
    const target = spec.updatable[field];
    if (target !== undefined) input[target] = value;
    else if (!Object.hasOwn(shown, field) || !same(shown[field], value)) {
      const allowed = Object.keys(spec.updatable).join(', ');
      throw new SimError('VALIDATION_FAILED', `'${field}' cannot be updated over the ${spec.label} API; send only ${allowed} (use GraphQL for the rest)`);
    }
  }
  return input;
}

/** `PUT /api/v4.1/{order|fulfilment|location|return}/{id}` → `{id}` [inferred answer]. */
export function updateLegacyEntity(account: Account, user: AuthUser, spec: UpdateSpec, id: string, body: unknown): { id: string } {
  const record = findForUser(account, user, spec.typename, id, spec.label);
  runLegacyMutation(account, spec.mutation, { input: updateInput(account, spec, record, body) }, user.username);
  return { id: record.id };
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
