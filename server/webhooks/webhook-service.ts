/**
 * Webhook delivery service: the engine's `WebhookQueue` plus the outbox behind `/_sim/webhooks`.
 *
 * - `enqueue` records a PENDING delivery and returns at once; nothing network-bound runs on the
 *   caller's stack. The body is `toWebhookBody(event)`, serialised once; the same bytes are
 *   signed (`signBodyAsync`, i.e. `signBody` off the event loop) and sent (fluent-platform.md §6.3).
 * - Attempts (`attempt-delivery.ts`) run on the real event loop with bounded concurrency,
 *   globally and per origin (`delivery-slots.ts`), so a slow, hanging or dead receiver holds at
 *   most `maxInFlightPerOrigin` slots and never delays the engine or other receivers' deliveries.
 *   The records themselves live in the outbox (`outbox.ts`).
 * - Retries wait on the virtual clock (`clock.schedule`) on the retailer's schedule
 *   (`retry-schedule.ts`). A clock timer only marks the delivery ready; it never awaits the
 *   network, so advancing the clock is never held up by a receiver. With a frozen clock, tests
 *   step through retries with `await clock.advance(ms)` followed by `await service.drain()`.
 */
import type { KeyObject } from 'node:crypto';
import type { Clock, TimerHandle } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import { SimError } from '../domain/errors.js';
import type { WebhookQueue, WebhookRequest } from '../orchestration/webhook-queue.js';
import { attemptDelivery, CONTENT_TYPE } from './attempt-delivery.js';
import type { FetchLike } from './deliver.js';
import { createDeliverySlots } from './delivery-slots.js';
import { copyDelivery, createOutbox, type OutboxFilter, type WebhookAttempt, type WebhookDelivery, type WebhookOutboxData } from './outbox.js';
import { toWebhookBody } from './payload.js';
import { MAX_ATTEMPTS, retryDelayMs, type RetryScheduleName } from './retry-schedule.js';

export type WebhookServiceLogger = {
  debug?(message: string, data?: unknown): void;
  warn?(message: string, data?: unknown): void;
};

