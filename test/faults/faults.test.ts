import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const CREATE_ORDER =
  'mutation CreateIt($ref: String!) { createOrder(input: { ref: $ref, type: "HD", retailer: { id: "1" }, customer: { id: "1" }, items: [{ ref: "I1", productRef: "TSHIRT-BLK-M", quantity: 1 }] }) { id } }';

async function addFault(t: TestApp, fault: object): Promise<request.Response> {
  return request(t.app).post('/_sim/faults').send(fault);
}

async function createOrder(t: TestApp, ref: string): Promise<request.Response> {
  return request(t.app)
    .post('/graphql')
    .set('Authorization', `Bearer ${await t.token()}`)
    .send({ query: CREATE_ORDER, variables: { ref } });
}

describe('/_sim/faults: http faults', () => {
  it('answers the chosen GraphQL operation with an error for the next N requests, then runs it', async () => {
    const t = await createTestApp();
    expect((await addFault(t, { type: 'http', operation: 'createOrder', status: 503, times: 2 })).status).toBe(201);
    const first = await createOrder(t, 'F-1');
    expect(first.status).toBe(503);
    expect(first.body).toEqual({ errors: [{ message: expect.stringMatching(/Fault injected by fluent-sim/), extensions: { code: '503' } }], data: null });
    expect((await createOrder(t, 'F-2')).status).toBe(503);
    const third = await createOrder(t, 'F-3');
    expect(third.status).toBe(200);
    expect(third.body.data.createOrder.id).toEqual(expect.any(String));
    // Nothing of the refused requests was stored.
    const orders = await t.gql<{ orders: { edges: { node: { ref: string } }[] } }>('{ orders(first: 10) { edges { node { ref } } } }');
    expect(orders.data.orders.edges.map((e) => e.node.ref)).toEqual(['F-3']);
    const listed = await request(t.app).get('/_sim/faults');
    expect(listed.body.faults).toEqual([expect.objectContaining({ type: 'http', operation: 'createOrder', matched: 2, fired: 2, remaining: 0 })]);
  });

  it('leaves other operations alone and faults REST routes by method and path prefix', async () => {
    const t = await createTestApp();
    await addFault(t, { type: 'http', method: 'POST', path: '/api/v4.1/event/*', status: 500, code: 'Internal', message: 'boom' });
    const query = await t.gql<{ orders: unknown }>('{ orders(first: 1) { edges { node { id } } } }');
    expect(query.data.orders).toBeDefined();
    const event = await request(t.app)
      .post('/api/v4.1/event/async')
      .set('Authorization', `Bearer ${await t.token()}`)
      .send({ name: 'X', retailerId: '1', entityType: 'ORDER', entityRef: 'NONE' });
    expect(event.status).toBe(500);
    expect(event.body).toEqual({ errors: [{ code: 'Internal', message: 'boom' }] });
  });

  it('adds latency and then answers for real', async () => {
    const t = await createTestApp();
    await addFault(t, { type: 'http', path: '/graphql', delayMs: 150, times: 1 });
    const started = performance.now();
    const res = await createOrder(t, 'SLOW-1');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('fires for a ratio of matching requests', async () => {
    const t = await createTestApp();
    await addFault(t, [{ type: 'http', operation: 'createOrder', status: 429, ratio: 0 }]);
    expect((await createOrder(t, 'R-1')).status).toBe(200);
    const listed = await request(t.app).get('/_sim/faults');
    expect(listed.body.faults[0]).toMatchObject({ matched: 1, fired: 0, remaining: null });
  });

  it('is per account: another tenant is not faulted', async () => {
    const t = await createTestApp();
    const created = await request(t.app).post('/_sim/accounts').send({ id: 'OTHER', seed: 'default' });
    expect(created.status).toBe(201);
    await request(t.app).post('/_sim/faults').set('x-fluent-sim-account', 'OTHER').send({ type: 'http', status: 503 });
    expect((await createOrder(t, 'MINE-1')).status).toBe(200);
    const token = await request(t.app)
      .post('/oauth/token')
      .query({ grant_type: 'password', client_id: 'OTHER', client_secret: created.body.clientSecret, username: 'admin', password: created.body.password });
    expect(token.status).toBe(503);
  });

  it('refuses an invalid fault with 400 and is cleared by reset', async () => {
    const t = await createTestApp();
    const bad = await addFault(t, { type: 'http', status: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toMatch(/Invalid fault/);
    await addFault(t, { type: 'http', operation: 'createOrder', status: 503 });
    expect((await request(t.app).post('/_sim/reset')).status).toBe(200);
    expect((await request(t.app).get('/_sim/faults')).body.faults).toEqual([]);
    expect((await createOrder(t, 'AFTER-RESET')).status).toBe(200);
  });
});

describe('/_sim/faults: webhook and event faults', () => {
  it('fails deliveries to a URL with the given status; the retry delivers', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const t = await createTestApp();
      const account = t.sim.accounts.get('LOCAL')!;
      await addFault(t, { type: 'webhook', url: `${receiver.url}*`, status: 500, times: 1 });
      const event = {
        id: 'e-1',
        name: 'OrderCreated',
        accountId: 'LOCAL',
        retailerId: '1',
        entityType: 'ORDER',
        entityId: '1',
        entityRef: 'O-1',
        rootEntityType: 'ORDER',
        rootEntityId: '1',
        rootEntityRef: 'O-1',
        attributes: {},
      };
      account.webhooks!.enqueue({
        name: 'OrderCreated',
        url: `${receiver.url}/hook`,
        accountId: 'LOCAL',
        retailerId: '1',
        event: event as never,
        sourceEventId: 'e-0',
      });
      await expect.poll(() => account.webhooks!.list()[0]?.attempts.length ?? 0).toBeGreaterThanOrEqual(1);
      expect(account.webhooks!.list()[0]!.attempts[0]).toMatchObject({ responseStatus: 500 });
      expect(receiver.requests).toHaveLength(0);
      // The retry waits for the virtual clock (2 s on the default schedule), then really delivers.
      await account.clock.advance(60_000);
      await expect.poll(() => receiver.requests.length).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('holds async events PENDING for the delay (real time), then processes them', async () => {
    const t = await createTestApp();
    await addFault(t, { type: 'event', name: 'SlowEvent', delayMs: 3000 });
    const bearer = await t.token();
    const res = await request(t.app)
      .post('/api/v4.1/event/async')
      .set('Authorization', `Bearer ${bearer}`)
      .send({ name: 'SlowEvent', retailerId: '1', entityType: 'ORDER', entityRef: 'NONE' });
    expect(res.status).toBe(200);
    const id = res.body.id as string;
    const statusOf = async (): Promise<string> =>
      (await request(t.app).get(`/api/v4.1/event/${id}`).set('Authorization', `Bearer ${bearer}`)).body.eventStatus as string;
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    expect(await statusOf()).toBe('PENDING');
    await expect.poll(statusOf, { timeout: 15_000, interval: 200 }).not.toBe('PENDING');
  });
});
