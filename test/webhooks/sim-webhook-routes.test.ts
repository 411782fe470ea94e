// The simulator-only /_sim/webhooks endpoints on a tiny express app, with a real receiver.
import { WebhookValidationService, type Logger } from '@fluentcommerce/fc-connect-sdk';
import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../server/http/error-handler.js';
import { createSimWebhookRouter } from '../../server/http/routes/sim-webhook-routes.js';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
import { loadOrCreateKeyPair, publicKeyToBase64Spki } from '../../server/webhooks/keys.js';
import { createWebhookService, type WebhookService } from '../../server/webhooks/webhook-service.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const START = new Date('2026-01-15T09:00:00.000Z');
const keys = loadOrCreateKeyPair();
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const webhook = (url: string, entityId: string, name = 'OrderStatus'): WebhookRequest => ({
  name,
  url,
  accountId: 'SIM',
  retailerId: '1',
  sourceEventId: `event-${entityId}`,
  event: {
    id: `id-${entityId}`,
    name,
    accountId: 'SIM',
    retailerId: '1',
    entityId,
    entityRef: `O-${entityId}`,
    entityType: 'ORDER',
    entityStatus: 'BOOKED',
    type: 'NORMAL',
    attributes: {},
    rootEntityId: entityId,
    rootEntityType: 'ORDER',
    rootEntityRef: `O-${entityId}`,
  },
});

let receiver: WebhookReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function setup() {
  receiver = await startWebhookReceiver();
  const service = createWebhookService({
    clock: createClock({ start: START, frozen: true }),
    ids: createIds({ deterministicUuids: true }),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
  });
  const app = express();
  app.use(
    createSimWebhookRouter(
      () => service,
      () => keys.publicKeyPem,
    ),
  );
  app.use(createErrorHandler(() => undefined));
  return { app, service, receiver };
}

/** Resolves once the route subscribes to the service: the long poll is open and waiting. */
function pollOpened(service: WebhookService): Promise<void> {
  const subscribe = service.subscribe.bind(service);
  return new Promise((resolve) => {
    service.subscribe = (listener) => {
      resolve();
      return subscribe(listener);
    };
  });
}

describe('GET /_sim/webhooks', () => {
  it('lists deliveries oldest first with their attempts', async () => {
    const { app, service, receiver } = await setup();
    const a = service.enqueue(webhook(receiver.url, '1'));
    const b = service.enqueue(webhook(receiver.url, '2', 'FulfilmentStatus'));
    await service.drain();
    const res = await request(app).get('/_sim/webhooks');
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(2);
    expect(res.body.results.map((d: { id: string }) => d.id)).toEqual([a.id, b.id]);
    expect(res.body.results[0]).toMatchObject({ status: 'DELIVERED', attempts: [{ number: 1, status: 'SUCCESS', responseStatus: 200 }] });
  });

  it('filters by the query parameters', async () => {
    const { app, service, receiver } = await setup();
    service.enqueue(webhook(receiver.url, '1'));
    const b = service.enqueue(webhook(receiver.url, '2', 'FulfilmentStatus'));
    await service.drain();
    const byName = await request(app).get('/_sim/webhooks').query({ name: 'FulfilmentStatus' });
    expect(byName.body.results.map((d: { id: string }) => d.id)).toEqual([b.id]);
    const byEntity = await request(app).get('/_sim/webhooks').query({ entityType: 'ORDER', entityRef: 'O-2', status: 'DELIVERED', url: receiver.url });
    expect(byEntity.body.results.map((d: { id: string }) => d.id)).toEqual([b.id]);
    const none = await request(app).get('/_sim/webhooks').query({ status: 'FAILED' });
    expect(none.body).toMatchObject({ count: 0, results: [], next: null });
  });

  it('pages the log with limit and after, counting every match', async () => {
    const { app, service, receiver } = await setup();
    const ids = Array.from({ length: 5 }, (_, i) => service.enqueue(webhook(receiver.url, String(i))).id);
    await service.drain();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await request(app)
        .get('/_sim/webhooks')
        .query({ limit: 2, ...(after ? { after } : {}) });
      expect(res.body.count).toBe(5);
      seen.push(...res.body.results.map((d: { id: string }) => d.id));
      if (res.body.next === null) break;
      after = res.body.next;
    }
    expect(seen).toEqual(ids);
    const bad = await request(app).get('/_sim/webhooks').query({ limit: 5000 });
    expect(bad.status).toBe(400);
  });

  it('keeps only deliveries created since an instant', async () => {
    receiver = await startWebhookReceiver();
    const clock = createClock({ start: START, frozen: true });
    const service = createWebhookService({ clock, ids: createIds({ deterministicUuids: true }), privateKey: keys.privateKey, publicKeyPem: keys.publicKeyPem });
    const app = express()
      .use(
        createSimWebhookRouter(
          () => service,
          () => keys.publicKeyPem,
        ),
      )
      .use(createErrorHandler(() => undefined));
    service.enqueue(webhook(receiver.url, '1'));
    await clock.advance(60_000);
    const later = service.enqueue(webhook(receiver.url, '2'));
    await service.drain();
    const res = await request(app).get('/_sim/webhooks').query({ since: '2026-01-15T09:01:00Z' });
    expect(res.body.results.map((d: { id: string }) => d.id)).toEqual([later.id]);
    expect((await request(app).get('/_sim/webhooks').query({ since: 'yesterday' })).status).toBe(400);
  });

  it('holds a long poll until a matching delivery exists, then answers at once', async () => {
    const { app, service, receiver } = await setup();
    service.enqueue(webhook(receiver.url, '1'));
    const opened = pollOpened(service);
    const polling = request(app)
      .get('/_sim/webhooks')
      .query({ name: 'FulfilmentStatus', wait: 10_000 })
      .then((r) => r);
    // Not answered while nothing matches: the poll is open with the first delivery in the outbox.
    await opened;
    const wanted = service.enqueue(webhook(receiver.url, '2', 'FulfilmentStatus'));
    const res = await polling;
    expect(res.body.results.map((d: { id: string }) => d.id)).toEqual([wanted.id]);
    await service.drain();
  });

  it('with a version, waits for a change after it, and answers the page when the wait runs out', async () => {
    const { app, service, receiver } = await setup();
    service.enqueue(webhook(receiver.url, '1'));
    await service.drain();
    const first = await request(app).get('/_sim/webhooks').query({ wait: 10_000 });
    expect(first.body.count).toBe(1);
    const quiet = await request(app).get('/_sim/webhooks').query({ wait: 50, version: first.body.version });
    expect(quiet.body).toMatchObject({ count: 1, version: first.body.version });
    const opened = pollOpened(service);
    const polling = request(app)
      .get('/_sim/webhooks')
      .query({ wait: 10_000, version: first.body.version })
      .then((r) => r);
    await opened;
    service.enqueue(webhook(receiver.url, '2'));
    const changed = await polling;
    expect(changed.body.count).toBe(2);
    expect(changed.body.version).toBeGreaterThan(first.body.version);
    await service.drain();
  });

  it('answers 400 for an unknown status', async () => {
    const { app } = await setup();
    const res = await request(app).get('/_sim/webhooks').query({ status: 'LOST' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: '400', message: expect.stringMatching(/status/) });
  });
});

