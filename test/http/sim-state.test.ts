import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { hdChoice } from '../support/delivery-address.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ORDER = (ref: string) => ({
  ref,
  type: 'HD',
  retailer: { id: '1' },
  customer: { id: '1' },
  fulfilmentChoice: hdChoice(ref),
  items: [{ ref: `${ref}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }],
});
const CREATE = 'mutation($input: CreateOrderInput) { createOrder(input: $input) { id ref createdOn } }';
const READ =
  '{ orders(first: 50) { edges { cursor node { id ref status createdOn items { edges { node { ref } } } } } } locations { edges { node { ref status } } } }';

describe('/_sim/clock', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('reads, sets and advances the virtual clock, and createdOn follows it', async () => {
    expect((await request(t.app).get('/_sim/clock')).body).toEqual({ now: '2026-01-15T09:00:00.000Z', frozen: true });
    await request(t.app).post('/_sim/clock').send({ set: '2026-03-01T00:00:00Z' }).expect(200);
    const advanced = await request(t.app).post('/_sim/clock').send({ advance: 'P1DT2H' });
    expect(advanced.body.now).toBe('2026-03-02T02:00:00.000Z');
    const created = await t.gql<{ createOrder: { createdOn: string } }>(CREATE, { input: ORDER('CLK-1') });
    expect(created.data.createOrder.createdOn).toBe('2026-03-02T02:00:00.000Z');
  });

  it('fires a scheduled event when the clock is advanced past it', async () => {
    const token = await t.token();
    const created = await t.gql<{ createOrder: { id: string } }>(CREATE, { input: ORDER('SCH-1') });
    await t.sim.accounts.get('LOCAL')!.orchestration!.engine.drain();
    const sent = await request(t.app).post('/api/v4.1/event/async').set('Authorization', `Bearer ${token}`).send({
      name: 'CancelOrder',
      retailerId: '1',
      entityType: 'ORDER',
      entityId: created.data.createOrder.id,
      rootEntityType: 'ORDER',
      rootEntityId: created.data.createOrder.id,
      scheduledOn: '2026-01-15T10:00:00.000Z',
    });
    expect(sent.status).toBe(200);
    const status = async () =>
      (await t.gql<{ orderById: { status: string } }>(`{ orderById(id: "${created.data.createOrder.id}") { status } }`)).data.orderById.status;
    expect(await status()).toBe('BOOKED');
    await request(t.app).post('/_sim/clock').send({ advance: 'PT59M' }).expect(200);
    expect(await status()).toBe('BOOKED');
    await request(t.app).post('/_sim/clock').send({ advance: 'PT1M' }).expect(200);
    expect(await status()).toBe('CANCELLED');
  });

  it('rejects a body that is not one of the documented forms', async () => {
    for (const body of [{}, { advance: 'one hour' }, { set: 'yesterday' }, { freeze: 'yes' }]) {
      const res = await request(t.app).post('/_sim/clock').send(body);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].code).toBe('400');
    }
    expect((await request(t.app).get('/_sim/clock')).body.now).toBe('2026-01-15T09:00:00.000Z');
  });
});

describe('/_sim/snapshots and /_sim/reset', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('restores exactly the answers a snapshot was taken with', async () => {
    await t.gql(CREATE, { input: ORDER('SNAP-1') });
    await request(t.app).post('/_sim/snapshots').send({ name: 'one-order' }).expect(201);
    const before = await t.gql(READ);
    await t.gql(CREATE, { input: ORDER('SNAP-2') });
    await t.gql('mutation { updateLocation(input: { id: "1", status: "CLOSED" }) { id } }');
    expect(await t.gql(READ)).not.toEqual(before);
    await request(t.app).post('/_sim/snapshots/one-order/restore').expect(200);
    expect(await t.gql(READ)).toEqual(before);
    // Ids continue from the snapshot too: the next order gets the id SNAP-2 had.
    const again = await t.gql<{ createOrder: { id: string } }>(CREATE, { input: ORDER('SNAP-3') });
    expect(again.data.createOrder.id).toBe('2');
    expect((await request(t.app).get('/_sim/snapshots')).body.snapshots).toEqual([{ name: 'one-order', createdOn: '2026-01-15T09:00:00.000Z' }]);
  });

  it('returns the account to its seed on reset', async () => {
    const seeded = await t.gql(READ);
    await t.gql(CREATE, { input: ORDER('RESET-1') });
    await request(t.app).post('/_sim/reset').expect(200);
    expect(await t.gql(READ)).toEqual(seeded);
  });

  it('answers 404 for an unknown snapshot and 400 for a bad name', async () => {
    const res = await request(t.app).post('/_sim/snapshots/nope/restore');
    expect(res.status).toBe(404);
    expect(res.body.errors[0].message).toMatch(/No snapshot "nope"/);
    expect((await request(t.app).post('/_sim/snapshots').send({ name: 'a b' })).status).toBe(400);
  });
});

describe('/_sim/accounts', () => {
  it('creates isolated accounts whose tokens see only their own data, clock and events', async () => {
    const t = await createTestApp();
    const created = await request(t.app).post('/_sim/accounts').send({ id: 'TENANT_A' });
    expect(created.status).toBe(201);
    const creds = created.body as { clientId: string; clientSecret: string; username: string; password: string };
    const tokenRes = await request(t.app)
      .post('/oauth/token')
      .query({ grant_type: 'password', client_id: creds.clientId, client_secret: creds.clientSecret, username: creds.username, password: creds.password });
    expect(tokenRes.status).toBe(200);
    const tenantToken = tokenRes.body.access_token as string;
    const tenantGql = async (query: string, variables?: unknown) =>
      (await request(t.app).post('/graphql').set('Authorization', `Bearer ${tenantToken}`).send({ query, variables })).body;

    // Parallel writes into both accounts.
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => t.gql(CREATE, { input: ORDER(`MAIN-${i}`) })),
      ...Array.from({ length: 10 }, (_, i) => tenantGql(CREATE, { input: ORDER(`TEN-${i}`) })),
    ]);
    const mainRefs = (
      await t.gql<{ orders: { edges: { node: { ref: string } }[] } }>('{ orders(first: 100) { edges { node { ref } } } }')
    ).data.orders.edges.map((e) => e.node.ref);
    const tenantRefs = (await tenantGql('{ orders(first: 100) { edges { node { ref } } } }')).data.orders.edges.map(
      (e: { node: { ref: string } }) => e.node.ref,
    );
    expect(mainRefs.every((r) => r.startsWith('MAIN-'))).toBe(true);
    expect(tenantRefs.every((r: string) => r.startsWith('TEN-'))).toBe(true);
    expect(mainRefs).toHaveLength(10);
    expect(tenantRefs).toHaveLength(10);

    const mainEvents = await request(t.app)
      .get('/api/v4.1/event?count=5000')
      .set('Authorization', `Bearer ${await t.token()}`);
    expect(mainEvents.body.results.some((e: { context: { entityRef: string } }) => e.context.entityRef?.startsWith('TEN-'))).toBe(false);
    await request(t.app).post('/_sim/clock').set('Authorization', `Bearer ${tenantToken}`).send({ advance: 'P1D' }).expect(200);
    expect((await request(t.app).get('/_sim/clock')).body.now).toBe('2026-01-15T09:00:00.000Z');
    expect((await request(t.app).get('/_sim/clock').set('x-fluent-sim-account', 'TENANT_A')).body.now).toBe('2026-01-16T09:00:00.000Z');
    // The default credentials do not open the tenant.
    const wrong = await request(t.app)
      .post('/oauth/token')
      .query({ grant_type: 'password', client_id: creds.clientId, client_secret: creds.clientSecret, username: 'admin', password: 'password' });
    expect(wrong.status).toBe(400);
  });
});
