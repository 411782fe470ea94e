// Webhook delivery end to end (style.md §10, level 5): a real receiver on port 0, a frozen virtual
// clock stepped with `clock.advance` + `service.drain()`, signatures checked over the raw bytes
// the receiver got, with node:crypto and with the official client.
import { constants, verify } from 'node:crypto';
import { WebhookValidationService, type Logger } from '@fluentcommerce/fc-connect-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import { SimError } from '../../server/domain/errors.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
import { loadOrCreateKeyPair, publicKeyToBase64Spki } from '../../server/webhooks/keys.js';
import { accountIdOf, entityIdOf, eventIdOf } from '../../server/domain/ids.js';
import { deliveryIdOf, type WebhookAttempt, type WebhookDelivery } from '../../server/webhooks/outbox.js';
import { toWebhookBody, type WebhookEvent } from '../../server/webhooks/payload.js';
import { createWebhookService, type WebhookService, type WebhookServiceOptions } from '../../server/webhooks/webhook-service.js';
import { startWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions } from '../support/webhook-receiver.js';

const START = new Date('2026-01-15T09:00:00.000Z');
const at = (ms: number): string => new Date(START.getTime() + ms).toISOString();
const keys = loadOrCreateKeyPair();
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const event = (overrides: Partial<WebhookEvent> = {}): WebhookEvent => ({
  id: '5f7fa2bd-39b2-4105-98f4-29b6ca3afc98',
  name: 'OrderStatus',
  accountId: 'SIM',
  retailerId: '1',
  entityId: '3786',
  entityRef: 'HD_387_56',
  entityType: 'ORDER',
  entityStatus: 'COMPLETE',
  type: 'NORMAL',
  attributes: { note: 'ünïcödé ✓' },
  rootEntityId: '3786',
  rootEntityType: 'ORDER',
  rootEntityRef: 'HD_387_56',
  ...overrides,
});

