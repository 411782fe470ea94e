/**
 * Webhook delivery service: the engine's `WebhookQueue` plus the outbox behind `/_sim/webhooks`,
 * put together from its parts: the outbox (outbox.ts, with its retention), the new records
 * (new-delivery.ts), one attempt (attempt-once.ts), the concurrency pump and retry scheduler
 * (delivery-pump.ts), the change feed (change-listeners.ts) and `drain()` (drain-waiters.ts).
 *
 * - `enqueue` records a PENDING delivery and returns at once; nothing network-bound runs on the
 *   caller's stack. The body is `toWebhookBody(event)`, serialised once; the same bytes are
 *   signed (`signBodyAsync`, i.e. `signBody` off the event loop) and sent (fluent-platform.md §6.3).
 * - Attempts run on the real event loop through the shared `Dispatcher` (dispatcher.ts): bounded
 *   concurrency, globally and per origin, and turns across accounts and webhook names, so a slow,
 *   hanging or dead receiver or a burst from one setting never delays the engine or the others.
 * - Retries wait on the virtual clock (`clock.schedule`) on the retailer's schedule
 *   (`retry-schedule.ts`), measured from the start of the failed attempt: a slow receiver or a
 *   timeout never pushes the schedule back. A clock timer only marks the delivery ready; it never
 *   awaits the network, so advancing the clock is never held up by a receiver. With a frozen
 *   clock, tests step through retries with `await clock.advance(ms)` then `await service.drain()`.
 * - At most `maxPending` deliveries of the account are PENDING; past it a new delivery is recorded
 *   FAILED at once with `failure` set, and `onRejected` leaves an audit event.
 */
import { SimError } from '../domain/errors.js';
import { accountIdOf, entityIdOf, eventIdOf } from '../domain/ids.js';
import type { WebhookQueue, WebhookRequest } from '../orchestration/webhook-queue.js';
import { attemptOnce } from './attempt-once.js';
import { ChangeListeners } from './change-listeners.js';
import { DeliveryPump, type DeliveryPumpStats } from './delivery-pump.js';
import type { DeliveryState } from './delivery-state.js';
import { createDispatcher } from './dispatcher.js';
import { DrainWaiters } from './drain-waiters.js';
import { newDelivery, refuseDelivery, type NewDeliveryFields } from './new-delivery.js';
import {
  copyDelivery,
  createOutbox,
  deliveryIdOf,
  type OutboxFilter,
  type OutboxPage,
  type OutboxPageRequest,
  type WebhookDelivery,
  type WebhookOutboxData,
} from './outbox.js';
import { toWebhookBody } from './payload.js';
import type { WebhookServiceOptions } from './webhook-service-options.js';

export type { WebhookServiceLogger, WebhookServiceOptions } from './webhook-service-options.js';

export type WebhookServiceStats = DeliveryPumpStats;

export interface WebhookService extends WebhookQueue {
  /** Records a PENDING delivery and returns a copy of it at once; the first attempt follows asynchronously. */
  enqueue(request: WebhookRequest): WebhookDelivery;
  /** Copies of the matching records, oldest first. */
  list(filter?: OutboxFilter): WebhookDelivery[];
  /** Copies of one page of the matching records, oldest first (`GET /_sim/webhooks`). */
  page(filter: OutboxFilter, request: OutboxPageRequest): OutboxPage;
  /** Grows by one or more on every change to the outbox (new delivery, attempt, clear, restore). */
  version(): number;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  get(id: string): WebhookDelivery | undefined;
  /** A new delivery with the same body and target, fresh attempts. Throws SimError NOT_FOUND for an unknown id. */
  replay(id: string): WebhookDelivery;
  /** Drops every record, cancels pending retries and aborts attempts in flight. Returns the number of records dropped. */
  clear(): number;
  /** Resolves when no attempt is in flight and none is due at the current virtual time. */
  drain(): Promise<void>;
  stats(): WebhookServiceStats;
  /** The outbox as plain JSON (persistence, snapshots). */
  toJSON(): WebhookOutboxData;
  /** Replaces the outbox; PENDING deliveries re-arm their next attempt on the clock (at once if overdue). */
  restore(data: WebhookOutboxData): void;
  /** Cancels timers and aborts attempts in flight; later enqueues are recorded but not sent. */
  close(): void;
  readonly publicKeyPem: string;
}

let serviceCount = 0;

