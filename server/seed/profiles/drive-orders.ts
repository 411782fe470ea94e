/**
 * Moves the orders of a generated profile to their planned statuses the way a warehouse, a store
 * and customer service would: by submitting the workflow's events (WaveCreate, ConfirmPick,
 * ConfirmShip, ConfirmCollection, CancelOrder) to the orchestration engine in sync mode, so each
 * status change has its ORCHESTRATION and audit events. Statuses are never written directly.
 *
 * Runs after the profile's steps and `engine.drain()`: every order is then BOOKED with the
 * fulfilments its sourcing made AWAITING_WAVE (rulesets/order-hd.json, order-cc.json): usually one,
 * several when no location has every item. A fulfilment event goes to each of them; an order
 * whose items no location stocks has none (its items are system-rejected) and stays BOOKED.
 * Locations, which raise no CREATE event, are activated the same way (ActivateLocation, location-*.json).
 */
import type { Account } from '../../account.js';
import { SimError } from '../../domain/errors.js';
import { linkTo } from '../../domain/store/store.js';
import { PROFILE_RETAILER_ID, type OrderPlan, type OrderType, type PlannedOrder } from './generate-profile.js';
import type { OrderTarget } from './profile-sizes.js';

type PlanEvent = { name: string; on: 'ORDER' | 'FULFILMENT' };

const WAVE: PlanEvent = { name: 'WaveCreate', on: 'FULFILMENT' };
const PICK: PlanEvent = { name: 'ConfirmPick', on: 'FULFILMENT' };
const CANCEL: PlanEvent = { name: 'CancelOrder', on: 'ORDER' };

/** The events that take a booked order of each type to each target status, in order. */
export const EVENTS_TO_TARGET: Record<OrderType, Partial<Record<OrderTarget, readonly PlanEvent[]>>> = {
  HD: {
    BOOKED: [],
    PICK_PACK: [WAVE],
    COMPLETE: [WAVE, PICK, { name: 'ConfirmShip', on: 'FULFILMENT' }],
    CANCELLED: [CANCEL],
  },
  CC: {
    BOOKED: [],
    PICK_PACK: [WAVE],
    AWAITING_COLLECTION: [WAVE, PICK],
    COMPLETE: [WAVE, PICK, { name: 'ConfirmCollection', on: 'FULFILMENT' }],
    CANCELLED: [CANCEL],
  },
};

/** `source` of the ORCHESTRATION events the profile submits. */
export const PROFILE_EVENT_SOURCE = 'fluent-sim-seed-profile';

export function eventsFor(order: PlannedOrder): readonly PlanEvent[] {
  const events = EVENTS_TO_TARGET[order.type][order.target];
  if (!events) throw new SimError('CONFIG_INVALID', `A ${order.type} order cannot be driven to ${order.target}`);
  return events;
}

/** How many events `activateLocations` and `driveOrders` submit for a plan (for progress reporting). */
export const plannedEventCount = (plan: OrderPlan): number => plan.locations.length + plan.orders.reduce((n, o) => n + eventsFor(o).length, 0);

export type DriveOptions = {
  /** Called after every submitted event with the number submitted so far. */
  onEvent?: (submitted: number) => void;
  /** Submit quiet events (SubmitOptions.quiet): ORCHESTRATION records, audits only for failures. */
  quiet?: boolean;
};

type Submit = { name: string; entityType: string; entityRef: string; rootEntityType: string; rootEntityRef: string };

async function submitSync(account: Account, event: Submit, quiet = false): Promise<void> {
  const engine = account.orchestration?.engine;
  if (!engine) throw new SimError('INTERNAL', `Account "${account.id}" has no orchestration engine to submit seed events to`);
  const result = await engine.submit({ ...event, retailerId: PROFILE_RETAILER_ID }, { mode: 'sync', source: PROFILE_EVENT_SOURCE, quiet });
  if (result.eventStatus !== 'COMPLETE') {
    throw new SimError(
      'INTERNAL',
      `Seed profile: ${event.name} on ${event.entityType} ${event.entityRef} ended ${result.eventStatus}${result.errorMessage ? `: ${result.errorMessage}` : ''}`,
    );
  }
}

/** Activates the plan's locations through their workflow (ActivateLocation: CREATED → ACTIVE). */
export async function activateLocations(account: Account, plan: Pick<OrderPlan, 'locations'>, options: DriveOptions = {}): Promise<void> {
  let submitted = 0;
  for (const ref of plan.locations) {
    await submitSync(
      account,
      { name: 'ActivateLocation', entityType: 'LOCATION', entityRef: ref, rootEntityType: 'LOCATION', rootEntityRef: ref },
      options.quiet,
    );
    options.onEvent?.((submitted += 1));
  }
}

/** The refs of the order's fulfilments waiting for a wave, in ref order. */
function waitingFulfilmentRefs(account: Account, orderRef: string): string[] {
  const [id] = account.store.candidates('Order', 'ref', [orderRef]);
  if (id === undefined) return [];
  return account.store
    .linkedFrom(linkTo({ __typename: 'Order', id: String(id) }), 'Fulfilment')
    .filter((f) => f['status'] === 'AWAITING_WAVE')
    .map((f) => String(f['ref']))
    .sort();
}

/**
 * Submits the plan's order events, in plan order, then drains the engine. Answers the number of the
 * plan's orders in each status afterwards (read from the store, not assumed from the plan).
 * Throws when an event does not complete: the workflow and the plan disagree.
 */
export async function driveOrders(account: Account, plan: Pick<OrderPlan, 'orders'>, options: DriveOptions = {}): Promise<Record<string, number>> {
  if (!account.orchestration) throw new SimError('INTERNAL', `Account "${account.id}" has no orchestration engine to drive orders with`);
  let submitted = 0;
  for (const order of plan.orders) {
    const fulfilmentRefs = waitingFulfilmentRefs(account, order.ref);
    for (const event of eventsFor(order)) {
      for (const entityRef of event.on === 'ORDER' ? [order.ref] : fulfilmentRefs) {
        await submitSync(account, { name: event.name, entityType: event.on, entityRef, rootEntityType: 'ORDER', rootEntityRef: order.ref }, options.quiet);
      }
      options.onEvent?.((submitted += 1));
    }
  }
  await account.orchestration.engine.drain();
  const counts: Record<string, number> = {};
  for (const order of plan.orders) {
    const [id] = account.store.candidates('Order', 'ref', [order.ref]);
    const status = id === undefined ? 'MISSING' : String(account.store.get('Order', String(id))?.['status'] ?? 'UNKNOWN');
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
