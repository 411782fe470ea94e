/**
 * What `createWebhookService` takes: the clock, ids and key, the transport, limits and the
 * callbacks the account wires to audit events. Every option but the first four has a default.
 */
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../lib/clock.js';
import type { Ids } from '../lib/ids.js';
import type { FetchLike } from './deliver.js';
import type { Dispatcher } from './dispatcher.js';
import type { WebhookAttempt, WebhookDelivery } from './outbox.js';
import type { RetryScheduleName } from './retry-schedule.js';

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