export type WebhookServiceOptions = {
  clock: Clock;
  ids: Ids;
  privateKey: KeyObject;
  publicKeyPem: string;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** Per-request network timeout, real ms (fluent-platform.md §8 #18: "about 5 s"). @default 5000 */
  timeoutMs?: number;
  /**
   * The retailer's schedule; the caller reads `fc.rubix.sdk.webhook.retry.schedule`
   * (see `retryScheduleFromSetting`). Asked after each failure, so a changed setting applies to
   * the next retry. @default () => 'default'
   */
  retrySchedule?: (retailerId: string) => RetryScheduleName;
  /** Called after every attempt with copies of the delivery and the attempt (for the platform audit event). */
  onAttempt?: (delivery: WebhookDelivery, attempt: WebhookAttempt) => void;
  /** Attempts in flight at once, all receivers together. @default 32 */
  maxInFlight?: number;
  /** Attempts in flight at once to one origin (scheme, host, port). @default 8 */
  maxInFlightPerOrigin?: number;
  /** Outbox size; the oldest finished records are dropped past it. @default 10000 */
  maxRecords?: number;
  logger?: WebhookServiceLogger;
};

export type WebhookServiceStats = {
  /** Deliveries not yet DELIVERED or FAILED. */
  pending: number;
  /** Attempts on the wire now. */
  inFlight: number;
  /** Attempts due and waiting for a free slot. */
  ready: number;
  /** Retries waiting for the virtual clock. */
  waiting: number;
};

export interface WebhookService extends WebhookQueue {
  /** Records a PENDING delivery and returns a copy of it at once; the first attempt follows asynchronously. */
  enqueue(request: WebhookRequest): WebhookDelivery;
  /** Copies of the matching records, oldest first. */
  list(filter?: OutboxFilter): WebhookDelivery[];
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

type State = {
  record: WebhookDelivery;
  bytes: Buffer;
  origin: string;
  /** Signature headers were computed with this service's key. */
  signed: boolean;
  timer: TimerHandle | undefined;
  phase: 'ready' | 'in-flight' | 'waiting' | 'done';
};

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { clock, ids, privateKey } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const scheduleOf = options.retrySchedule ?? (() => 'default' as const);
  const slots = createDeliverySlots({ maxInFlight: options.maxInFlight ?? 32, maxPerOrigin: options.maxInFlightPerOrigin ?? 8 });
  const logger = options.logger ?? {};
  const outbox = createOutbox(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords });

  const states = new Map<string, State>();
  let pumpScheduled = false;
  let closed = false;
  /** One per attempt in flight; clear/restore/close abort them all. */
  const controllers = new Set<AbortController>();
  let drainWaiters: (() => void)[] = [];

  function isIdle(): boolean {
    if (slots.inFlight > 0 || slots.ready > 0 || pumpScheduled) return false;
    // A retry already due whose clock timer has not fired yet (running clock) is not idle either.
    const now = clock.nowMs();
    for (const state of states.values()) if (state.timer && state.timer.at <= now) return false;
    return true;
  }

  function settleDrains(): void {
    if (drainWaiters.length === 0 || !isIdle()) return;
    const waiters = drainWaiters;
    drainWaiters = [];
    for (const resolve of waiters) resolve();
  }

  function makeReady(state: State): void {
    if (closed || state.phase === 'done') return;
    state.phase = 'ready';
    state.timer = undefined;
    slots.push(state.origin, state.record.id);
    schedulePump();
  }

  function schedulePump(): void {
    if (pumpScheduled) return;
    pumpScheduled = true;
    // Off the caller's stack (the engine's), on the real event loop: not domain time.
    setImmediate(() => {
      pumpScheduled = false;
      pump();
      settleDrains();
    });
  }

  function pump(): void {
    slots.take((id) => {
      const state = states.get(id);
      if (state && state.phase === 'ready') void runAttempt(state);
    });
  }

  async function runAttempt(state: State): Promise<void> {
    const { record } = state;
    state.phase = 'in-flight';
    slots.acquire(state.origin);
    const number = record.attempts.length + 1;
    const at = clock.now().toISOString();
    const controller = new AbortController();
    controllers.add(controller);
    const { signal } = controller;
    const attempt = await attemptDelivery(state, { fetch: fetchImpl, privateKey, timeoutMs, signal, number, at });
    controllers.delete(controller);
    slots.release(state.origin);

    // Cleared, restored over or closed meanwhile: the outcome belongs to nothing any more.
    if (signal.aborted || states.get(record.id) !== state) {
      if (slots.ready > 0) schedulePump();
      settleDrains();
      return;
    }
    record.attempts.push(attempt);
    if (attempt.status === 'SUCCESS') finish(state, 'DELIVERED');
    else retryOrFail(state, number);
    logger.debug?.(`webhook ${record.name} attempt ${number} ${attempt.status}`, { id: record.id, url: record.url, error: attempt.error });
    if (options.onAttempt) {
      try {
        options.onAttempt(copyDelivery(record), { ...attempt });
      } catch (error) {
        logger.warn?.('webhook onAttempt callback threw', error);
      }
    }
    if (slots.ready > 0) schedulePump();
    settleDrains();
  }

  /** After failed attempt `number`: the next one waits on the virtual clock, or the delivery has FAILED. */
  function retryOrFail(state: State, number: number): void {
    const delay = number >= MAX_ATTEMPTS ? null : retryDelayMs(scheduleFor(state.record.retailerId), number);
    if (delay === null) return finish(state, 'FAILED');
    const due = clock.nowMs() + delay;
    state.record.nextAttemptAt = new Date(due).toISOString();
    state.phase = 'waiting';
    state.timer = clock.schedule(due, () => makeReady(state));
  }

  function scheduleFor(retailerId: string): RetryScheduleName {
    try {
      return scheduleOf(retailerId);
    } catch (error) {
      logger.warn?.(`webhook retry schedule lookup failed for retailer ${retailerId}; using the default schedule`, error);
      return 'default';
    }
  }

  function finish(state: State, status: 'DELIVERED' | 'FAILED'): void {
    state.record.status = status;
    state.record.nextAttemptAt = null;
    state.phase = 'done';
    state.timer = undefined;
    if (status === 'FAILED') logger.warn?.(`webhook ${state.record.name} to ${state.record.url} FAILED after ${state.record.attempts.length} attempts`, { id: state.record.id });
  }

  function track(record: WebhookDelivery, bytes: Buffer, signed: boolean): State {
    const phase = record.status === 'PENDING' ? 'waiting' : 'done';
    const state: State = { record, bytes, origin: originOf(record.url), signed, timer: undefined, phase };
    states.set(record.id, state);
    // The outbox may drop old finished records; forget their state too.
    for (const dropped of outbox.add(record)) states.delete(dropped);
    return state;
  }

  function add(fields: Omit<WebhookDelivery, 'id' | 'status' | 'createdOn' | 'headers' | 'body' | 'attempts' | 'nextAttemptAt'>, bytes: Buffer): WebhookDelivery {
    const now = clock.now().toISOString();
    const record: WebhookDelivery = {
      id: ids.uuid(),
      ...fields,
      status: 'PENDING',
      createdOn: now,
      headers: { 'content-type': CONTENT_TYPE },
      body: bytes.toString('utf8'),
      attempts: [],
      nextAttemptAt: now,
    };
    makeReady(track(record, bytes, false));
    return copyDelivery(record);
  }

  function cancelAll(): void {
    for (const state of states.values()) {
      if (state.timer) clock.cancel(state.timer);
      state.timer = undefined;
    }
    states.clear();
    slots.clearReady();
    for (const controller of controllers) controller.abort();
    controllers.clear();
  }

  return {
    publicKeyPem: options.publicKeyPem,

    enqueue(request) {
      const { event } = request;
      return add(
        {
          name: request.name,
          url: request.url,
          accountId: request.accountId,
          retailerId: request.retailerId,
          entityType: event.entityType,
          entityId: event.entityId,
          entityRef: event.entityRef,
          sourceEventId: request.sourceEventId,
          replayOf: null,
        },
        toWebhookBody(event),
      );
    },

    list: (filter) => outbox.list(filter).map(copyDelivery),

    get(id) {
      const record = outbox.get(id);
      return record ? copyDelivery(record) : undefined;
    },

    replay(id) {
      const original = outbox.get(id);
      if (!original) throw new SimError('NOT_FOUND', `No webhook delivery with id ${id}`);
      const { name, url, accountId, retailerId, entityType, entityId, entityRef, sourceEventId } = original;
      const bytes = states.get(id)?.bytes ?? Buffer.from(original.body, 'utf8');
      return add({ name, url, accountId, retailerId, entityType, entityId, entityRef, sourceEventId, replayOf: id }, bytes);
    },

    clear() {
      cancelAll();
      const count = outbox.clear();
      settleDrains();
      return count;
    },

    drain() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },

    stats() {
      let pending = 0;
      let waiting = 0;
      for (const state of states.values()) {
        if (state.phase !== 'done') pending += 1;
        if (state.phase === 'waiting') waiting += 1;
      }
      return { pending, inFlight: slots.inFlight, ready: slots.ready, waiting };
    },

    toJSON: () => outbox.toJSON(),

    restore(data) {
      cancelAll();
      outbox.clear();
      const now = clock.nowMs();
      for (const saved of data.deliveries) {
        const record = copyDelivery(saved);
        const state = track(record, Buffer.from(record.body, 'utf8'), false);
        if (record.status !== 'PENDING') continue;
        // An attempt in flight when the data was saved has no outcome: it runs again.
        const due = record.nextAttemptAt === null ? now : Date.parse(record.nextAttemptAt);
        if (!Number.isFinite(due) || due <= now) {
          record.nextAttemptAt = new Date(now).toISOString();
          makeReady(state);
        } else {
          state.phase = 'waiting';
          state.timer = clock.schedule(due, () => makeReady(state));
        }
      }
      settleDrains();
    },

    close() {
      cancelAll();
      closed = true;
      settleDrains();
    },
  };
}
