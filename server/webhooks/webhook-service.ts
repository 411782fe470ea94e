/**
 * Webhook delivery service: the engine's `WebhookQueue` plus the outbox behind `/_sim/webhooks`.
 *
 * - `enqueue` records a PENDING delivery and returns at once; nothing network-bound runs on the
 *   caller's stack. The body is `toWebhookBody(event)`, serialised once; the same bytes are
 *   signed (`signBodyAsync`, i.e. `signBody` off the event loop) and sent (fluent-platform.md §6.3).
 * - Attempts run on the real event loop with bounded concurrency, globally and per origin, so a
 *   slow, hanging or dead receiver holds at most `maxInFlightPerOrigin` slots and never delays
 *   the engine or other receivers' deliveries.
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
import { deliverOnce, type FetchLike } from './deliver.js';
import { signBodyAsync } from './sign.js';
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

const CONTENT_TYPE = 'application/json';

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
  const maxInFlight = options.maxInFlight ?? 32;
  const maxPerOrigin = options.maxInFlightPerOrigin ?? 8;
  const logger = options.logger ?? {};
  const outbox = createOutbox(options.maxRecords === undefined ? {} : { maxRecords: options.maxRecords });

  const states = new Map<string, State>();
  /** Ready deliveries by origin, FIFO within an origin; origins are served round-robin. */
  const ready = new Map<string, string[]>();
  let readyCount = 0;
  const inFlightByOrigin = new Map<string, number>();
  let inFlight = 0;
  let pumpScheduled = false;
  let closed = false;
  /** One per attempt in flight; clear/restore/close abort them all. */
  const controllers = new Set<AbortController>();
  let drainWaiters: (() => void)[] = [];

  function isIdle(): boolean {
    if (inFlight > 0 || readyCount > 0 || pumpScheduled) return false;
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
    const queue = ready.get(state.origin);
    if (queue) queue.push(state.record.id);
    else ready.set(state.origin, [state.record.id]);
    readyCount += 1;
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
    let progressed = true;
    while (inFlight < maxInFlight && readyCount > 0 && progressed) {
      progressed = false;
      for (const [origin, queue] of ready) {
        if (inFlight >= maxInFlight) break;
        if ((inFlightByOrigin.get(origin) ?? 0) >= maxPerOrigin) continue;
        const id = queue.shift();
        readyCount -= 1;
        // Rotate: the origin goes to the back, so origins take turns.
        ready.delete(origin);
        if (queue.length > 0) ready.set(origin, queue);
        progressed = true;
        const state = id === undefined ? undefined : states.get(id);
        if (!state || state.phase !== 'ready') continue;
        void runAttempt(state);
      }
    }
  }

  async function sign(state: State): Promise<void> {
    if (state.signed) return;
    const signatures = await signBodyAsync(state.bytes, privateKey);
    state.record.headers = { 'content-type': CONTENT_TYPE, ...signatures };
    state.signed = true;
  }

  async function runAttempt(state: State): Promise<void> {
    const { record } = state;
    state.phase = 'in-flight';
    inFlight += 1;
    inFlightByOrigin.set(state.origin, (inFlightByOrigin.get(state.origin) ?? 0) + 1);
    const number = record.attempts.length + 1;
    const at = clock.now().toISOString();
    const controller = new AbortController();
    controllers.add(controller);
    const { signal } = controller;
    let attempt: WebhookAttempt;
    try {
      await sign(state);
      const outcome = await deliverOnce(fetchImpl, { url: record.url, headers: record.headers, body: state.bytes, timeoutMs, signal });
      attempt = {
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
      attempt = { number, at, status: 'FAILED', responseStatus: null, responseBodyExcerpt: '', error: `signing error: ${message}`, durationMs: 0 };
    }
    controllers.delete(controller);
    inFlight -= 1;
    const left = (inFlightByOrigin.get(state.origin) ?? 1) - 1;
    if (left > 0) inFlightByOrigin.set(state.origin, left);
    else inFlightByOrigin.delete(state.origin);

    // Cleared, restored over or closed meanwhile: the outcome belongs to nothing any more.
    if (signal.aborted || states.get(record.id) !== state) {
      if (readyCount > 0) schedulePump();
      settleDrains();
      return;
    }
    record.attempts.push(attempt);
    if (attempt.status === 'SUCCESS') finish(state, 'DELIVERED');
    else {
      const delay = number >= MAX_ATTEMPTS ? null : retryDelayMs(scheduleFor(record.retailerId), number);
      if (delay === null) finish(state, 'FAILED');
      else {
        const due = clock.nowMs() + delay;
        record.nextAttemptAt = new Date(due).toISOString();
        state.phase = 'waiting';
        state.timer = clock.schedule(due, () => makeReady(state));
      }
    }
    logger.debug?.(`webhook ${record.name} attempt ${number} ${attempt.status}`, { id: record.id, url: record.url, error: attempt.error });
    if (options.onAttempt) {
      try {
        options.onAttempt(copyDelivery(record), { ...attempt });
      } catch (error) {
        logger.warn?.('webhook onAttempt callback threw', error);
      }
    }
    if (readyCount > 0) schedulePump();
    settleDrains();
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
    ready.clear();
    readyCount = 0;
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
      return { pending, inFlight, ready: readyCount, waiting };
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
