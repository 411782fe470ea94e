/**
 * `PUT` (or `POST`) `/api/v4.1/order/{orderId}/cancel` (path from Fluent's Order API page; body
 * and answer not published, so [inferred]). Cancelling an order is the workflow's business, so
 * the endpoint sends the order the `CancelOrder` event — the reference workflows' user-action
 * cancel, the event the Admin Console sends (docs/lifecycles.md) — through the engine, in sync
 * mode, exactly as a client posting it to `/api/v4.1/event/sync` would. The answer is the
 * Event API's sync answer: 200 `{eventId, entityId, eventStatus: "COMPLETE"}` once the workflow
 * has run, 400 with `NO_MATCH` (no CancelOrder ruleset for the order's status, e.g. a COMPLETE
 * order) or `FAILED` and its `errorMessage`. An optional body `{"attributes": {…}}` (or a list of
 * `{name, value}`) travels with the event (a cancellation reason, …).
 */
import type { Account } from '../account.js';
import { SimError } from '../domain/errors.js';
import type { AuthUser } from '../graphql/context.js';
import { isObject } from '../lib/is-object.js';
import { findForUser } from './legacy-entities.js';
import { retailerIdOf } from './views.js';

/** The event the cancel endpoint raises [inferred]. */
export const LEGACY_CANCEL_EVENT = 'CancelOrder';

/** `source` of the event, as for the Event API (fluent-platform.md §3.6). */
const SOURCE = 'Fluent-API';

export type LegacyCancelAnswer = { status: 200 | 400; body: Record<string, unknown> };

function attributesOf(body: unknown): Record<string, unknown> {
  const attributes = isObject(body) ? body['attributes'] : undefined;
  if (attributes === undefined || attributes === null) return {};
  // A map, or a list of {name, value, type} turned into one, as the Event API takes them (§3.2).
  if (Array.isArray(attributes) && attributes.every((item) => isObject(item) && typeof item['name'] === 'string')) {
    return Object.fromEntries(attributes.filter(isObject).map((item) => [String(item['name']), item['value']]));
  }
  if (!isObject(attributes)) {
    throw new SimError('VALIDATION_FAILED', `'attributes' must be an object (name → value) or a list of {name, value}, got ${JSON.stringify(attributes)}`);
  }
  return { ...attributes };
}

export async function cancelLegacyOrder(account: Account, user: AuthUser, orderId: string, body: unknown): Promise<LegacyCancelAnswer> {
  const order = findForUser(account, user, 'Order', orderId, 'Order');
  const attributes = attributesOf(body);
  const ref = typeof order['ref'] === 'string' ? order['ref'] : undefined;
  const result = await account.orchestration.engine.submit(
    {
      name: LEGACY_CANCEL_EVENT,
      retailerId: retailerIdOf(order) ?? '',
      entityType: 'ORDER',
      entityId: order.id,
      entityRef: ref,
      entitySubtype: typeof order['type'] === 'string' ? order['type'] : undefined,
      rootEntityType: 'ORDER',
      rootEntityId: order.id,
      rootEntityRef: ref,
      attributes,
    },
    { mode: 'sync', source: SOURCE },
  );
  const answer: Record<string, unknown> = { eventId: result.eventId, entityId: result.entityId, eventStatus: result.eventStatus };
  if (result.errorMessage !== undefined) answer['errorMessage'] = result.errorMessage;
  else if (result.eventStatus === 'FAILED') answer['errorMessage'] = 'Event has Failed';
  return { status: result.eventStatus === 'COMPLETE' ? 200 : 400, body: answer };
}
