/**
 * The webhook service's concurrency pump and retry scheduler, over every live delivery's state:
 * - a delivery due now is handed to the shared `Dispatcher` (dispatcher.ts), which gives it its
 *   turn within the global and per-origin limits, across accounts and webhook names;
 * - its attempt runs on the real event loop; the outcome is recorded on the outbox record;
 * - a failed attempt's retry waits on the virtual clock (`clock.schedule`) on the retailer's
 *   schedule (`retry-schedule.ts`), measured from the start of the failed attempt. A clock timer
 *   only marks the delivery ready; it never awaits the network, so advancing the clock is never
 *   held up by a receiver;
 * - clear, restore and close cancel the timers and abort the attempts in flight; an outcome that
 *   arrives afterwards belongs to nothing and is dropped.
 */
import type { Clock } from '../lib/clock.js';
import { newDeliveryState, type DeliveryState } from './delivery-state.js';
import type { Dispatcher } from './dispatcher.js';
import type { DeliveryId, WebhookAttempt, WebhookDelivery } from './outbox.js';
import { MAX_ATTEMPTS, retryDelayMs, type RetryScheduleName } from './retry-schedule.js';
import type { WebhookServiceLogger } from './webhook-service-options.js';

export type DeliveryPumpOptions = {
  clock: Clock;
  dispatcher: Dispatcher;
  /** The service's name in the dispatcher. */
  owner: string;
  /** Runs one attempt; never throws (failures are data). */
  attempt: (state: DeliveryState, number: number, at: string, signal: AbortSignal) => Promise<WebhookAttempt>;
  /** The retailer's retry schedule, asked after each failure. */
  retrySchedule: (retailerId: string) => RetryScheduleName;
  /** After an attempt's outcome is recorded on its delivery (and the delivery finished or its retry scheduled). */
  onAttempt: (state: DeliveryState, attempt: WebhookAttempt) => void;
  /** Whenever the pump may have become idle. */
  onSettled: () => void;
  logger: WebhookServiceLogger;
};

export type DeliveryPumpStats = {
  /** Deliveries not yet DELIVERED or FAILED. */
  pending: number;
  /** Attempts on the wire now. */
  inFlight: number;
  /** Attempts due and waiting for a free slot. */
  ready: number;
  /** Retries waiting for the virtual clock. */
  waiting: number;
};

export class DeliveryPump {
  private readonly states = new Map<DeliveryId, DeliveryState>();
  /** Deliveries handed to the dispatcher and not started yet. */
  private readyCount = 0;
  private inFlight = 0;
  /** Deliveries not yet DELIVERED or FAILED. */
  private pendingCount = 0;
  private closed = false;
  /** One per attempt in flight; cancelAll aborts them all. */
  private readonly controllers = new Set<AbortController>();

  constructor(private readonly options: DeliveryPumpOptions) {}

  get pending(): number {
    return this.pendingCount;
  }

  stateOf(id: DeliveryId): DeliveryState | undefined {
    return this.states.get(id);
  }

  /** Keeps the state of a record just added to the outbox (PENDING: waiting for `makeReady` or `arm`). */
  track(record: WebhookDelivery, bytes: Buffer, signed: boolean): DeliveryState {
    const state = newDeliveryState(record, bytes, signed, this.options.clock.nowMs());
    if (state.phase !== 'done') this.pendingCount += 1;
    this.states.set(record.id, state);
    return state;
  }

  /** Forgets a record the outbox dropped. */
  forget(id: DeliveryId): void {
    this.states.delete(id);
  }

  /** Hands the delivery to the dispatcher for an attempt as soon as a slot is free. */
  makeReady(state: DeliveryState): void {
    if (this.closed || state.phase === 'done') return;
    state.phase = 'ready';
    state.timer = undefined;
    this.readyCount += 1;
    this.options.dispatcher.submit({ owner: this.options.owner, origin: state.origin, name: state.record.name, run: () => this.start(state) });
  }

  /** A restored PENDING delivery: ready now if its next attempt is overdue (or unknown), else on the clock. */
  arm(state: DeliveryState): void {
    const now = this.options.clock.nowMs();
    const { record } = state;
    // An attempt in flight when the data was saved has no outcome: it runs again.
    const due = record.nextAttemptAt === null ? now : Date.parse(record.nextAttemptAt);
    if (!Number.isFinite(due) || due <= now) {
      record.nextAttemptAt = new Date(now).toISOString();
      this.makeReady(state);
    } else this.waitUntil(state, due);
  }

