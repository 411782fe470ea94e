/**
 * Simulator-only webhook endpoints (design §1; fluent-platform.md §8 #19), never platform mimics:
 * - `GET /_sim/webhooks`: the outbox, oldest first; filters as query parameters
 *   (`name`, `entityId`, `entityRef`, `entityType`, `status`, `url`, `sourceEventId`);
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
import { publicKeyToBase64Spki } from '../../webhooks/keys.js';
import { DELIVERY_STATUSES, type DeliveryStatus, type OutboxFilter } from '../../webhooks/outbox.js';
import type { WebhookService } from '../../webhooks/webhook-service.js';

const STRING_FILTERS = ['name', 'entityId', 'entityRef', 'entityType', 'url', 'sourceEventId'] as const;

function readFilter(req: Request): OutboxFilter {
  const filter: OutboxFilter = {};
  const query = req.query as Record<string, unknown>;
  const single = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new SimError('VALIDATION_FAILED', `Query parameter '${key}' must be given once, as a string`);
    return value;
  };
  for (const key of STRING_FILTERS) filter[key] = single(key);
  const status = single('status');
  if (status !== undefined) {
    if (!(DELIVERY_STATUSES as readonly string[]).includes(status)) {
      throw new SimError('VALIDATION_FAILED', `Query parameter 'status' must be one of ${DELIVERY_STATUSES.join(', ')}; got '${status}'`);
    }
    filter.status = status as DeliveryStatus;
  }
  return filter;
}

export function createSimWebhookRouter(getService: (req: Request) => WebhookService, publicKeyPem: () => string): Router {
  const router = Router();

  router.get('/_sim/webhooks', (req, res) => {
    const results = getService(req).list(readFilter(req));
    res.status(200).json({ count: results.length, results });
  });

  router.delete('/_sim/webhooks', (req, res) => {
    res.status(200).json({ cleared: getService(req).clear() });
  });

  // Before `/:id`, which would otherwise take "public-key" as an id.
  router.get('/_sim/webhooks/public-key', (req, res) => {
    const format = req.query.format ?? 'pem';
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
