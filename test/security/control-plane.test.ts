import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../server/http/middleware/control-access.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const CONTROL = 'x-fluent-sim-control-token';
const SECRET = 'ci-control-token-0123456789';
const ORDER_COUNT = '{ orders(first: 50) { edges { node { ref } } } }';

async function orderRefs(t: TestApp): Promise<string[]> {
  return (await t.gql<{ orders: { edges: { node: { ref: string } }[] } }>(ORDER_COUNT)).data.orders.edges.map((e) => e.node.ref);
}

async function addOrder(t: TestApp, ref: string): Promise<void> {
  const input = { ref, type: 'HD', retailer: { id: '1' }, customer: { id: '1' }, items: [{ ref: `${ref}-1`, productRef: 'TSHIRT-BLK-M', quantity: 1 }] };
  await t.gql('mutation($input: CreateOrderInput) { createOrder(input: $input) { id } }', { input });
}

async function tenantToken(t: TestApp, headers: Record<string, string> = {}): Promise<{ id: string; token: string }> {
  const created = await request(t.app).post('/_sim/accounts').set(headers).send({ seed: 'none' });
  expect(created.status).toBe(201);
  const c = created.body as { accountId: string; clientId: string; clientSecret: string; username: string; password: string };
  const res = await request(t.app)
    .post('/oauth/token')
    .query({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password });
  return { id: c.accountId, token: res.body.access_token as string };
}

