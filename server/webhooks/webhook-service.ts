/**
 * Webhook delivery service: the engine's `WebhookQueue` plus the outbox behind `/_sim/webhooks`.
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
import type { KeyObject } from 'node:crypto';
import type { Clock, TimerHandle } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import { SimError } from '../domain/errors.js';
import type { WebhookQueue, WebhookRequest } from '../orchestration/webhook-queue.js';
import { deliverOnce, type FetchLike } from './deliver.js';
import { signBodyAsync } from './sign.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';
import {
  copyDelivery,
  createOutbox,
  type OutboxFilter,
  type OutboxPage,
  type OutboxPageRequest,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookOutboxData,
} from './outbox.js';
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
  /** Transport for attempts (tests inject one). @default node:http (http-post.ts) */
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
  /** Called with a copy of a delivery refused because `maxPending` were PENDING (for an audit event). */
  onRejected?: (delivery: WebhookDelivery) => void;
  /**
   * Shares turns and concurrency limits with other accounts' services; the simulator passes one
   * for all. @default a dispatcher of this service's own, with `maxInFlight`/`maxInFlightPerOrigin`
   */
  dispatcher?: Dispatcher;
  /** Attempts in flight at once, all receivers together (own dispatcher only). @default 32 */
  maxInFlight?: number;
  /** Attempts in flight at once to one origin, scheme, host and port (own dispatcher only). @default 8 */
  maxInFlightPerOrigin?: number;
  /** Outbox size; the oldest finished records are dropped past it. @default 10000 */
  maxRecords?: number;
  /** PENDING deliveries at most; a delivery past it is recorded FAILED at once. @default 1000 */
  maxPending?: number;
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

const CONTENT_TYPE = 'application/json';