const webhook = (url: string, overrides: Partial<WebhookEvent> = {}): WebhookRequest => ({
  name: overrides.name ?? 'OrderStatus',
  url,
  accountId: 'SIM',
  retailerId: overrides.retailerId ?? '1',
  event: event(overrides),
  sourceEventId: 'a1b2c3d4-0000-4000-8000-000000000001',
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver(options);
  cleanups.push(() => r.close());
  return r;
}

/** A URL nothing listens on: a receiver's port, closed. */
async function deadUrl(): Promise<string> {
  const r = await startWebhookReceiver();
  await r.close();
  return r.url;
}

async function setup(overrides: Partial<WebhookServiceOptions> = {}) {
  const clock = overrides.clock ?? createClock({ start: START, frozen: true });
  // `start` can land a millisecond late (clock.ts reads the wall clock twice); pin it exactly.
  if (!overrides.clock) await clock.set(START);
  const seen: { delivery: WebhookDelivery; attempt: WebhookAttempt }[] = [];
  const service = createWebhookService({
    clock,
    ids: createIds({ deterministicUuids: true }),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    onAttempt: (delivery, attempt) => seen.push({ delivery, attempt }),
    ...overrides,
  });
  cleanups.push(() => service.close());
  /** Moves virtual time and waits for whatever became due to finish on the wire. */
  const step = async (ms: number): Promise<void> => {
    await clock.advance(ms);
    await service.drain();
  };
  return { clock, service, seen, step };
}

const attemptTimes = (service: WebhookService, id: string): string[] => service.get(id)!.attempts.map((a) => a.at);

describe('webhook delivery', () => {
  it('posts the exact bytes of toWebhookBody with both signatures, verifiable over the raw body', async () => {
    const r = await receiver();
    const { service } = await setup();
    const sent = service.enqueue(webhook(r.url));
    await service.drain();

    const [received] = await r.waitForRequests(1);
    const expected = toWebhookBody(event());
    expect(received!.method).toBe('POST');
    expect(received!.body.equals(expected)).toBe(true);
    expect(received!.headers['content-type']).toBe('application/json');
    const key = { key: keys.publicKey, padding: constants.RSA_PKCS1_PADDING };
    const fluentSignature = String(received!.headers['fluent-signature']);
    const flexSignature = String(received!.headers['flex.signature']);
    expect(verify('sha512', received!.body, key, Buffer.from(fluentSignature, 'base64'))).toBe(true);
    expect(verify('md5', received!.body, key, Buffer.from(flexSignature, 'base64'))).toBe(true);
    // The record keeps exactly what went out.
    const record = service.get(sent.id)!;
    expect(record.body).toBe(expected.toString('utf8'));
    expect(record.headers).toEqual({ 'content-type': 'application/json', 'fluent-signature': fluentSignature, 'flex.signature': flexSignature });
  });

  it('is accepted by the official client WebhookValidationService with the base64 SPKI key', async () => {
    const r = await receiver();
    const { service } = await setup();
    service.enqueue(webhook(r.url));
    const [received] = await r.waitForRequests(1);
    const headers = Object.fromEntries(Object.entries(received!.headers).map(([k, v]) => [k, String(v)]));
    const result = await new WebhookValidationService({}, silent).validateWebhook(
      received!.body.toString('utf8'),
      headers,
      publicKeyToBase64Spki(keys.publicKey),
    );
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ isValid: true, algorithm: 'SHA512withRSA' });
  });

  it('records a DELIVERED delivery with one SUCCESS attempt and the outbox fields', async () => {
    const r = await receiver({ status: 204 });
    const { service, seen } = await setup();
    const sent = service.enqueue(webhook(r.url, { entitySubtype: 'HD' }));
    expect(sent).toMatchObject({ status: 'PENDING', attempts: [], nextAttemptAt: at(0), createdOn: at(0) });
    await service.drain();
    expect(service.get(sent.id)).toMatchObject({
      id: sent.id,
      name: 'OrderStatus',
      url: r.url,
      accountId: 'SIM',
      retailerId: '1',
      entityType: 'ORDER',
      entityId: '3786',
      entityRef: 'HD_387_56',
      status: 'DELIVERED',
      createdOn: at(0),
      sourceEventId: 'a1b2c3d4-0000-4000-8000-000000000001',
      replayOf: null,
      nextAttemptAt: null,
      attempts: [{ number: 1, at: at(0), status: 'SUCCESS', responseStatus: 204, responseBodyExcerpt: '', error: null, durationMs: expect.any(Number) }],
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.delivery.status).toBe('DELIVERED');
    expect(seen[0]!.attempt).toMatchObject({ number: 1, status: 'SUCCESS' });
  });

  it('retries after two failures and delivers on the third attempt, at 0, 2 and 6 s', async () => {
    const r = await receiver({ failTimes: 2 });
    const { service, step, seen } = await setup();
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    expect(service.get(id)).toMatchObject({ status: 'PENDING', nextAttemptAt: at(2_000) });
    await step(2_000);
    expect(service.get(id)).toMatchObject({ status: 'PENDING', nextAttemptAt: at(6_000) });
    await step(4_000);
    const record = service.get(id)!;
    expect(record.status).toBe('DELIVERED');
    expect(record.attempts.map((a) => [a.number, a.at, a.status, a.responseStatus])).toEqual([
      [1, at(0), 'FAILED', 500],
      [2, at(2_000), 'FAILED', 500],
      [3, at(6_000), 'SUCCESS', 200],
    ]);
    expect(r.requests).toHaveLength(3);
    // Every attempt sends the same bytes and signatures.
    expect(new Set(r.requests.map((q) => q.body.toString('base64'))).size).toBe(1);
    expect(new Set(r.requests.map((q) => q.headers['fluent-signature'])).size).toBe(1);
    expect(seen.map((s) => [s.attempt.number, s.delivery.status])).toEqual([
      [1, 'PENDING'],
      [2, 'PENDING'],
      [3, 'DELIVERED'],
    ]);
  });

  it('tries a dead receiver at exactly 0, 2, 6 and 14 s, then marks it FAILED and stops', async () => {
    const url = await deadUrl();
    const { service, step, clock } = await setup();
    const { id } = service.enqueue(webhook(url));
    await service.drain();
    await step(1_999);
    expect(service.get(id)!.attempts).toHaveLength(1);
    await step(1);
    await step(4_000);
    await step(8_000);
    const record = service.get(id)!;
    expect(attemptTimes(service, id)).toEqual([at(0), at(2_000), at(6_000), at(14_000)]);
    expect(record.status).toBe('FAILED');
    expect(record.nextAttemptAt).toBeNull();
    for (const attempt of record.attempts) {
      expect(attempt).toMatchObject({ status: 'FAILED', responseStatus: null, responseBodyExcerpt: '' });
      expect(attempt.error).toMatch(/^connection error: .*ECONNREFUSED/);
    }
    await step(86_400_000);
    expect(service.get(id)!.attempts).toHaveLength(4);
    expect(clock.pending()).toEqual([]);
  });

  it('follows the exponential schedule: retries 1 min, 1 h and 1 day after each failure', async () => {
    const url = await deadUrl();
    const schedules: string[] = [];
    const { service, step } = await setup({
      retrySchedule: (retailerId) => {
        schedules.push(retailerId);
        return 'exponential';
      },
    });
    const { id } = service.enqueue(webhook(url, { retailerId: '7' }));
    await service.drain();
    await step(2_000);
    expect(service.get(id)!.attempts).toHaveLength(1);
    await step(58_000);
    await step(3_600_000);
    await step(86_400_000);
    expect(attemptTimes(service, id)).toEqual([at(0), at(60_000), at(3_660_000), at(90_060_000)]);
    expect(service.get(id)!.status).toBe('FAILED');
    expect(schedules).toEqual(['7', '7', '7']);
  });

  it('counts a non-2xx answer as a failure and keeps at most 500 characters of its body', async () => {
    const r = await receiver({ status: 503, body: 'x'.repeat(3_000) });
    const { service, step } = await setup();
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    for (const ms of [2_000, 4_000, 8_000]) await step(ms);
    const record = service.get(id)!;
    expect(record.status).toBe('FAILED');
    expect(record.attempts).toHaveLength(4);
    for (const attempt of record.attempts) {
      expect(attempt).toMatchObject({ status: 'FAILED', responseStatus: 503, error: expect.stringMatching(/^HTTP 503/) });
      expect(attempt.responseBodyExcerpt).toBe('x'.repeat(500));
    }
  });

  it('counts a redirect as a failure and does not follow it', async () => {
    const r = await receiver({ status: 302 });
    const { service } = await setup();
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    expect(service.get(id)!.attempts[0]).toMatchObject({ status: 'FAILED', responseStatus: 302 });
    expect(r.requests).toHaveLength(1);
  });

  it('counts a timeout as a failure', async () => {
    const r = await receiver({ hang: true });
    const { service } = await setup({ timeoutMs: 100 });
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    const record = service.get(id)!;
    expect(record.status).toBe('PENDING');
    expect(record.attempts).toEqual([
      {
        number: 1,
        at: at(0),
        status: 'FAILED',
        responseStatus: null,
        responseBodyExcerpt: '',
        error: 'timeout: no complete answer within 100 ms',
        durationMs: expect.any(Number),
      },
    ]);
    expect(record.attempts[0]!.durationMs).toBeGreaterThanOrEqual(90);
    expect(record.nextAttemptAt).toBe(at(2_000));
  });

  it('counts an invalid URL as a failed attempt instead of throwing', async () => {
    const { service } = await setup();
    const { id } = service.enqueue(webhook('not a url'));
    await service.drain();
    expect(service.get(id)!.attempts[0]).toMatchObject({ status: 'FAILED', responseStatus: null, error: expect.any(String) });
  });

  it('replays a delivery as a new one with the same body and fresh attempts', async () => {
    const r = await receiver();
    const { service, step } = await setup();
    const first = service.enqueue(webhook(r.url));
    await service.drain();
    await step(10_000);
    const replayed = service.replay(first.id);
    expect(replayed).toMatchObject({
      status: 'PENDING',
      attempts: [],
      replayOf: first.id,
      createdOn: at(10_000),
      url: r.url,
      sourceEventId: first.sourceEventId,
    });
    expect(replayed.id).not.toBe(first.id);
    await service.drain();
    expect(service.get(replayed.id)).toMatchObject({ status: 'DELIVERED', attempts: [{ number: 1, at: at(10_000) }] });
    expect(service.get(first.id)!.attempts).toHaveLength(1);
    const [a, b] = await r.waitForRequests(2);
    expect(b!.body.equals(a!.body)).toBe(true);
    expect(b!.headers['fluent-signature']).toBe(a!.headers['fluent-signature']);
    expect(service.list().map((d) => d.id)).toEqual([first.id, replayed.id]);
  });

  it('refuses to replay an unknown delivery with SimError NOT_FOUND', async () => {
    const { service } = await setup();
    expect(() => service.replay('nope')).toThrow(SimError);
    expect(() => service.replay('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists by name, entity, status and url', async () => {
    const ok = await receiver();
    const url = await deadUrl();
    const { service } = await setup();
    const a = service.enqueue(webhook(ok.url, { name: 'OrderStatus', entityId: '1', entityRef: 'O-1' }));
    const b = service.enqueue(webhook(url, { name: 'FulfilmentStatus', entityType: 'FULFILMENT', entityId: '2', entityRef: 'F-2' }));
    await service.drain();
    expect(service.list().map((d) => d.id)).toEqual([a.id, b.id]);
    expect(service.list({ name: 'FulfilmentStatus' }).map((d) => d.id)).toEqual([b.id]);
    expect(service.list({ entityType: 'ORDER', entityId: '1' }).map((d) => d.id)).toEqual([a.id]);
    expect(service.list({ entityRef: 'F-2' }).map((d) => d.id)).toEqual([b.id]);
    expect(service.list({ status: 'DELIVERED' }).map((d) => d.id)).toEqual([a.id]);
    expect(service.list({ status: 'PENDING' }).map((d) => d.id)).toEqual([b.id]);
    expect(service.list({ url: ok.url }).map((d) => d.id)).toEqual([a.id]);
    expect(service.list({ entityId: '3' })).toEqual([]);
  });

  it('returns copies: changing a returned record does not change the outbox', async () => {
    const r = await receiver();
    const { service } = await setup();
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    const copy = service.get(id)!;
    copy.status = 'FAILED';
    copy.attempts.length = 0;
    copy.headers['x'] = 'y';
    expect(service.get(id)).toMatchObject({ status: 'DELIVERED', attempts: [{ number: 1 }] });
    expect(service.get(id)!.headers['x']).toBeUndefined();
  });

  it('clears the outbox and cancels pending retries', async () => {
    const url = await deadUrl();
    const { service, step, clock } = await setup();
    service.enqueue(webhook(url));
    await service.drain();
    expect(clock.pending()).toHaveLength(1);
    expect(service.clear()).toBe(1);
    expect(service.list()).toEqual([]);
    expect(clock.pending()).toEqual([]);
    await step(60_000);
    expect(service.list()).toEqual([]);
  });

  it('aborts an attempt in flight on clear, without recording it', async () => {
    const r = await receiver({ hang: true });
    const { service } = await setup();
    service.enqueue(webhook(r.url));
    await r.waitForRequests(1);
    expect(service.stats()).toMatchObject({ inFlight: 1, pending: 1 });
    service.clear();
    await service.drain();
    expect(service.stats()).toEqual({ pending: 0, inFlight: 0, ready: 0, waiting: 0 });
    expect(service.list()).toEqual([]);
  });

  it('does not block enqueue or other receivers behind 100 deliveries to a slow receiver', async () => {
    const slow = await receiver({ delayMs: 200 });
    const fast = await receiver();
    const { service } = await setup();
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) service.enqueue(webhook(slow.url, { entityId: String(i) }));
    const enqueueMs = performance.now() - started;
    // Lenient bound for busy CI machines; the work is ~µs per call (no signing, no I/O).
    expect(enqueueMs).toBeLessThan(100);

    await slow.waitForRequests(1);
    const quick = service.enqueue(webhook(fast.url));
    const fastStarted = performance.now();
    await expect.poll(() => service.get(quick.id)!.status, { timeout: 2_000, interval: 5, message: 'fast delivery' }).toBe('DELIVERED');
    const fastMs = performance.now() - fastStarted;
    expect(fastMs).toBeLessThan(1_000);
    // The slow receiver's backlog is still being worked through when the fast one is done.
    expect(service.list({ url: slow.url, status: 'DELIVERED' }).length).toBeLessThan(100);

    await expect.poll(() => service.list({ url: slow.url, status: 'DELIVERED' }).length, { timeout: 10_000, interval: 5, message: 'slow backlog' }).toBe(100);
    expect(slow.requests).toHaveLength(100);
    expect(new Set(slow.requests.map((q) => JSON.parse(q.body.toString('utf8')).entityId)).size).toBe(100);
  });

  it("does no network work on the caller's stack", async () => {
    let calls = 0;
    const { service } = await setup({
      fetch: async () => {
        calls += 1;
        return new Response('ok');
      },
    });
    const { id } = service.enqueue(webhook('http://receiver.invalid/hook'));
    expect(calls).toBe(0);
    expect(service.stats()).toEqual({ pending: 1, inFlight: 0, ready: 1, waiting: 0 });
    await service.drain();
    expect(calls).toBe(1);
    expect(service.get(id)!.status).toBe('DELIVERED');
  });

  it('retries on a running clock without anyone advancing it, and drain waits for the due retry', async () => {
    const r = await receiver({ failTimes: 1 });
    const clock = createClock({ start: START });
    cleanups.push(() => clock.dispose());
    const { service } = await setup({ clock });
    const { id } = service.enqueue(webhook(r.url));
    await expect.poll(() => service.get(id)!.attempts.length, { interval: 5 }).toBe(1);
    expect(service.get(id)!.status).toBe('PENDING');
    await expect.poll(() => service.get(id)!.status, { timeout: 5_000, interval: 5 }).toBe('DELIVERED');
    const [first, second] = service.get(id)!.attempts.map((a) => Date.parse(a.at));
    expect(second! - first!).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps a delivery independent of a hanging receiver on the same service', async () => {
    const hanging = await receiver({ hang: true });
    const ok = await receiver();
    const { service } = await setup({ timeoutMs: 2_000 });
    for (let i = 0; i < 20; i += 1) service.enqueue(webhook(hanging.url));
    const { id } = service.enqueue(webhook(ok.url));
    await expect.poll(() => service.get(id)!.status, { timeout: 1_000, interval: 5 }).toBe('DELIVERED');
    expect(service.stats().inFlight).toBeGreaterThan(0);
    service.clear();
  });

  it('restores the outbox and re-arms a pending delivery on the clock, signing with the new key', async () => {
    const r = await receiver({ failTimes: 1 });
    const first = await setup();
    const { id } = first.service.enqueue(webhook(r.url));
    await first.service.drain();
    const saved = JSON.parse(JSON.stringify(first.service.toJSON()));
    expect(saved.deliveries[0]).toMatchObject({ id, status: 'PENDING', nextAttemptAt: at(2_000) });
    first.service.close();

    const other = loadOrCreateKeyPair();
    const second = await setup({ privateKey: other.privateKey, publicKeyPem: other.publicKeyPem });
    second.service.restore(saved);
    expect(second.clock.pending().map((t) => t.at)).toEqual([START.getTime() + 2_000]);
    await second.service.drain();
    expect(r.requests).toHaveLength(1);
    await second.step(2_000);
    const record = second.service.get(id)!;
    expect(record).toMatchObject({
      status: 'DELIVERED',
      attempts: [
        { number: 1, status: 'FAILED' },
        { number: 2, at: at(2_000), status: 'SUCCESS' },
      ],
    });
    const last = r.requests[1]!;
    const key = { key: other.publicKey, padding: constants.RSA_PKCS1_PADDING };
    expect(verify('sha512', last.body, key, Buffer.from(String(last.headers['fluent-signature']), 'base64'))).toBe(true);
    expect(record.headers['fluent-signature']).toBe(last.headers['fluent-signature']);
  });

  it('runs an overdue restored delivery at once, and leaves finished ones alone', async () => {
    const r = await receiver();
    const { service } = await setup();
    const base = {
      name: 'OrderStatus',
      url: r.url,
      accountId: accountIdOf('SIM'),
      retailerId: '1',
      entityType: 'ORDER',
      entityId: entityIdOf('1'),
      entityRef: 'O-1',
      createdOn: at(-60_000),
      sourceEventId: eventIdOf('e'),
      replayOf: null,
      headers: { 'content-type': 'application/json' },
      body: '{"id":"x"}',
    };
    service.restore({
      deliveries: [
        { ...base, id: deliveryIdOf('overdue'), status: 'PENDING', attempts: [], nextAttemptAt: at(-1_000) },
        { ...base, id: deliveryIdOf('done'), status: 'FAILED', attempts: [], nextAttemptAt: null },
      ],
    });
    await service.drain();
    expect(service.get('overdue')).toMatchObject({ status: 'DELIVERED', attempts: [{ number: 1, at: at(0) }] });
    expect(service.get('done')).toMatchObject({ status: 'FAILED', attempts: [] });
    expect(r.requests.map((q) => q.body.toString('utf8'))).toEqual(['{"id":"x"}']);
  });

  it('drops the oldest finished records past maxRecords', async () => {
    const r = await receiver();
    const { service } = await setup({ maxRecords: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(service.enqueue(webhook(r.url, { entityId: String(i) })).id);
      await service.drain();
    }
    expect(service.list().map((d) => d.id)).toEqual(ids.slice(2));
  });

  it('keeps going when onAttempt throws', async () => {
    const r = await receiver();
    const warnings: string[] = [];
    const { service } = await setup({
      onAttempt: () => {
        throw new Error('audit store down');
      },
      logger: { warn: (message) => void warnings.push(message) },
    });
    const { id } = service.enqueue(webhook(r.url));
    await service.drain();
    expect(service.get(id)!.status).toBe('DELIVERED');
    expect(warnings).toEqual(['webhook onAttempt callback threw']);
  });
});
