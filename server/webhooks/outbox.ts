/**
 * The webhook outbox: one record per delivery, with every attempt as data, for
 * `/_sim/webhooks` and for tests to assert on (style.md §9). Plain JSON, so it can be persisted
 * and snapshotted as is. The delivery logic lives in `delivery-pump.ts`, put together with the
 * outbox by `webhook-service.ts`.
 */

import type { AccountId, EntityId, EventId } from '../domain/ids.js';
import { type Brand, branded } from '../lib/brand.js';

/** A webhook delivery's id (a UUID), never to be mistaken for the event or entity it is about. */
export type DeliveryId = Brand<string, 'DeliveryId'>;
export const deliveryIdOf = (id: string): DeliveryId => branded<DeliveryId>(id);

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

export type AttemptStatus = 'SUCCESS' | 'FAILED';

/** Longest response body kept on an attempt, in characters. */
export const RESPONSE_EXCERPT_MAX_CHARS = 500;

export type WebhookAttempt = {
  /** 1-based. */
  number: number;
  /** When the attempt started, virtual time (ISO 8601). */
  at: string;
  status: AttemptStatus;
  /** HTTP status of the answer; null when there was none (connection error, timeout). */
  responseStatus: number | null;
  /** The first characters of the answer's body (at most RESPONSE_EXCERPT_MAX_CHARS). */
  responseBodyExcerpt: string;
  /** Why the attempt failed; null on success. */
  error: string | null;
  /** Real (wall-clock) duration of the HTTP exchange, ms. */
  durationMs: number;
};

export type WebhookDelivery = {
  id: DeliveryId;
  /** Webhook name (the payload's `name`). */
  name: string;
  url: string;
  accountId: AccountId;
  retailerId: string;
  entityType: string;
  entityId: EntityId;
  entityRef: string;
  status: DeliveryStatus;
  /** Virtual time of enqueue (ISO 8601). */
  createdOn: string;
  /** The orchestration event whose rule asked for the webhook. */
  sourceEventId: EventId;
  /** The delivery this one re-sends (`replay`), else null. */
  replayOf: DeliveryId | null;
  /**
   * Request headers as sent. The signatures are computed when the first attempt goes out
   * (and again after a restore, in case the key changed); until then only `content-type`.
   */
  headers: Record<string, string>;
  /** The exact request body (UTF-8 JSON, the bytes that are signed). */
  body: string;
  attempts: WebhookAttempt[];
  /** When the next attempt is due (ISO 8601, virtual); null once DELIVERED or FAILED. */
  nextAttemptAt: string | null;
  /** Why a delivery ended FAILED without any attempt (the PENDING bound); absent otherwise. */
  failure?: string;
};

export type OutboxFilter = {
  name?: string | undefined;
  entityId?: string | undefined;
  entityRef?: string | undefined;
  entityType?: string | undefined;
  status?: DeliveryStatus | undefined;
  url?: string | undefined;
  sourceEventId?: string | undefined;
  /** Only deliveries created at or after this virtual instant (epoch ms). */
  sinceMs?: number | undefined;
};

/** A page of the outbox: `after` is the id of the last delivery of the previous page. */
export type OutboxPageRequest = { after?: string | undefined; limit: number };
export type OutboxPage = { total: number; items: WebhookDelivery[]; hasMore: boolean };

const FILTER_KEYS = ['name', 'entityId', 'entityRef', 'entityType', 'status', 'url', 'sourceEventId'] as const;

/** Persisted form of the outbox. */
export type WebhookOutboxData = {
  /** Deliveries, oldest first. */
  deliveries: WebhookDelivery[];
};

export function copyDelivery(delivery: WebhookDelivery): WebhookDelivery {
  return { ...delivery, headers: { ...delivery.headers }, attempts: delivery.attempts.map((a) => ({ ...a })) };
}

export function matchesFilter(delivery: WebhookDelivery, filter: OutboxFilter): boolean {
  if (filter.sinceMs !== undefined && Date.parse(delivery.createdOn) < filter.sinceMs) return false;
  return FILTER_KEYS.every((key) => filter[key] === undefined || delivery[key] === filter[key]);
}

export interface Outbox {
  /**
   * Adds a record (stored by reference: the service mutates it as attempts complete).
   * Returns the ids of records dropped to stay within `maxRecords`.
   */
  add(delivery: WebhookDelivery): DeliveryId[];
  /** The live record, or undefined. */
  get(id: string): WebhookDelivery | undefined;
  /** Live records matching the filter, oldest first. */
  list(filter?: OutboxFilter): WebhookDelivery[];
  /**
   * One page of the matching live records, oldest first, starting after the record `after`
   * (an id no longer in the outbox starts from the beginning), and how many match in all.
   */
  page(filter: OutboxFilter, request: OutboxPageRequest): OutboxPage;
  /** Removes every record; returns how many there were. */
  clear(): number;
  size(): number;
  toJSON(): WebhookOutboxData;
}

export type OutboxOptions = {
  /**
   * Records kept. Past it, the oldest finished (DELIVERED or FAILED) record is dropped;
   * PENDING records are never dropped. @default 10000
   */
  maxRecords?: number;
};

export function createOutbox(options: OutboxOptions = {}): Outbox {
  const maxRecords = options.maxRecords ?? 10_000;
  // Map keeps insertion order, which is creation order.
  const records = new Map<string, WebhookDelivery>();

  function evict(): DeliveryId[] {
    const dropped: DeliveryId[] = [];
    if (records.size <= maxRecords) return dropped;
    for (const record of records.values()) {
      if (records.size <= maxRecords) break;
      if (record.status !== 'PENDING') {
        records.delete(record.id);
        dropped.push(record.id);
      }
    }
    return dropped;
  }

  return {
    add(delivery) {
      records.set(delivery.id, delivery);
      return evict();
    },
    get: (id) => records.get(id),
    list(filter = {}) {
      const out: WebhookDelivery[] = [];
      for (const record of records.values()) if (matchesFilter(record, filter)) out.push(record);
      return out;
    },
    page(filter, { after, limit }) {
      const items: WebhookDelivery[] = [];
      let total = 0;
      let started = after === undefined || !records.has(after);
      for (const record of records.values()) {
        if (!matchesFilter(record, filter)) {
          if (record.id === after) started = true;
          continue;
        }
        total += 1;
        if (started && items.length <= limit) items.push(record);
        if (record.id === after) started = true;
      }
      const hasMore = items.length > limit;
      return { total, items: items.slice(0, limit), hasMore };
    },
    clear() {
      const count = records.size;
      records.clear();
      return count;
    },
    size: () => records.size,
    toJSON: () => ({ deliveries: [...records.values()].map(copyDelivery) }),
  };
}