export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { clock, ids } = options;
  const maxPending = options.maxPending ?? 1_000;
  const logger = options.logger ?? {};
  const outbox = createOutbox(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords });
  const transport = { privateKey: options.privateKey, fetch: options.fetch, timeoutMs: options.timeoutMs ?? 5_000 };
  const listeners = new ChangeListeners(logger);
  serviceCount += 1;
  const pump: DeliveryPump = new DeliveryPump({
    clock,
    dispatcher: options.dispatcher ?? createDispatcher({ maxInFlight: options.maxInFlight, maxInFlightPerOrigin: options.maxInFlightPerOrigin }),
    owner: `webhooks-${serviceCount}`,
    attempt: (state, number, at, signal) => attemptOnce(transport, state, number, at, signal),
    retrySchedule: options.retrySchedule ?? (() => 'default'),
    onAttempt: ({ record }, attempt) => {
      logger.debug?.(`webhook ${record.name} attempt ${attempt.number} ${attempt.status}`, { id: record.id, url: record.url, error: attempt.error });
      notify(options.onAttempt, 'onAttempt', copyDelivery(record), { ...attempt });
      listeners.changed();
    },
    onSettled: () => drains.settle(),
    logger,
  });
  const drains = new DrainWaiters(() => pump.isIdle());

  /** Calls an optional callback of the options; one that throws is logged, never propagated. */
  function notify<A extends unknown[]>(callback: ((...args: A) => void) | undefined, name: string, ...args: A): void {
    if (!callback) return;
    try {
      callback(...args);
    } catch (error) {
      logger.warn?.(`webhook ${name} callback threw`, error);
    }
  }

  /** Adds a record to the outbox and keeps its state; the outbox may drop old finished records. */
  function track(record: WebhookDelivery, bytes: Buffer): DeliveryState {
    const state = pump.track(record, bytes, false);
    for (const dropped of outbox.add(record)) pump.forget(dropped);
    return state;
  }

  function add(fields: NewDeliveryFields, bytes: Buffer): WebhookDelivery {
    const record = newDelivery(deliveryIdOf(ids.uuid()), fields, bytes, clock.now().toISOString());
    if (pump.pending >= maxPending) return reject(record, bytes);
    pump.makeReady(track(record, bytes));
    listeners.changed();
    return copyDelivery(record);
  }

  /** Past the PENDING bound: recorded FAILED without an attempt, audited, never sent. */
  function reject(record: WebhookDelivery, bytes: Buffer): WebhookDelivery {
    refuseDelivery(record, maxPending);
    track(record, bytes);
    logger.warn?.(`webhook ${record.name} to ${record.url} not sent: ${maxPending} deliveries PENDING`, { id: record.id });
    notify(options.onRejected, 'onRejected', copyDelivery(record));
    listeners.changed();
    return copyDelivery(record);
  }

  return {
    publicKeyPem: options.publicKeyPem,

    enqueue(request) {
      const { event } = request;
      return add(
        {
          name: request.name,
          url: request.url,
          accountId: accountIdOf(request.accountId),
          retailerId: request.retailerId,
          entityType: event.entityType,
          entityId: entityIdOf(event.entityId),
          entityRef: event.entityRef,
          sourceEventId: eventIdOf(request.sourceEventId),
          replayOf: null,
        },
        toWebhookBody(event),
      );
    },

    list: (filter) => outbox.list(filter).map(copyDelivery),

    page(filter, request) {
      const page = outbox.page(filter, request);
      return { ...page, items: page.items.map(copyDelivery) };
    },

    version: () => listeners.version(),

    subscribe: (listener) => listeners.subscribe(listener),

    get(id) {
      const record = outbox.get(id);
      return record ? copyDelivery(record) : undefined;
    },

    replay(id) {
      const original = outbox.get(id);
      if (!original) throw new SimError('NOT_FOUND', `No webhook delivery with id ${id}`);
      const { name, url, accountId, retailerId, entityType, entityId, entityRef, sourceEventId } = original;
      const bytes = pump.stateOf(original.id)?.bytes ?? Buffer.from(original.body, 'utf8');
      return add({ name, url, accountId, retailerId, entityType, entityId, entityRef, sourceEventId, replayOf: original.id }, bytes);
    },

    clear() {
      pump.cancelAll();
      const count = outbox.clear();
      listeners.changed();
      drains.settle();
      return count;
    },

    drain: () => drains.wait(),

    stats: () => pump.stats(),

    toJSON: () => outbox.toJSON(),

    restore(data) {
      pump.cancelAll();
      outbox.clear();
      for (const saved of data.deliveries) {
        const record = copyDelivery(saved);
        const state = track(record, Buffer.from(record.body, 'utf8'));
        if (record.status === 'PENDING') pump.arm(state);
      }
      listeners.changed();
      drains.settle();
    },

    close() {
      pump.close();
      drains.settle();
    },
  };
}
