// When attempts go out (issue 16 #6): retries measured from the start of each attempt, on the
// virtual clock, whatever a slow receiver costs; turns across accounts and webhook names; and a
// bound on PENDING deliveries per account.
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, type Clock } from '../../server/lib/clock.js';
import { createIds } from '../../server/lib/ids.js';
import type { WebhookRequest } from '../../server/orchestration/webhook-queue.js';
import type { FetchLike } from '../../server/webhooks/deliver.js';
import { createDispatcher, type Dispatcher } from '../../server/webhooks/dispatcher.js';
import { loadOrCreateKeyPair } from '../../server/webhooks/keys.js';
import type { WebhookDelivery } from '../../server/webhooks/outbox.js';
import { createWebhookService, type WebhookService, type WebhookServiceOptions } from '../../server/webhooks/webhook-service.js';
import { createTestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const START = new Date('2026-01-15T09:00:00.000Z');
const offsets = (d: WebhookDelivery): number[] => d.attempts.map((a) => Date.parse(a.at) - START.getTime());
const keys = loadOrCreateKeyPair();

const webhook = (url: string, name: string, entityId: string): WebhookRequest => ({
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

const services: WebhookService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.close();
});

async function service(clock: Clock, fetch: FetchLike, overrides: Partial<WebhookServiceOptions> = {}): Promise<WebhookService> {
  await clock.set(START);
  const s = createWebhookService({
    clock,
    ids: createIds({ deterministicUuids: true }),
    privateKey: keys.privateKey,
    publicKeyPem: keys.publicKeyPem,
    fetch,
    ...overrides,
  });
  services.push(s);
  return s;
}

/** Steps the frozen clock to each due retry until the delivery is finished. */
async function runToEnd(clock: Clock, s: WebhookService, id: string): Promise<WebhookDelivery> {
  await s.drain();
  for (let next = s.get(id)!.nextAttemptAt; next !== null; next = s.get(id)!.nextAttemptAt) {
    await clock.advance(Math.max(0, Date.parse(next) - clock.nowMs()));
    await s.drain();
  }
  return s.get(id)!;
}

describe('the retry schedule', () => {
  /** A receiver that takes `ms` of virtual time to answer 503. */
  const slow =
    (clock: Clock, ms: number): FetchLike =>
    async () => {
      await clock.advance(ms);
      return new Response('busy', { status: 503 });
    };

  it('keeps the documented offsets 0, 2, 6, 14 s when each attempt takes 1.5 s', async () => {
    const clock = createClock({ start: START, frozen: true });
    const s = await service(clock, slow(clock, 1_500));
    const { id } = s.enqueue(webhook('http://receiver.test/hook', 'OrderStatus', '1'));
    const done = await runToEnd(clock, s, id);
    expect(offsets(done)).toEqual([0, 2_000, 6_000, 14_000]);
    expect(done.status).toBe('FAILED');
  });

  it('counts from the start of an attempt that outlasts the delay: the next goes right after it', async () => {
    const clock = createClock({ start: START, frozen: true });
    const s = await service(clock, slow(clock, 5_000));
    const { id } = s.enqueue(webhook('http://receiver.test/hook', 'OrderStatus', '1'));
    // Due at 0+2 (already past at 5), 5+4 (past at 10), 10+8 = 18; never start + 5 s + delay.
    expect(offsets(await runToEnd(clock, s, id))).toEqual([0, 5_000, 10_000, 18_000]);
  });
});

describe('turns across accounts and webhook names', () => {
  /** Two accounts' services on one dispatcher with a single slot, recording the order sent. */
  async function twoAccounts(dispatcher: Dispatcher) {
    const sent: string[] = [];
    const fetch: FetchLike = async (_url, init) => {
      const body = JSON.parse(String((init as { body: Buffer }).body)) as { name: string; entityId: string };
      sent.push(`${body.name}:${body.entityId}`);
      return new Response('ok');
    };
    const clock = () => createClock({ start: START, frozen: true });
    return { sent, a: await service(clock(), fetch, { dispatcher }), b: await service(clock(), fetch, { dispatcher }) };
  }

  it("sends another account's and another setting's first delivery before a burst drains", async () => {
    const { sent, a, b } = await twoAccounts(createDispatcher({ maxInFlight: 1 }));
    for (let i = 0; i < 20; i += 1) a.enqueue(webhook('http://one.test/hook', 'OrderStatus', `a${i}`));
    a.enqueue(webhook('http://one.test/hook', 'FulfilmentStatus', 'a-f'));
    b.enqueue(webhook('http://one.test/hook', 'OrderStatus', 'b0'));
    await Promise.all([a.drain(), b.drain()]);
    expect(sent).toHaveLength(22);
    expect(sent.slice(0, 3)).toEqual(['OrderStatus:a0', 'OrderStatus:b0', 'FulfilmentStatus:a-f']);
    // Within a webhook name, order is kept.
    expect(sent.filter((s) => s.startsWith('OrderStatus:a'))).toEqual(Array.from({ length: 20 }, (_, i) => `OrderStatus:a${i}`));
  });

  it('keeps the in-flight limit across accounts', async () => {
    const dispatcher = createDispatcher({ maxInFlight: 3, maxInFlightPerOrigin: 3 });
    let open = 0;
    let peak = 0;
    // Each attempt holds until three are open at once (or 500 ms pass), so the peak does not depend
    // on how fast the machine happens to be: three must overlap, and a fourth must never start.
    let waiting: (() => void)[] = [];
    const fetch: FetchLike = async () => {
      open += 1;
      peak = Math.max(peak, open);
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (open >= 3) {
          for (const release of waiting) release();
          waiting = [];
        } else setTimeout(resolve, 500).unref();
      });
      open -= 1;
      return new Response('ok');
    };
    const all = await Promise.all([0, 1, 2].map(() => service(createClock({ start: START, frozen: true }), fetch, { dispatcher })));
    all.forEach((s, n) => {
      for (let i = 0; i < 10; i += 1) s.enqueue(webhook('http://one.test/hook', 'OrderStatus', `${n}-${i}`));
    });
    await Promise.all(all.map((s) => s.drain()));
    expect(peak).toBe(3);
    expect(all.flatMap((s) => s.list({ status: 'DELIVERED' }))).toHaveLength(30);
  });
});