type State = {
  record: WebhookDelivery;
  bytes: Buffer;
  origin: string;
  /** Virtual time the current (or last) attempt started, epoch ms: retries count from it. */
  attemptStartedMs: number;
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

let serviceCount = 0;

export function createWebhookService(options: WebhookServiceOptions): WebhookService {
  const { clock, ids, privateKey } = options;
  const fetchImpl = options.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const scheduleOf = options.retrySchedule ?? (() => 'default' as const);
  const maxPending = options.maxPending ?? 1_000;
  const logger = options.logger ?? {};
  const outbox = createOutbox(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords });
  const dispatcher = options.dispatcher ?? createDispatcher({ maxInFlight: options.maxInFlight, maxInFlightPerOrigin: options.maxInFlightPerOrigin });
  serviceCount += 1;
  /** This service's name in the dispatcher. */
  const owner = `webhooks-${serviceCount}`;

  const states = new Map<string, State>();
  /** Deliveries handed to the dispatcher and not started yet. */
  let readyCount = 0;
  let inFlight = 0;
  /** Deliveries not yet DELIVERED or FAILED. */
  let pendingCount = 0;
  let closed = false;
  /** One per attempt in flight; clear/restore/close abort them all. */
  const controllers = new Set<AbortController>();
  let drainWaiters: (() => void)[] = [];
  let version = 0;
  const listeners = new Set<() => void>();

  function changed(): void {
    version += 1;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (error) {
        logger.warn?.('webhook outbox listener threw', error);
      }
    }
  }

  function isIdle(): boolean {
    if (inFlight > 0 || readyCount > 0) return false;
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
    readyCount += 1;
    dispatcher.submit({ owner, origin: state.origin, name: state.record.name, run: () => start(state) });
  }

  /** The dispatcher's turn for `state`: nothing to do if it was cleared or restored over meanwhile. */
  async function start(state: State): Promise<void> {
    if (states.get(state.record.id) !== state || state.phase !== 'ready') {
      settleDrains();
      return;
    }
    readyCount -= 1;
    await runAttempt(state);
  }

  async function sign(state: State): Promise<void> {
    if (state.signed) return;
    const signatures = await signBodyAsync(state.bytes, privateKey);
    state.record.headers = { 'content-type': CONTENT_TYPE, ...signatures };
    state.signed = true;
  }

  async function attemptOnce(state: State, number: number, at: string, signal: AbortSignal): Promise<WebhookAttempt> {
    const { record } = state;
    try {
      await sign(state);
      const outcome = await deliverOnce(fetchImpl, { url: record.url, headers: record.headers, body: state.bytes, timeoutMs, signal });
      return {
        number,
        at,
        status: outcome.ok ? 'SUCCESS' : 'FAILED',
        responseStatus: outcome.responseStatus,
        responseBodyExcerpt: outcome.responseBodyExcerpt,
        error: outcome.error,
        durationMs: outcome.durationMs,
      };
    } catch (error) {
      // Signing failed (a bad key): a failed attempt, as data.
      const message = error instanceof Error ? error.message : String(error);
      return { number, at, status: 'FAILED', responseStatus: null, responseBodyExcerpt: '', error: `signing error: ${message}`, durationMs: 0 };
    }
  }

  async function runAttempt(state: State): Promise<void> {
    const { record } = state;
    state.phase = 'in-flight';
    inFlight += 1;
    const number = record.attempts.length + 1;
    state.attemptStartedMs = clock.nowMs();
    const controller = new AbortController();
    controllers.add(controller);
    const attempt = await attemptOnce(state, number, new Date(state.attemptStartedMs).toISOString(), controller.signal);
    controllers.delete(controller);
    inFlight -= 1;

    // Cleared, restored over or closed meanwhile: the outcome belongs to nothing any more.
    if (controller.signal.aborted || states.get(record.id) !== state) {
      settleDrains();
      return;
    }
    record.attempts.push(attempt);
    if (attempt.status === 'SUCCESS') finish(state, 'DELIVERED');
    else scheduleRetry(state, number);
    logger.debug?.(`webhook ${record.name} attempt ${number} ${attempt.status}`, { id: record.id, url: record.url, error: attempt.error });
    if (options.onAttempt) {
      try {
        options.onAttempt(copyDelivery(record), { ...attempt });
      } catch (error) {
        logger.warn?.('webhook onAttempt callback threw', error);
      }
    }
    changed();
    settleDrains();
  }

  /**
   * The next attempt is due the schedule's delay after the failed attempt *started*
   * (fluent-platform.md §6.7: attempts at 0, 2, 6, 14 s), at once if that is already past.
   */
  function scheduleRetry(state: State, failedAttempt: number): void {
    const delay = failedAttempt >= MAX_ATTEMPTS ? null : retryDelayMs(scheduleFor(state.record.retailerId), failedAttempt);
    if (delay === null) {
      finish(state, 'FAILED');
      return;
    }
    const now = clock.nowMs();
    const due = Math.max(state.attemptStartedMs + delay, now);
    state.record.nextAttemptAt = new Date(due).toISOString();
    if (due === now) {
      makeReady(state);
      return;
    }
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
    pendingCount -= 1;
    if (status === 'FAILED')
      logger.warn?.(`webhook ${state.record.name} to ${state.record.url} FAILED after ${state.record.attempts.length} attempts`, { id: state.record.id });
  }

  function track(record: WebhookDelivery, bytes: Buffer, signed: boolean): State {
    const phase = record.status === 'PENDING' ? 'waiting' : 'done';
    if (phase !== 'done') pendingCount += 1;
    const state: State = { record, bytes, origin: originOf(record.url), attemptStartedMs: clock.nowMs(), signed, timer: undefined, phase };
    states.set(record.id, state);
    // The outbox may drop old finished records; forget their state too.
    for (const dropped of outbox.add(record)) states.delete(dropped);
    return state;
  }

  function add(
    fields: Omit<WebhookDelivery, 'id' | 'status' | 'createdOn' | 'headers' | 'body' | 'attempts' | 'nextAttemptAt'>,
    bytes: Buffer,
  ): WebhookDelivery {
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
    if (pendingCount >= maxPending) return reject(record, bytes);
    makeReady(track(record, bytes, false));
    changed();
    return copyDelivery(record);
  }

  /** Past the PENDING bound: recorded FAILED without an attempt, audited, never sent. */
  function reject(record: WebhookDelivery, bytes: Buffer): WebhookDelivery {
    record.status = 'FAILED';
    record.nextAttemptAt = null;
    record.failure = `not sent: ${maxPending} deliveries of this account were already PENDING (the outbox bound); nothing was attempted`;
    track(record, bytes, false);
    logger.warn?.(`webhook ${record.name} to ${record.url} not sent: ${maxPending} deliveries PENDING`, { id: record.id });
    if (options.onRejected) {
      try {
        options.onRejected(copyDelivery(record));
      } catch (error) {
        logger.warn?.('webhook onRejected callback threw', error);
      }
    }
    changed();
    return copyDelivery(record);
  }

  function cancelAll(): void {
    for (const state of states.values()) {
      if (state.timer) clock.cancel(state.timer);
      state.timer = undefined;
    }
    states.clear();
    dispatcher.drop(owner);
    readyCount = 0;
    pendingCount = 0;
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

    page(filter, request) {
      const page = outbox.page(filter, request);
      return { ...page, items: page.items.map(copyDelivery) };
    },

    version: () => version,

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

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
      changed();
      settleDrains();
      return count;
    },

    drain() {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },

    stats() {
      let waiting = 0;
      for (const state of states.values()) if (state.phase === 'waiting') waiting += 1;
      return { pending: pendingCount, inFlight, ready: readyCount, waiting };
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
      changed();
      settleDrains();
    },

    close() {
      cancelAll();
      closed = true;
      settleDrains();
    },
  };
}
