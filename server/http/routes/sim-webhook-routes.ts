/**
 * Simulator-only webhook endpoints (design §1; fluent-platform.md §8 #19), never platform mimics:
 * - `GET /_sim/webhooks`: the outbox as a log, oldest first; filters as query parameters
 *   (`name`, `entityId`, `entityRef`, `entityType`, `status`, `url`, `sourceEventId`, `since`);
 *   pages of `limit` (default 100, at most 1000) continued with `after=<next>`; `wait=<ms>`
 *   (at most 30 s) holds the answer until the page has a delivery, and with `version=<v>` until
 *   the outbox has also changed since the answer that carried `version: v` (a long poll);
 * - `GET /_sim/webhooks/public-key`: the public key receivers verify with, PEM (`text/plain`);
 *   `?format=base64` gives the bare base64 SPKI that Fluent publishes and the official client's
 *   `WebhookValidationService` needs (it cannot read PEM);
 * - `GET /_sim/webhooks/{id}`: one delivery with its attempts;
 * - `POST /_sim/webhooks/{id}/replay`: re-sends the same body as a new delivery (202);
 * - `DELETE /_sim/webhooks`: empties the outbox, cancelling pending retries.
 */
import { createPublicKey } from 'node:crypto';
import { Router, type Request } from 'express';
import { SimError } from '../../domain/errors.js';
import { isOneOf } from '../../lib/guards.js';
import { publicKeyToBase64Spki } from '../../webhooks/keys.js';
import { DELIVERY_STATUSES, type OutboxFilter } from '../../webhooks/outbox.js';
import type { WebhookService } from '../../webhooks/webhook-service.js';

const STRING_FILTERS = ['name', 'entityId', 'entityRef', 'entityType', 'url', 'sourceEventId'] as const;
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1_000;
const MAX_WAIT_MS = 30_000;

function single(req: Request, key: string): string | undefined {
  const value = req.query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new SimError('VALIDATION_FAILED', `Query parameter '${key}' must be given once, as a string`);
  return value;
}

function wholeNumber(req: Request, key: string, fallback: number, max: number): number {
  const text = single(req, key);
  if (text === undefined) return fallback;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value > max)
    throw new SimError('VALIDATION_FAILED', `Query parameter '${key}' must be a whole number from 0 to ${max}; got '${text}'`);
  return value;
}

function readFilter(req: Request): OutboxFilter {
  const filter: OutboxFilter = {};
  for (const key of STRING_FILTERS) filter[key] = single(req, key);
  const since = single(req, 'since');
  if (since !== undefined) {
    filter.sinceMs = Date.parse(since);
    if (Number.isNaN(filter.sinceMs))
      throw new SimError('VALIDATION_FAILED', `Query parameter 'since' must be an ISO-8601 instant such as 2026-01-15T09:00:00Z; got '${since}'`);
  }
  const status = single(req, 'status');
  if (status !== undefined) {
    if (!isOneOf(DELIVERY_STATUSES, status)) {
      throw new SimError('VALIDATION_FAILED', `Query parameter 'status' must be one of ${DELIVERY_STATUSES.join(', ')}; got '${status}'`);
    }
    filter.status = status;
  }
  return filter;
}

export function createSimWebhookRouter(getService: (req: Request) => WebhookService, publicKeyPem: () => string): Router {
  const router = Router();

  router.get('/_sim/webhooks', (req, res) => {
    const service = getService(req);
    const filter = readFilter(req);
    const request = { after: single(req, 'after'), limit: wholeNumber(req, 'limit', DEFAULT_LIMIT, MAX_LIMIT) };
    const waitMs = wholeNumber(req, 'wait', 0, MAX_WAIT_MS);
    const seenVersion = single(req, 'version');
    const answer = (): void => {
      const page = service.page(filter, request);
      const next = page.hasMore ? page.items[page.items.length - 1]!.id : null;
      res.status(200).json({ count: page.total, results: page.items, next, version: service.version() });
    };
    // A long poll: ready once something matches and, given a version, the outbox has moved on.
    const ready = (): boolean => String(service.version()) !== seenVersion && service.page(filter, { ...request, limit: 1 }).items.length > 0;
    if (waitMs === 0 || ready()) return answer();
    const stop = (): void => {
      clearTimeout(timer);
      unsubscribe();
      res.off('close', stop);
    };
    const timer = setTimeout(() => {
      stop();
      answer();
    }, waitMs);
    const unsubscribe = service.subscribe(() => {
      if (!ready()) return;
      stop();
      answer();
    });
    res.on('close', stop);
  });

  router.delete('/_sim/webhooks', (req, res) => {
    res.status(200).json({ cleared: getService(req).clear() });
  });

  // Before `/:id`, which would otherwise take "public-key" as an id.
  router.get('/_sim/webhooks/public-key', (req, res) => {
    const format = req.query['format'] ?? 'pem';
    if (format !== 'pem' && format !== 'base64') {
      throw new SimError('VALIDATION_FAILED', `Query parameter 'format' must be 'pem' or 'base64'`);
    }
    const pem = publicKeyPem();
    const text = format === 'pem' ? pem : publicKeyToBase64Spki(createPublicKey(pem));
    res.status(200).type('text/plain').send(text);
  });

  router.get('/_sim/webhooks/:id', (req, res) => {
    const delivery = getService(req).get(req.params.id);
    if (!delivery) throw new SimError('NOT_FOUND', `No webhook delivery with id ${req.params.id}`);
    res.status(200).json(delivery);
  });

  router.post('/_sim/webhooks/:id/replay', (req, res) => {
    res.status(202).json(getService(req).replay(req.params.id));
  });

  return router;
}