describe('the PENDING bound', () => {
  it('records deliveries past maxPending FAILED at once, unsent, and reports each', async () => {
    const rejected: WebhookDelivery[] = [];
    let calls = 0;
    const hang: FetchLike = (_url, init) => {
      calls += 1;
      return new Promise((_resolve, reject) => (init as { signal: AbortSignal }).signal.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const s = await service(createClock({ start: START, frozen: true }), hang, { maxPending: 3, timeoutMs: 60_000, onRejected: (d) => rejected.push(d) });
    const made = Array.from({ length: 5 }, (_, i) => s.enqueue(webhook('http://hung.test/hook', 'OrderStatus', String(i))));
    expect(made.map((d) => d.status)).toEqual(['PENDING', 'PENDING', 'PENDING', 'FAILED', 'FAILED']);
    expect(made[3]).toMatchObject({ attempts: [], nextAttemptAt: null, failure: expect.stringMatching(/3 deliveries of this account were already PENDING/) });
    expect(rejected.map((d) => d.id)).toEqual([made[3]!.id, made[4]!.id]);
    expect(s.stats().pending).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBeLessThanOrEqual(3);
  });
});

describe('the PENDING bound over HTTP (--webhook-max-pending)', () => {
  it('leaves an ACTION audit event with the reason for a webhook it does not send', async () => {
    const hung = await startWebhookReceiver({ hang: true });
    const t = await createTestApp({ webhookMaxPending: '1' });
    try {
      await t.gql('mutation($input: CreateSettingInput) { createSetting(input: $input) { id } }', {
        input: { name: 'webhook.order.status', valueType: 'JSON', lobValue: { name: 'OrderStatus', url: hung.url }, context: 'RETAILER', contextId: 1 },
      });
      for (const ref of ['PB-1', 'PB-2']) {
        const res = await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', {
          input: { ref, type: 'HD', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `${ref}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }] },
        });
        expect(res.errors).toBeUndefined();
      }
      const outbox = await request(t.app).get('/_sim/webhooks').query({ name: 'OrderStatus' });
      expect(outbox.body.results.map((d: WebhookDelivery) => [d.entityRef, d.status])).toEqual([
        ['PB-1', 'PENDING'],
        ['PB-2', 'FAILED'],
      ]);
      expect(outbox.body.results[1].failure).toMatch(/1 deliveries of this account were already PENDING/);
      const events = await request(t.app)
        .get('/api/v4.1/event')
        .query({ name: 'OrderStatus', category: 'ACTION' })
        .set('Authorization', `Bearer ${await t.token()}`);
      const audit = (events.body.results as { context: { entityRef: string }; eventStatus: string; attributes: { name: string; value: unknown }[] }[]).find(
        (e) => e.context.entityRef === 'PB-2',
      );
      expect(audit).toMatchObject({ eventStatus: 'FAILED' });
      expect(audit!.attributes).toEqual(
        expect.arrayContaining([
          { name: 'attempt', value: 0, type: 'INTEGER' },
          expect.objectContaining({ name: 'error', value: expect.stringMatching(/not sent/) }),
        ]),
      );
    } finally {
      await t.sim.close();
      await hung.close();
    }
  });
});