describe('control plane on loopback (open by default)', () => {
  it('answers an invalid bearer token with 401 and does not fall back to the default account', async () => {
    const t = await createTestApp();
    await addOrder(t, 'KEEP-1');
    for (const header of ['Bearer not-a-token', 'Bearer eyJhbGciOiJub25lIn0.e30.', 'Basic YWRtaW46cGFzc3dvcmQ=']) {
      const res = await request(t.app).post('/_sim/reset').set('Authorization', header);
      expect(res.status, header).toBe(401);
      expect(res.body).toEqual({ errors: [{ code: '401', message: 'Invalid user, Authorization header value does not belong to a valid user' }] });
    }
    expect(await orderRefs(t)).toEqual(['KEEP-1']);
  });

  it('answers an expired token with 401 instead of resetting the default account', async () => {
    const t = await createTestApp();
    const token = await t.token();
    await addOrder(t, 'KEEP-2');
    await request(t.app).post('/_sim/tokens/expire').expect(200);
    expect((await request(t.app).post('/_sim/reset').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await request(t.app).get('/_sim/webhooks').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    const fresh = await request(t.app)
      .post('/oauth/token')
      .query({ grant_type: 'password', client_id: 'LOCAL', client_secret: 'local-secret', username: 'admin', password: 'password' });
    const refs = await request(t.app).post('/graphql').set('Authorization', `Bearer ${fresh.body.access_token}`).send({ query: ORDER_COUNT });
    expect(refs.body.data.orders.edges).toHaveLength(1);
  });

  it('lets a tenant reset and inspect its own account with its own token, and nothing else', async () => {
    const t = await createTestApp();
    const tenant = await tenantToken(t);
    await addOrder(t, 'MAIN-1');
    const bearer = { Authorization: `Bearer ${tenant.token}` };
    // The header naming another account does not beat the token.
    await request(t.app).post('/_sim/clock').set(bearer).set('x-fluent-sim-account', 'LOCAL').send({ advance: 'PT1H' }).expect(200);
    expect((await request(t.app).get('/_sim/clock')).body.now).toBe('2026-01-15T09:00:00.000Z');
    expect((await request(t.app).post('/_sim/reset').set(bearer)).body).toEqual({ account: tenant.id, reset: true });
    expect(await orderRefs(t)).toEqual(['MAIN-1']);
    expect((await request(t.app).get('/_sim/snapshots').set(bearer)).body.account).toBe(tenant.id);
  });
});

describe('tenant isolation on /_sim', () => {
  it("keeps one tenant's snapshots, clock and traces away from another tenant's token", async () => {
    const t = await createTestApp({ host: '0.0.0.0', controlToken: SECRET });
    const a = await tenantToken(t, { [CONTROL]: SECRET });
    const b = await tenantToken(t, { [CONTROL]: SECRET });
    const asA = { Authorization: `Bearer ${a.token}` };
    const asB = { Authorization: `Bearer ${b.token}` };
    await request(t.app).post('/_sim/snapshots').set(asA).send({ name: 'a-only' }).expect(201);
    expect((await request(t.app).get('/_sim/snapshots').set(asB)).body.snapshots).toEqual([]);
    expect((await request(t.app).post('/_sim/snapshots/a-only/restore').set(asB)).status).toBe(404);
    expect((await request(t.app).delete('/_sim/snapshots/a-only').set(asB)).status).toBe(404);
    // A header or query naming the other tenant does not widen a tenant token.
    expect((await request(t.app).get('/_sim/snapshots').set(asB).set('x-fluent-sim-account', a.id)).body.account).toBe(b.id);
    expect((await request(t.app).get(`/_sim/snapshots?account=${a.id}`).set(asB)).body.account).toBe(b.id);
    const sent = await request(t.app)
      .post('/api/v4.1/event/sync')
      .set(asA)
      .send({ name: 'Nothing', retailerId: '1', entityType: 'ORDER', entityRef: 'X', rootEntityType: 'ORDER', rootEntityRef: 'X' });
    expect((await request(t.app).get(`/_sim/events/${sent.body.eventId}/explain`).set(asB)).status).toBe(404);
    expect((await request(t.app).get(`/_sim/events/${sent.body.eventId}/explain`).set(asA)).status).toBe(200);
    await request(t.app).post('/_sim/clock').set(asB).send({ advance: 'PT1H' }).expect(200);
    expect((await request(t.app).get('/_sim/clock').set(asA)).body.now).toBe('2026-01-15T09:00:00.000Z');
  });
});

describe('control plane off loopback', () => {
  it('requires the control token on every /_sim route but health', async () => {
    const t = await createTestApp({ host: '0.0.0.0', controlToken: SECRET });
    await addOrder(t, 'KEEP-3');
    const attempts = [
      request(t.app).post('/_sim/reset'),
      request(t.app).post('/_sim/reset').set('x-fluent-sim-account', 'LOCAL'),
      request(t.app).post('/_sim/reset?account=LOCAL'),
      request(t.app).get('/_sim/accounts'),
      request(t.app).post('/_sim/accounts').send({ id: 'INTRUDER' }),
      request(t.app).get('/_sim/webhooks'),
      request(t.app).delete('/_sim/snapshots/x'),
      request(t.app).post('/_sim/clock').send({ advance: 'P1D' }),
      request(t.app).post('/_sim/reset').set(CONTROL, 'wrong-token-wrong-token'),
    ];
    for (const [i, res] of (await Promise.all(attempts)).entries()) {
      expect(res.status, `attempt ${i}`).toBe(401);
      expect(res.body.errors[0].code).toBe('401');
    }
    expect(await orderRefs(t)).toEqual(['KEEP-3']);
    expect(t.sim.accounts.has('INTRUDER')).toBe(false);
    const health = await request(t.app).get('/_sim/health');
    expect(health.status).toBe(200);
    expect(health.body.accounts).toBeUndefined();
  });

  it('opens everything with the control token', async () => {
    const t = await createTestApp({ host: '0.0.0.0', controlToken: SECRET });
    expect((await request(t.app).get('/_sim/health').set(CONTROL, SECRET)).body.accounts).toEqual(['LOCAL']);
    const tenant = await tenantToken(t, { [CONTROL]: SECRET });
    expect((await request(t.app).get('/_sim/accounts').set(CONTROL, SECRET)).body.accounts).toHaveLength(2);
    await addOrder(t, 'GONE-1');
    await request(t.app).post('/_sim/reset').set(CONTROL, SECRET).expect(200);
    expect(await orderRefs(t)).toEqual([]);
    // A tenant's own token still works for its account, but not for the simulator as a whole.
    const bearer = { Authorization: `Bearer ${tenant.token}` };
    expect((await request(t.app).post('/_sim/reset').set(bearer)).status).toBe(200);
    expect((await request(t.app).get('/_sim/accounts').set(bearer)).status).toBe(401);
    expect((await request(t.app).post('/_sim/accounts').set(bearer).send({})).status).toBe(401);
  });

  it('refuses everything but tenants when no token was configured (start.ts prints a generated one)', async () => {
    const t = await createTestApp({ host: '0.0.0.0' });
    expect((await request(t.app).post('/_sim/reset')).status).toBe(401);
    expect((await request(t.app).post('/_sim/reset').set(CONTROL, 'anything-anything-anything')).status).toBe(401);
    expect(
      (
        await request(t.app)
          .post('/_sim/reset')
          .set('Authorization', `Bearer ${await t.token()}`)
      ).status,
    ).toBe(200);
  });

  it('knows which hosts are loopback', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.10', 'example.com', '10.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('fluent-sim/testing off loopback', () => {
  it('startSimulator on 0.0.0.0 sends its own control token, and connectSimulator takes one', async () => {
    const { startSimulator, connectSimulator } = await import('../../server/testing.js');
    const sim = await startSimulator({ host: '0.0.0.0', controlToken: SECRET, clockStart: '2026-01-15T09:00:00Z' });
    try {
      await sim.reset();
      const tenant = await sim.createAccount({ seed: 'none' });
      expect(await tenant.clock.now()).toBe('2026-01-15T09:00:00.000Z');
      const without = await connectSimulator(sim.url);
      await expect(without.reset()).rejects.toThrow(/401/);
      const withToken = await connectSimulator(sim.url, undefined, { controlToken: SECRET });
      await withToken.reset();
    } finally {
      await sim.stop();
    }
    const generated = await startSimulator({ host: '0.0.0.0' });
    try {
      await generated.reset();
      await expect((await connectSimulator(generated.url)).reset()).rejects.toThrow(/401/);
    } finally {
      await generated.stop();
    }
  });
});