describe('GET /_sim/webhooks/:id', () => {
  it('returns one delivery', async () => {
    const { app, service, receiver } = await setup();
    const { id } = service.enqueue(webhook(receiver.url, '1'));
    await service.drain();
    const res = await request(app).get(`/_sim/webhooks/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(service.get(id));
  });

  it('answers 404 in the platform error shape for an unknown id', async () => {
    const { app } = await setup();
    const res = await request(app).get('/_sim/webhooks/nope');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ errors: [{ code: '404', message: 'No webhook delivery with id nope' }] });
  });
});

describe('POST /_sim/webhooks/:id/replay', () => {
  it('sends the same body again as a new delivery and answers 202 with it', async () => {
    const { app, service, receiver } = await setup();
    const { id } = service.enqueue(webhook(receiver.url, '1'));
    await service.drain();
    const res = await request(app).post(`/_sim/webhooks/${id}/replay`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ replayOf: id, status: 'PENDING', attempts: [] });
    await service.drain();
    expect(service.get(res.body.id)!.status).toBe('DELIVERED');
    const [first, second] = await receiver.waitForRequests(2);
    expect(second!.body.equals(first!.body)).toBe(true);
  });

  it('answers 404 for an unknown id', async () => {
    const { app } = await setup();
    const res = await request(app).post('/_sim/webhooks/nope/replay');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ errors: [{ code: '404', message: 'No webhook delivery with id nope' }] });
  });
});

describe('DELETE /_sim/webhooks', () => {
  it('empties the outbox and says how many records went', async () => {
    const { app, service, receiver } = await setup();
    service.enqueue(webhook(receiver.url, '1'));
    service.enqueue(webhook(receiver.url, '2'));
    await service.drain();
    const res = await request(app).delete('/_sim/webhooks');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cleared: 2 });
    expect((await request(app).get('/_sim/webhooks')).body).toMatchObject({ count: 0, results: [], next: null });
  });
});

describe('GET /_sim/webhooks/public-key', () => {
  it('serves the PEM as text/plain', async () => {
    const { app } = await setup();
    const res = await request(app).get('/_sim/webhooks/public-key');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(keys.publicKeyPem);
  });

  it('serves the bare base64 SPKI with format=base64, which the official client validates with', async () => {
    const { app, service, receiver } = await setup();
    const res = await request(app).get('/_sim/webhooks/public-key').query({ format: 'base64' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe(publicKeyToBase64Spki(keys.publicKey));

    service.enqueue(webhook(receiver.url, '1'));
    const [received] = await receiver.waitForRequests(1);
    const headers = Object.fromEntries(Object.entries(received!.headers).map(([k, v]) => [k, String(v)]));
    const result = await new WebhookValidationService({}, silent).validateWebhook(received!.body.toString('utf8'), headers, res.text);
    expect(result).toMatchObject({ isValid: true, algorithm: 'SHA512withRSA' });
  });

  it('answers 400 for an unknown format', async () => {
    const { app } = await setup();
    const res = await request(app).get('/_sim/webhooks/public-key').query({ format: 'jwk' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('400');
  });
});