  /** No attempt in flight or ready, and no retry already due on the clock. */
  isIdle(): boolean {
    if (this.inFlight > 0 || this.readyCount > 0) return false;
    // A retry already due whose clock timer has not fired yet (running clock) is not idle either.
    const now = this.options.clock.nowMs();
    for (const state of this.states.values()) if (state.timer && state.timer.at <= now) return false;
    return true;
  }

  stats(): DeliveryPumpStats {
    let waiting = 0;
    for (const state of this.states.values()) if (state.phase === 'waiting') waiting += 1;
    return { pending: this.pendingCount, inFlight: this.inFlight, ready: this.readyCount, waiting };
  }

  /** Cancels every timer, drops every turn and aborts every attempt in flight; forgets every delivery. */
  cancelAll(): void {
    const { clock, dispatcher, owner } = this.options;
    for (const state of this.states.values()) {
      if (state.timer) clock.cancel(state.timer);
      state.timer = undefined;
    }
    this.states.clear();
    dispatcher.drop(owner);
    this.readyCount = 0;
    this.pendingCount = 0;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  /** `cancelAll`, and nothing is made ready afterwards. */
  close(): void {
    this.cancelAll();
    this.closed = true;
  }

  /** The dispatcher's turn for `state`: nothing to do if it was cleared or restored over meanwhile. */
  private async start(state: DeliveryState): Promise<void> {
    if (this.states.get(state.record.id) !== state || state.phase !== 'ready') {
      this.options.onSettled();
      return;
    }
    this.readyCount -= 1;
    await this.runAttempt(state);
  }

  private async runAttempt(state: DeliveryState): Promise<void> {
    const { clock } = this.options;
    const { record } = state;
    state.phase = 'in-flight';
    this.inFlight += 1;
    const number = record.attempts.length + 1;
    state.attemptStartedMs = clock.nowMs();
    const controller = new AbortController();
    this.controllers.add(controller);
    const attempt = await this.options.attempt(state, number, new Date(state.attemptStartedMs).toISOString(), controller.signal);
    this.controllers.delete(controller);
    this.inFlight -= 1;

    // Cleared, restored over or closed meanwhile: the outcome belongs to nothing any more.
    if (controller.signal.aborted || this.states.get(record.id) !== state) {
      this.options.onSettled();
      return;
    }
    record.attempts.push(attempt);
    if (attempt.status === 'SUCCESS') this.finish(state, 'DELIVERED');
    else this.scheduleRetry(state, number);
    this.options.onAttempt(state, attempt);
    this.options.onSettled();
  }

  /**
   * The next attempt is due the schedule's delay after the failed attempt *started*
   * (fluent-platform.md §6.7: attempts at 0, 2, 6, 14 s), at once if that is already past.
   */
  private scheduleRetry(state: DeliveryState, failedAttempt: number): void {
    const delay = failedAttempt >= MAX_ATTEMPTS ? null : retryDelayMs(this.scheduleFor(state.record.retailerId), failedAttempt);
    if (delay === null) {
      this.finish(state, 'FAILED');
      return;
    }
    const now = this.options.clock.nowMs();
    const due = Math.max(state.attemptStartedMs + delay, now);
    state.record.nextAttemptAt = new Date(due).toISOString();
    if (due === now) this.makeReady(state);
    else this.waitUntil(state, due);
  }

  private waitUntil(state: DeliveryState, due: number): void {
    state.phase = 'waiting';
    state.timer = this.options.clock.schedule(due, () => this.makeReady(state));
  }

  private scheduleFor(retailerId: string): RetryScheduleName {
    try {
      return this.options.retrySchedule(retailerId);
    } catch (error) {
      this.options.logger.warn?.(`webhook retry schedule lookup failed for retailer ${retailerId}; using the default schedule`, error);
      return 'default';
    }
  }

  private finish(state: DeliveryState, status: 'DELIVERED' | 'FAILED'): void {
    const { record } = state;
    record.status = status;
    record.nextAttemptAt = null;
    state.phase = 'done';
    state.timer = undefined;
    this.pendingCount -= 1;
    if (status === 'FAILED')
      this.options.logger.warn?.(`webhook ${record.name} to ${record.url} FAILED after ${record.attempts.length} attempts`, { id: record.id });
  }
}
